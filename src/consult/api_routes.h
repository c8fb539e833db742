#pragma once
#include "consult/consult_service.h"
#include "consult/qa_index.h"
#include "web/site.h"

namespace consult {

// POST /api/v1/questions, GET /api/v1/questions/{code} (with its token), GET /api/v1/qa.
void register_consult_api_routes(web::Site& site, ConsultService& service, const QaIndex& qa);

}  // namespace consult
