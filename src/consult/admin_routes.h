#pragma once
#include "consult/consultation.h"
#include "library/search_service.h"
#include "web/site.h"

namespace consult {

// Back office of online legal consultation (/quan-tri/tu-van, /quan-tri/chuyen-gia): the queue,
// one question with the forms its status and the visitor's role allow (triage, reject, merge,
// assign, answer with citations, review, publish after the personal-data check, unpublish), its
// attachments, and the expert registry. `search` serves the citation picker when JavaScript is off.
void register_consult_admin_routes(web::Site& site, Consultation& consult, library::SearchService& search);

}  // namespace consult
