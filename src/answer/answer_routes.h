#pragma once
#include "answer/answer_service.h"
#include "answer/reviews.h"
#include "web/site.h"

namespace answer {

// POST /api/v1/answer and the plain page /hoi-dap-tu-dong (works without JavaScript), with the
// asker's "Câu trả lời có giúp ích không?" (POST /hoi-dap-tu-dong/danh-gia, POST
// /api/v1/answer/feedback); answers that fall short are noted in `reviews`.
void register_answer_routes(web::Site& site, AnswerService& service, AnswerReviews& reviews);

}  // namespace answer
