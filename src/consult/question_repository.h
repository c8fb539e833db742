#pragma once
// SQL for questions and what hangs off them (citations, follow-ups, attachments, timeline).
#include "consult/model.h"
#include "db/database.h"

namespace consult {

// An article an answer cites, as the archive stores it.
struct CitedArticle {
  std::int64_t document_id = 0;
  std::string article;  // its number, "35"
};

// A published question's anonymised text and the articles its answer cites.
struct PublishedCitations {
  std::string question;
  std::vector<CitedArticle> cited;
};

struct QuestionFilter {
  std::optional<Status> status;
  std::optional<std::string> field_slug;
  std::optional<std::int64_t> expert_id;
  bool overdue_only = false;  // open, with due_at in the past
  std::int64_t now = 0;
  std::size_t limit = 50, offset = 0;
};

class QuestionRepository {
 public:
  explicit QuestionRepository(db::Connection& c) : c_(c) {}
  // Answers delivered to askers in [from, to), imported questions left out: a figure of the
  // PBGDPL reports.
  std::int64_t count_answered(std::int64_t from, std::int64_t to);

  std::int64_t insert(const Question& q, const std::string& token_hash, std::int64_t consented_at);
  std::optional<Question> find(std::int64_t id);
  std::optional<Question> find_by_code(const std::string& code);
  std::optional<Question> find_published(const std::string& slug);
  // The question with its citations, candidates, thread, attachments and timeline.
  QuestionView view(const Question& q);
  // The latest `limit` questions a logged-in citizen asked.
  std::vector<Question> asked_by(std::int64_t user_id, std::size_t limit);
  // Whether another question than `id` is published under `slug`.
  bool public_slug_taken(const std::string& slug, std::int64_t id);
  // The stored token hash, to check a secret link.
  std::optional<std::string> token_hash(const std::string& code);
  std::vector<Question> list(const QuestionFilter& f);
  std::int64_t count(const QuestionFilter& f);
  std::vector<Question> published(std::optional<std::string> field_slug, std::size_t limit, std::size_t offset);
  std::int64_t count_published(std::optional<std::string> field_slug);
  std::vector<Question> all_published();
  // The latest `limit` published questions (their anonymised text) with the articles their
  // answers cite, in the answer's order.
  std::vector<PublishedCitations> published_citations(std::size_t limit);
  void update(const Question& q);
  void remove(std::int64_t id);

  void replace_citations(std::int64_t question_id, const std::string& kind, const std::vector<QuestionCitation>& citations);
  std::vector<QuestionCitation> citations(std::int64_t question_id, const std::string& kind);
  void add_message(std::int64_t question_id, const std::string& author, const std::string& body, std::int64_t at);
  std::vector<Message> messages(std::int64_t question_id);
  void add_attachment(std::int64_t question_id, const Attachment& a, std::int64_t at);
  std::vector<Attachment> attachments(std::int64_t question_id);
  // The stored file names of every attachment row, for the clean-up of files nothing references.
  std::vector<std::string> attachment_names();
  void add_event(std::int64_t question_id, std::optional<std::int64_t> user_id, const std::string& action,
                 const std::string& detail, std::int64_t at);
  std::vector<Event> events(std::int64_t question_id);

  std::vector<LegalField> fields();
  std::optional<LegalField> field(const std::string& slug);

 private:
  db::Connection& c_;
};

}  // namespace consult
