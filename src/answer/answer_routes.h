#pragma once
#include "answer/answer_service.h"
#include "web/site.h"

namespace answer {

// POST /api/v1/answer and the plain page /hoi-dap-tu-dong (works without JavaScript).
void register_answer_routes(web::Site& site, AnswerService& service);

}  // namespace answer
