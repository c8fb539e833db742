#include "library/vocabulary_suggestions.h"

#include "core/strings.h"
#include "core/utf8.h"
#include "library/citizen_term_repository.h"
#include "library/citizen_terms.h"
#include "library/document_repository.h"
#include "text/vietnamese.h"

#include <chrono>
#include <set>

namespace library {

namespace {
constexpr const char* kTopic = "thesaurus";
}

std::string vocabulary_article_key(std::int64_t document_id, const std::string& article) {
  return std::to_string(document_id) + ":" + article;
}

VocabularySuggestions::VocabularySuggestions(db::Database& database, db::ChangeFeed& changes) : database_(database), changes_(changes) {
  changes.add_listener([this](const std::string& topic) {
    if (topic == kTopic || topic == "*" || topic == "restore") ++generation_;
  });
}

SuggestionReport VocabularySuggestions::suggestions() {
  std::lock_guard lock(mutex_);
  const auto generation = generation_.load();
  const auto now = std::chrono::steady_clock::now();
  if (cached_generation_ != generation || now - cached_at_ >= kMaxAge) {
    cached_ = mine();
    cached_generation_ = generation;
    cached_at_ = now;
  }
  return cached_;
}

SuggestionReport VocabularySuggestions::mine() {
  const auto started = std::chrono::steady_clock::now();
  SuggestionReport report;
  std::vector<AnsweredQuestion> questions;
  for (const auto* source : sources_) {
    auto part = source->answered(kQuestionsPerSource);
    questions.insert(questions.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
  }
  report.questions = questions.size();
  if (questions.empty()) return report;
  std::set<std::string> cited;
  for (const auto& q : questions) cited.insert(q.articles.begin(), q.articles.end());

  std::vector<std::string> library_texts;
  std::map<std::string, std::string> article_texts;
  std::vector<std::string> dismissed;
  std::shared_ptr<const text::Thesaurus> known;
  {
    auto c = database_.acquire();  // released before the mining
    DocumentRepository(*c).passages(std::nullopt, [&](PassageRow&& p) {
      if (p.node_id == 0) return;  // a document without articles is not cited by article
      std::string text = p.title + "\n" + p.text;
      if (auto key = vocabulary_article_key(p.document_id, p.article_number); cited.count(key)) article_texts[key] = text;
      library_texts.push_back(std::move(text));
    });
    dismissed = CitizenTermRepository(*c).dismissed_keys();
    known = current_thesaurus(*c);
  }
  const LibraryScan scan = [&library_texts](const std::function<void(std::string_view)>& sink) {
    for (const auto& t : library_texts) sink(t);
  };
  report.suggestions = mine_vocabulary(questions, article_texts, scan, *known, dismissed);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

core::Result<void> VocabularySuggestions::dismiss(const auth::Actor& actor, const std::string& phrase, std::int64_t now) {
  const auto cleaned = text::normalize(core::clean_text(phrase));
  const auto key = text::title_key(cleaned);
  if (key.empty() || core::utf8_length(cleaned) > 60)
    return core::fail(core::ServiceError::invalid("Gợi ý không hợp lệ: từ thường dùng phải có từ 1 đến 60 ký tự.",
                                                            {{"phrase", "Từ thường dùng phải có từ 1 đến 60 ký tự."}}));
  auto c = database_.acquire();
  db::Transaction tx(*c);
  if (!CitizenTermRepository(*c).dismiss(cleaned, key, actor.user_id, now))
    return core::fail(core::ServiceError::conflict("Gợi ý «" + cleaned + "» đã được bỏ qua trước đó."));
  auth::record_audit(*c, actor, "thesaurus.dismiss", "citizen_term_suggestion:" + key, cleaned);
  changes_.record(*c, kTopic);
  tx.commit();
  changes_.notify(kTopic);
  return {};
}

}  // namespace library
