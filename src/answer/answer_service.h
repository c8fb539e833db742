#pragma once
// The automated legal answering service (hệ thống trả lời tự động): answers a question from the
// law text in the library, quoting the clause that answers it verbatim and citing it, and says
// plainly when it is not sure, offering to hand the question to human experts with the articles
// it found.
#include "auth/audit_log.h"
#include "core/error.h"
#include "db/database.h"
#include "library/search_service.h"
#include "text/quantity.h"
#include "text/question_form.h"
#include "text/thesaurus.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace answer {

// One article an answer cites (text::Citation is a citation as parsed from text; consult::
// QuestionCitation is one stored with a consultation answer).
struct AnswerCitation {
  std::string document_id;
  std::string document_title;
  std::string document_number;
  std::string article;                // article number as a string
  std::optional<std::string> clause;  // clause number when the quote is one clause
  std::string corpus_id, article_id;  // source_ref
  std::string validity;               // "Còn hiệu lực", ... or "" when unknown
  std::string url;
  std::string quote;                  // a verbatim substring of the stored article
  bool quote_shortened = false;       // the clause goes on past the quote (Quote::shortened)
  double score = 0;
};
// The quote as people read it: " […]" closes one that leaves the rest of its clause out.
std::string shown_quote(const AnswerCitation& c);

// A published expert answer that resembles the question (the consultation archive).
struct RelatedQuestion {
  std::string title;
  std::string url;
  std::string question;  // the published (anonymised) question text
  double similarity = 0;  // share of the asked question's content words found in it, 0..1
  std::vector<std::pair<std::int64_t, std::string>> citations;  // (document id, article number) its answer cites
};

// Published expert answers, searchable: the consultation module provides it (consult::QaIndex),
// so the answering service does not depend on consultation.
class Archive {
 public:
  virtual ~Archive() = default;
  // Published questions like `question`, best first.
  virtual std::vector<RelatedQuestion> similar(const std::string& question, std::size_t limit) const = 0;
};

// An article the answering service found for a question it was not sure about.
struct HandoffCandidate {
  std::int64_t document_id = 0;
  std::string article;  // article number as a string
  std::string document_title;
  std::string url;
  double score = 0;
};

// A question handed to human experts, with the articles found for it, best first.
struct Handoff {
  std::string question;  // as asked (cleaned), never empty
  std::vector<HandoffCandidate> candidates;
  std::string conversation_id;
};

// Where hand-offs go: the consultation module provides it (consult::HandoffIntake, a durable
// queue that turns each hand-off into one consultation question), so the answering service does
// not depend on consultation.
class Handoffs {
 public:
  virtual ~Handoffs() = default;
  // Stores the hand-off durably on `c` (joining the transaction open there, if any) and returns
  // its id; experts see it later. Thread-safe.
  virtual std::int64_t hand_off(db::Connection& c, const Handoff& handoff) = 0;
};

// Questions of contests on legal knowledge that are open now: the learning module provides it,
// so that the answering service gives no choice for them (and does not depend on contests).
class ExamGuard {
 public:
  virtual ~ExamGuard() = default;
  // True when `question` is (nearly) the text of a question of a contest round open now.
  virtual bool in_open_contest(const std::string& question) const = 0;
};

struct Answer {
  std::string text;  // fixed Vietnamese templates joined with the quotes, nothing else
  double confidence = 0;
  std::vector<AnswerCitation> citations;  // most relevant first
  // For a true/false or multiple-choice question: "Đúng", "Sai" or the chosen option's key.
  std::optional<std::string> choice;
  double choice_support = 0;  // how well the passage supports the choice (evaluation reports it)
  // The question is one of an open contest's: no choice is given, only the law to read.
  bool contest_question = false;
  bool handoff = false;
  // The two best articles come from different documents and score too close to tell apart: the
  // answer quotes both and asks which matter the user means.
  bool clarify = false;
  std::string conversation_id;
  // Published expert answers on the same matter (related_questions in the API).
  std::vector<RelatedQuestion> related;
  // Documents the question names that the library does not hold ("Luật Hộ tịch"), as typed: the
  // answer says so and, unless it quotes an article the question names, offers experts.
  std::vector<std::string> missing_documents;
  // Laws the question's subject belongs to that the library does not hold (search::OutsideLaw):
  // the answer says so and, unless it quotes an article the question names, offers experts.
  std::vector<search::OutsideLaw> outside_library;
};

struct Question {
  std::string text;
  std::string conversation_id;  // "" starts a new conversation
  std::map<std::string, std::string> choices;  // "A" → option text, for a multiple-choice question
};

// Below this confidence the answer says it is not sure and offers a human expert. Chosen from the
// precision/coverage curve of `phobien eval answer` (docs/answering.md).
constexpr double kConfidenceThreshold = 0.45;
// Relative score gap between the two best articles below which, when they come from different
// documents, the answer asks which one the user means. Measured: below 0.10 the first article was
// right for a third of such questions, no more often than the second (docs/answering.md).
constexpr double kAmbiguityMargin = 0.10;
// ...and only when the second quote covers the question at least as well as the first, less this
// (0: clarify 0.070 on the natural dev set, 0.05: 0.106, 0.10: 0.120), so a close score alone
// does not make a provision compete (docs/answering.md).
constexpr double kCompetingCoverage = 0.0;
// ...and only when the first quote covers at least this share of the question: two provisions that
// both say little of it do not compete, neither answers (the answer is unsure and offers experts).
// On the natural dev set, 4 of the 6 clarify answers below 0.3 held the right article in neither
// quote; clarify 0.063 → 0.035, hand-off 0.444 → 0.472 (docs/answering.md).
constexpr double kClarifyCoverage = 0.3;
// Choosing the clause to quote (best_quote): what a clause of the kind the question asks for adds
// to its share of the question's words (text/question_form.h). Tuned on the natural dev set.
constexpr double kQuantityBonus = 0.3;
constexpr double kPermissionBonus = 0.1;
// ...and what a clause whose range holds an amount the question gives adds ("trộm điện thoại 3
// triệu" → "từ 2.000.000 đồng đến dưới 50.000.000 đồng"; text/quantity.h), when no other clause of
// the article holds it in a narrower range. Natural dev clause right: 0 → 0.421, 0.2 → 0.430, 0.5
// and 1.0 → 0.439.
constexpr double kRangeBonus = 0.5;
// In characters (code points), as the forms' maxlength and the error message count them.
constexpr std::size_t kMaxQuestionChars = 4000;
// Conversations the service starts get ids "web-" + 22 random characters; chat channels use ids
// of their own ("msg-…"). The public API continues only ids of the first kind, so nobody can
// join a conversation they did not start.
constexpr std::string_view kWebConversationPrefix = "web-";
// An archived question this similar to the asked one counts as evidence: the articles its expert
// answer cites rank higher. Measured with `phobien eval answer --archive` (docs/answering.md):
// with each question's own entry left out, stronger settings (0.6 / 0.5) cost R@1 on alqac2022
// (0.921 → 0.902); this mild one is neutral to slightly positive there (0.925).
constexpr double kEvidenceSimilarity = 0.7;
constexpr double kEvidenceBoost = 0.15;       // score × (1 + boost × similarity) for a cited article
constexpr double kRelatedSimilarity = 0.4;   // shown as a related question from this similarity on

class AnswerService {
 public:
  // Conversation turns older than `conversation_ttl` seconds are forgotten (deleted).
  AnswerService(db::Database& database, const library::SearchService& search, std::int64_t conversation_ttl = 30 * 24 * 3600)
      : database_(database), search_(search), conversation_ttl_(conversation_ttl) {}
  // Checks the question (not empty, at most kMaxQuestionChars) and answers it, remembering the
  // turn so that a follow-up in the same conversation builds on it. Never hands the question to
  // experts: `handoff` in the answer only offers it (hand_off below does it, when asked).
  core::Result<Answer> answer(const Question& q);
  // Checks and answers like answer(), storing nothing: for GET requests, which never write.
  core::Result<Answer> look_up(const Question& q) const;
  // The asker asks for a human expert: stores `q` (checked as above) as a hand-off with the
  // articles found for it, notes it among the answers that fell short (answer/reviews.h) and
  // returns its id. Fails when no hand-off intake is set.
  core::Result<std::int64_t> hand_off(const Question& q);
  // The same for a question this service has just answered with `answered` (a chat channel's
  // message): its citations are the candidates, without searching again.
  core::Result<std::int64_t> hand_off(const Question& q, const Answer& answered);
  // Without storing anything or checking the question (evaluation).
  // `context`: earlier turns' text a follow-up question is searched with.
  Answer compose(const std::string& question, const std::map<std::string, std::string>& choices = {}, const std::string& context = {}) const;
  // Published expert answers used as evidence and shown as related questions (may be null).
  void set_archive(const Archive* archive) { archive_ = archive; }
  // Where unsure answers hand their question to experts (may be null: nothing is handed off).
  void set_handoffs(Handoffs* handoffs) { handoffs_ = handoffs; }
  // The questions of open contests, answered without a choice (may be null).
  void set_exam_guard(const ExamGuard* guard) { exam_guard_ = guard; }

 private:
  db::Database& database_;
  const library::SearchService& search_;
  std::int64_t conversation_ttl_;
  const Archive* archive_ = nullptr;
  Handoffs* handoffs_ = nullptr;
  const ExamGuard* exam_guard_ = nullptr;
};

// The folded words of `s` that say something: interrogatives and the commonest function words
// ("là", "gì", "có", "không", "được", "của", …) left out.
std::vector<std::string> content_words(const std::string& s);

// Share of the content words (and word pairs) of `question` that occur in `text`, 0..1.
double question_similarity(const std::string& question, const std::string& text);

// A question that leans on the previous turn: "còn nếu người đó dưới 18 tuổi thì sao?",
// "trường hợp này thì thế nào?", or a very short one.
bool is_follow_up(std::string_view question);

// The part of an article that best answers the question: a clause (with its points) or, for an
// article without clauses, its first sentences, chosen by the question's words, the legal terms its
// everyday words stand for and what it asks for (text/question_form.h). Always a substring of
// `article_text`, of at most kClauseBytes (a clause) or kFirstLinesBytes (the first line of an
// article without clauses): a longer one is cut after its last whole line (a point) or sentence
// that fits, or else its last whole word, and marked `shortened`; answers then close the quote
// with "[…]" so that nobody takes the part for the whole.
inline constexpr std::size_t kClauseBytes = 900;
inline constexpr std::size_t kFirstLinesBytes = 600;
struct Quote {
  std::string text;
  std::optional<std::string> clause;
  double overlap = 0;  // share of the question's content words (or, up to half, of its legal terms) in the quote
  bool shortened = false;
};
// A question analysed once for all the articles it is quoted from.
struct QuestionWords {
  // Content words as keys to find them by: as typed (lower case) when typed with diacritics, else
  // folded ("cảm" is found only as "cảm", "cam" in any spelling).
  std::vector<std::string> words;
  std::vector<std::string> terms;  // the same keys for the legal terms its everyday words stand for
  text::QuestionForm form;
  std::vector<text::Amount> amounts;  // money, shares and ages it gives ("3 triệu", "15%", "2 tuổi")
};
// `thesaurus`: the one search uses (the curated file and the editors' entries); without it, the
// curated file alone.
QuestionWords question_words_of(const std::string& question, const text::Thesaurus& thesaurus);
QuestionWords question_words_of(const std::string& question);
// The clause of the article that answers: the one holding most of the question's words (and,
// up to half, its legal terms), each weighing more the fewer clauses hold it, plus
// kQuantityBonus / kPermissionBonus for a clause of the kind the question asks for and
// kRangeBonus for the one whose range holding an amount the question gives is the narrowest
// ("14 tuổi": "từ đủ 13 tuổi đến chưa đủ 15 tuổi" rather than "chưa đủ 18 tuổi"). Without
// numbered clauses, the first line. The quote is a substring of the article.
Quote best_quote(const QuestionWords& question, const std::string& article_text);
inline Quote best_quote(const std::string& question, const std::string& article_text) {
  return best_quote(question_words_of(question), article_text);
}
// Clause `clause` ("2") of the article, as best_quote quotes a clause, for a question that names
// it ("khoản 2 Điều 35 Bộ luật Lao động"); nullopt when the article has no such clause. Its overlap
// is left 0: the caller knows why it is quoted (an article the question names answers it).
std::optional<Quote> clause_quote(const std::string& article_text, const std::string& clause);

}  // namespace answer
