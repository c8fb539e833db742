#pragma once
// The back-office pages of consultation as templates/consult/admin_queue.mustache and
// admin_question.mustache see them: built from what the route fetched; nothing here reads the
// database or decides who may act (the services do, the routes ask them).
#include "consult/model.h"
#include "consult/moderation.h"
#include "core/error.h"
#include "http/form.h"

#include <nlohmann/json.hpp>

namespace consult {

std::string question_url(std::int64_t id);  // /quan-tri/tu-van/{id}
// ?trang-thai= of the moderators' «Quá hạn» tab.
constexpr const char* kOverdueTab = "qua-han";

// The message after a successful step, from the code its redirect carries (?thong-bao=…), never
// text to reflect; unknown codes show nothing.
void add_notice(nlohmann::json& view, const std::optional<std::string>& code);
// A refused step: the message at the top, the field messages next to their fields.
void add_errors(nlohmann::json& view, const core::ServiceError& e);

struct QueuePage {
  std::vector<Question> questions;
  bool moderator = false;
  std::optional<Status> status;  // the tab; none: every status
  bool overdue_tab = false;      // moderators' «Quá hạn»
  std::int64_t page = 1;
  bool more = false;             // there is a next page
  std::optional<Expert> me;      // an expert visitor's record
};
void add_queue(nlohmann::json& view, const QueuePage& page);

// Which forms the page of one question shows, from its status and the visitor's role; the
// service checks each step again when it is posted.
struct QuestionForms {
  bool triage = false;  // with merge
  bool reject = false;
  bool assign = false;
  bool answer = false;          // the assigned expert, verified
  bool answer_blocked = false;  // the assigned expert, not (or no longer) verified
  bool review = false;
  bool publish = false;
  bool no_consent = false;  // would publish, but the asker did not agree
  bool unpublish = false;
};
QuestionForms question_forms(const Question& q, bool moderator, const std::optional<Expert>& me);

struct QuestionPage {
  QuestionView question;
  bool moderator = false;
  std::optional<Expert> me;
  QuestionForms forms;
  const http::Form* posted = nullptr;   // a refused form, shown again as typed
  std::vector<LegalField> fields;       // for triage
  std::vector<Expert> experts;          // for assignment
  std::string find;                     // the citation picker's search (?tim-dieu=)
  std::vector<nlohmann::json> picker_hits;  // library::SearchService::hit_json of its hits
};
void add_question(nlohmann::json& view, const QuestionPage& page);

}  // namespace consult
