#include "consult/public_archive.h"

#include "consult/question_repository.h"

namespace consult {

std::vector<Question> PublicArchive::published(std::optional<std::string> field_slug, std::size_t limit,
                                               std::size_t offset) {
  auto c = database_.acquire();
  return QuestionRepository(*c).published(std::move(field_slug), limit, offset);
}

std::int64_t PublicArchive::count_published(std::optional<std::string> field_slug) {
  auto c = database_.acquire();
  return QuestionRepository(*c).count_published(std::move(field_slug));
}

std::optional<QuestionView> PublicArchive::published_question(const std::string& slug) {
  auto c = database_.acquire();
  QuestionRepository repo(*c);
  auto q = repo.find_published(slug);
  if (!q) return std::nullopt;
  auto v = repo.view(*q);
  // The public sees the anonymised copy only.
  v.question.title = q->public_title;
  v.question.body = q->public_body;
  v.question.answer = q->public_answer;
  v.question.pending_reply.clear();
  v.question.email.clear();
  v.question.phone.clear();
  v.messages.clear();
  v.attachments.clear();
  v.events.clear();
  v.candidates.clear();
  return v;
}

std::vector<library::AnsweredQuestion> PublicArchive::answered(std::size_t limit) const {
  auto c = database_.acquire();
  std::vector<library::AnsweredQuestion> out;
  for (auto& published : QuestionRepository(*c).published_citations(limit)) {
    library::AnsweredQuestion q{std::move(published.question), {}};
    for (const auto& cited : published.cited) q.articles.push_back(library::vocabulary_article_key(cited.document_id, cited.article));
    if (!q.articles.empty()) out.push_back(std::move(q));
  }
  return out;
}

}  // namespace consult
