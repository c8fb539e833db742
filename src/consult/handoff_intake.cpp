#include "consult/handoff_intake.h"

#include "library/citation_resolver.h"
#include "consult/question_rules.h"
#include "consult/question_repository.h"
#include "core/random.h"
#include "core/time.h"
#include "core/utf8.h"
#include "text/personal_data.h"

#include <nlohmann/json.hpp>

namespace consult {

namespace {

// Retried for about a day (1, 5, 15, 60 minutes, then every 4 hours), then left `failed` with
// its error for an operator: only a database fault can make taking a hand-off fail.
db::WorkerOptions worker_options() {
  db::WorkerOptions o;
  o.name = "handoffs";
  o.poll = std::chrono::seconds(10);  // this node's own hand-offs wake it at once
  o.backoff = {60, {1, 5, 15, 60, 240}, 10};
  o.redact = [](const std::string& s) { return text::mask_personal_data(s); };
  return o;
}

// The stored form of the candidates: [{"document_id": "12", "document_title", "article", "url",
// "score"}], as rows written before the queue have it.
std::string encode(const std::vector<answer::HandoffCandidate>& candidates) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& c : candidates)
    list.push_back({{"document_id", std::to_string(c.document_id)}, {"document_title", c.document_title}, {"article", c.article},
                    {"url", c.url}, {"score", c.score}});
  return list.dump();
}

// Tolerant of rows written by hand or by older versions: ids as numbers or strings; malformed
// entries (or a list that is no JSON) are left out.
std::vector<answer::HandoffCandidate> decode(const std::string& stored) {
  std::vector<answer::HandoffCandidate> out;
  auto list = nlohmann::json::parse(stored, nullptr, false);
  if (!list.is_array()) return out;
  for (const auto& item : list) {
    if (!item.is_object() || !item.contains("document_id") || !item.contains("article")) continue;
    answer::HandoffCandidate c;
    const auto& id = item["document_id"];
    try {
      c.document_id = id.is_string() ? std::stoll(id.get<std::string>()) : id.get<std::int64_t>();
    } catch (const std::exception&) {
      continue;
    }
    c.article = item["article"].is_string() ? item["article"].get<std::string>() : "";
    out.push_back(std::move(c));
  }
  return out;
}

// A hand-off's question as a title: whole up to 120 characters, else its first 100 characters and
// the rest of the word they end in (at most 20 more), then "…". Counted in characters, so never
// half of one: PostgreSQL refuses invalid UTF-8.
std::string handoff_title(const std::string& text) {
  if (core::utf8_length(text) <= 120) return text;
  std::string title = core::utf8_prefix(text, 100);
  std::string rest = core::utf8_prefix(std::string_view(text).substr(title.size()), 20);
  if (auto space = rest.find(' '); space != std::string::npos) title += rest.substr(0, space);
  return title + "…";
}

// The new question, its candidate articles (those the library has) and its timeline event.
void add_question(db::Connection& c, const answer::Handoff& h, std::int64_t now) {
  std::string text = core::clean_text(h.question);
  Question q;
  q.title = handoff_title(text);
  q.body = text;
  q.source = "handoff";
  q.status = Status::fresh;
  q.created_at = q.updated_at = now;
  q.code = make_tracking_code();
  QuestionRepository repo(c);
  // A hand-off has no secret link: the asker chatted anonymously; staff answer into the archive.
  q.id = repo.insert(q, core::sha256_hex(core::random_token(24)), now);
  std::vector<QuestionCitation> candidates;
  for (const auto& found : h.candidates) {
    QuestionCitation ci;
    ci.document_id = found.document_id;
    ci.article = found.article;
    if (library::complete_citation(ci, c)) candidates.push_back(ci);
  }
  repo.replace_citations(q.id, "candidate", candidates);
  repo.add_event(q.id, std::nullopt, "handoff", "từ hệ thống trả lời tự động, " + std::to_string(candidates.size()) + " điều luật gợi ý", now);
}

}  // namespace

const db::DurableQueue& handoff_queue() {
  static const db::DurableQueue queue({"answer_handoffs", "new", "new", "taken", "failed", ""});
  return queue;
}

HandoffIntake::HandoffIntake(db::Database& database)
    : database_(database), worker_(database, handoff_queue(), worker_options(), [this](const db::Job& job) { return take(job); }) {}

std::int64_t HandoffIntake::hand_off(db::Connection& c, const answer::Handoff& h) {
  auto id = handoff_queue().enqueue(
      c, {{"question", h.question}, {"candidates", encode(h.candidates)}, {"conversation_id", h.conversation_id}}, core::now_unix());
  // Inside a caller's transaction the worker may look before the commit: the next poll finds it.
  worker_.notify();
  return id;
}

db::Outcome HandoffIntake::take(const db::Job& job) {
  const std::string about = "hand-off " + std::to_string(job.id);
  auto c = database_.acquire();
  auto row = c->query_one("SELECT question, candidates, conversation_id FROM answer_handoffs WHERE id = ?", {job.id});
  if (!row) return db::Outcome::failure("the hand-off was deleted", about);
  answer::Handoff h{row->text(0), decode(row->text(1)), row->text(2)};
  auto now = core::now_unix();
  db::Transaction tx(*c);
  // Marked taken first, in the question's transaction: if this claim is no longer ours, nothing
  // is written, and the question exists exactly when the hand-off is taken.
  if (!handoff_queue().complete(*c, job, now)) return db::Outcome::success(about);
  add_question(*c, h, now);
  tx.commit();
  return db::Outcome::completed(about);
}

}  // namespace consult
