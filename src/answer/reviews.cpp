#include "answer/reviews.h"

#include "core/strings.h"
#include "core/time.h"
#include "core/utf8.h"
#include "text/personal_data.h"
#include "text/texting.h"
#include "text/vietnamese.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace answer {

namespace {

constexpr int kReportRows = 2000;   // shortfalls read for one report
constexpr int kGroups = 30;
constexpr double kSimilar = 0.5;    // Jaccard of content words: one group

std::string_view outcome_slug(Outcome o) {
  switch (o) {
    case Outcome::answered: return "answered";
    case Outcome::unsure: return "unsure";
    case Outcome::handoff: return "handoff";
    case Outcome::clarify: return "clarify";
  }
  return "answered";
}

// The question's content words, folded, sorted and distinct: what groups similar questions.
std::string words_key(const std::string& question) {
  std::set<std::string> words;
  for (auto& w : content_words(text::expand_texting(text::normalize(question))))
    if (w.size() > 1) words.insert(std::move(w));
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::set<std::string> word_set(const std::string& key) {
  auto parts = core::split(key, " ");
  return {parts.begin(), parts.end()};
}

}  // namespace

Outcome outcome_of(const Answer& a) {
  if (a.clarify) return Outcome::clarify;
  if (a.handoff) return Outcome::unsure;
  return Outcome::answered;
}

const std::vector<Reason>& feedback_reasons() {
  static const std::vector<Reason> reasons = {{"sai-luat", "wrong_law", "Trích sai văn bản, sai điều luật"},
                                              {"het-hieu-luc", "out_of_date", "Quy định đã hết hiệu lực hoặc đã thay đổi"},
                                              {"kho-hieu", "not_understandable", "Khó hiểu"},
                                              {"khac", "other", "Lý do khác"}};
  return reasons;
}

bool fell_short(const Answer& a) { return outcome_of(a) != Outcome::answered && !a.contest_question; }

void record_review(db::Connection& c, const std::string& question, const Answer& a, Outcome outcome, std::optional<bool> helpful,
                   const std::string& reason, std::int64_t now) {
  AnswerReview r;
  r.question = core::utf8_prefix(text::mask_personal_data(question), 2000);
  r.words = words_key(r.question);
  if (!a.citations.empty()) {
    r.document_id = std::stoll(a.citations.front().document_id);
    r.article = a.citations.front().article;
  }
  r.confidence = static_cast<int>(std::lround(std::clamp(a.confidence, 0.0, 1.0) * 1000));
  r.outcome = std::string(outcome_slug(outcome));
  r.helpful = helpful;
  r.reason = reason;
  r.month = core::format_vn_iso_date(now).substr(0, 7);
  std::vector<std::string> missing = a.missing_documents;
  for (const auto& o : a.outside_library) missing.push_back(o.law);
  r.missing = core::join(missing, "; ");
  ReviewRepository(c).add(r, now);
}

void AnswerReviews::note(const std::string& question, const Answer& a, std::int64_t now) {
  if (fell_short(a)) record_review(*database_.acquire(), question, a, outcome_of(a), std::nullopt, "", now);
}

core::Result<void> AnswerReviews::feedback(const FeedbackInput& in, std::int64_t now) {
  std::map<std::string, std::string> problems;
  if (in.helpful != "co" && in.helpful != "khong") problems["helpful"] = "Hãy chọn Có hoặc Không.";
  std::string reason;
  if (in.helpful == "khong" && !in.reason.empty()) {
    auto it = std::find_if(feedback_reasons().begin(), feedback_reasons().end(), [&](const Reason& r) { return r.slug == in.reason; });
    if (it == feedback_reasons().end()) problems["reason"] = "Hãy chọn một lý do trong danh sách.";
    else reason = std::string(it->stored);
  }
  auto answered = answers_.look_up({in.question, "", {}});
  if (!answered) problems["question"] = answered.error().message;
  if (!problems.empty()) return core::fail(core::ServiceError::invalid("Chưa ghi nhận được ý kiến: xem từng mục.", problems));
  record_review(*database_.acquire(), core::clean_text(in.question), *answered, outcome_of(*answered), in.helpful == "co", reason, now);
  return {};
}

ReviewReport AnswerReviews::report(const std::string& from, const std::string& to) {
  ReviewReport out{from, to, {}, {}, {}, {}};
  auto c = database_.acquire();
  ReviewRepository repo(*c);
  // Groups: each shortfall joins the first group whose words are alike enough, newest first.
  std::vector<std::set<std::string>> group_words;
  for (const auto& r : repo.shortfalls(from, to, kReportRows)) {
    const auto words = word_set(r.words);
    std::size_t g = 0;
    while (g < out.groups.size() && text::word_overlap(group_words[g], words) < kSimilar) ++g;
    if (g == out.groups.size()) {
      out.groups.push_back({r.question, 0, 0, 0, 0, 0, r.article.empty() ? "" : "Điều " + r.article + " " + r.document_title});
      group_words.push_back(words);
    }
    auto& group = out.groups[g];
    ++group.count;
    group.unsure += r.outcome == "unsure";
    group.handoff += r.outcome == "handoff";
    group.clarify += r.outcome == "clarify";
    group.no += r.helpful == std::optional<bool>(false);
  }
  std::stable_sort(out.groups.begin(), out.groups.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
  if (out.groups.size() > kGroups) out.groups.resize(kGroups);
  out.by_month = repo.by_month(from, to);
  std::map<std::string, ReviewTally> fields, missing;
  const auto tally = [](ReviewTally& t, const AnswerReview& r) {
    ++t.recorded;
    t.unsure += r.outcome != "answered";
    t.yes += r.helpful == std::optional<bool>(true);
    t.no += r.helpful == std::optional<bool>(false);
  };
  for (const auto& r : repo.with_fields(from, to)) {
    for (const auto& name : core::split_clean(r.missing, ';')) {
      auto& t = missing[name];
      t.key = name;
      tally(t, r);
    }
    auto names = core::split_clean(r.fields, ';');
    const std::string field = names.empty() ? "Chưa xác định lĩnh vực" : names.front();
    auto& t = fields[field];
    t.key = field;
    tally(t, r);
  }
  const auto most_first = [](const std::map<std::string, ReviewTally>& tallies) {
    std::vector<ReviewTally> out;
    for (const auto& [name, t] : tallies) out.push_back(t);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.recorded > b.recorded; });
    return out;
  };
  out.by_field = most_first(fields);
  out.by_missing = most_first(missing);
  if (out.by_missing.size() > kGroups) out.by_missing.resize(kGroups);
  return out;
}

std::vector<library::AnsweredQuestion> AnswerReviews::answered(std::size_t limit) const {
  auto c = database_.acquire();
  std::vector<library::AnsweredQuestion> out;
  for (auto& answer : ReviewRepository(*c).helpful(limit))
    out.push_back({std::move(answer.question), {library::vocabulary_article_key(answer.document_id, answer.article)}});
  return out;
}

}  // namespace answer
