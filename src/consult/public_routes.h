#pragma once
#include "answer/answer_service.h"
#include "consult/consultation.h"
#include "consult/qa_index.h"
#include "web/site.h"

namespace consult {

// Citizens' pages: asking (/tu-van), following one's question by its secret link
// (/tu-van/theo-doi/{code}), and the public Q&A archive (/hoi-dap).
void register_consult_public_routes(web::Site& site, Consultation& consult, const QaIndex& qa,
                                    const answer::AnswerService& answers);

}  // namespace consult
