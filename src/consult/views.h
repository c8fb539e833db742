#pragma once
// Questions as templates and the API see them (one place, so the page and the JSON agree).
#include "answer/answer_service.h"
#include "consult/model.h"
#include "consult/qa_index.h"

#include <nlohmann/json.hpp>

namespace consult {

// The library URL of a cited article: /van-ban/<slug>/dieu-<n>[#khoan-<k>].
std::string citation_url(const QuestionCitation& c);
nlohmann::json citation_json(const QuestionCitation& c);
nlohmann::json field_options(const std::vector<LegalField>& fields, const std::string& selected);
// For the asker's tracking page and GET /api/v1/questions/{code}.
nlohmann::json asker_view(const QuestionView& v);
// A published question in the archive (anonymised copy only).
nlohmann::json public_view(const QuestionView& v);
nlohmann::json qa_hit_json(const QaHit& h);
std::string public_url(const std::string& slug);
// The asker's tracking page: /tu-van/theo-doi/{code}, with ?token= when there is one.
std::string tracking_url(const std::string& code, const std::string& token);

// The ask form (/tu-van) with what was typed.
nlohmann::json ask_form_view(const AskInput& in, const std::vector<LegalField>& fields);
// Published answers and law articles that may already answer a question being written, so the
// citizen can avoid sending a duplicate.
nlohmann::json suggestions_view(const std::vector<QaHit>& questions, const std::vector<answer::AnswerCitation>& articles);
// A published question in a list: title, link, field; `with_snippet` adds the start of the
// anonymised question (HTML-escaped, cut at a word after 240 bytes).
nlohmann::json published_item(const Question& q, bool with_snippet);
// A question on /tu-van/cua-toi.
nlohmann::json mine_item(const Question& q);
// The tracking page's data besides the base view; `token` goes into its forms.
void add_tracking(nlohmann::json& view, const QuestionView& q, const std::string& token);

}  // namespace consult
