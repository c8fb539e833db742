#include "learning/exam_guard.h"

#include "core/time.h"
#include "core/utf8.h"
#include "learning/contest_repository.h"
#include "learning/contest_rules.h"
#include "text/vietnamese.h"

#include <algorithm>
#include <set>
#include <unordered_set>

namespace learning {

namespace {

std::vector<std::string> distinct_words(const std::string& s) {
  std::set<std::string> words;
  for (const auto& t : text::tokenize(core::nfc(s)))
    if (!t.folded.empty()) words.insert(t.folded);
  return {words.begin(), words.end()};
}

}  // namespace

void OpenContestQuestions::refresh(std::int64_t now) const {
  auto c = database_.acquire();
  ContestRepository repo(*c);
  std::set<std::int64_t> ids;
  for (const auto& contest : repo.contests_closing_after(now + 1)) {
    if (!contest.round_at(now)) continue;
    for (const auto& quota : contest.quotas)
      for (const auto& q : repo.drawable_questions(quota))
        if (matches_tag(quota, q.tags)) ids.insert(q.id);
  }
  auto questions = std::make_shared<std::vector<Words>>();
  for (const auto& [id, text] : repo.question_texts(ids)) {
    auto words = distinct_words(text);
    if (words.size() >= 4) questions->push_back(std::move(words));  // shorter ones match too much
  }
  std::lock_guard lock(mutex_);
  questions_ = std::move(questions);
  read_at_ = now;
}

bool OpenContestQuestions::in_open_contest(const std::string& question) const {
  const auto now = core::now_unix();
  std::shared_ptr<const std::vector<Words>> questions;
  {
    std::lock_guard lock(mutex_);
    questions = questions_;
    if (!questions || now - read_at_ >= refresh_every_.count()) questions.reset();
  }
  if (!questions) {
    refresh(now);
    std::lock_guard lock(mutex_);
    questions = questions_;
  }
  if (questions->empty()) return false;
  const auto asked_list = distinct_words(question);
  const std::unordered_set<std::string> asked(asked_list.begin(), asked_list.end());
  for (const auto& words : *questions) {
    if (asked.size() > 3 * words.size() + 10) continue;  // a long text that happens to contain it
    std::size_t found = 0;
    for (const auto& w : words) found += asked.count(w);
    if (found >= kExamContainment * words.size()) return true;
  }
  return false;
}

}  // namespace learning
