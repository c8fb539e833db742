#pragma once
// The question banks in the back office (/quan-tri/cau-hoi): the list by status and words,
// writing a question, the review workflow (submit, publish, return with a note), importing a
// file (XLSX, CSV, JSON: all or nothing, problems by line) and its template. Writers and
// reviewers as for posts (learning/permissions.h); only reviewers import straight to published.
#include "learning/bank_editor.h"
#include "learning/question_bank.h"
#include "web/site.h"

namespace learning {

void register_bank_admin_routes(web::Site& site, BankEditor& editor, QuestionBank& bank);

}  // namespace learning
