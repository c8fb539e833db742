#pragma once
#include "consult/consultation.h"
#include "consult/qa_index.h"
#include "web/site.h"

namespace consult {

// POST /api/v1/questions, GET /api/v1/questions/{code} (with its token), GET /api/v1/qa.
void register_consult_api_routes(web::Site& site, Consultation& consult, const QaIndex& qa);

}  // namespace consult
