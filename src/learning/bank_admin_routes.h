#pragma once
// The question banks in the back office (/quan-tri/cau-hoi): the list by status and words,
// writing a question, and the review workflow (submit, publish, return with a note). Writers
// and reviewers as for posts (learning/permissions.h).
#include "learning/bank_editor.h"
#include "web/site.h"

namespace learning {

void register_bank_admin_routes(web::Site& site, BankEditor& editor);

}  // namespace learning
