#pragma once
// Learning law online (học tập, tìm hiểu pháp luật trực tuyến): the question banks that contests
// on legal knowledge and course quizzes draw from. A bank question is single-answer or
// multiple-answer multiple choice, or true/false; it has its choices (the right ones marked), an
// explanation, the library articles it rests on, a legal field, the law it is about, a difficulty
// and tags. Questions go draft → pending → published (or returned with a note), as posts do.
#include "library/article_citation.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace learning {

enum class QuestionKind { single, multiple, true_false };
std::string_view kind_slug(QuestionKind k);   // "single", "multiple", "true_false": stored and in the API
std::string_view kind_label(QuestionKind k);  // Vietnamese, for people
std::optional<QuestionKind> parse_kind(std::string_view slug);

enum class BankStatus { draft, pending, published, returned };
std::string_view status_slug(BankStatus s);
std::string_view status_label(BankStatus s);
std::optional<BankStatus> parse_status(std::string_view slug);

// The labels of a true/false question's two choices.
inline constexpr std::string_view kTrue = "Đúng";
inline constexpr std::string_view kFalse = "Sai";

struct Choice {
  std::string label;  // "A", "B", ... or "Đúng" / "Sai"
  std::string text;   // "" for true/false
  bool correct = false;
};

struct BankQuestion {
  std::int64_t id = 0;
  QuestionKind kind = QuestionKind::single;
  std::string text;
  std::vector<Choice> choices;
  std::string explanation;
  std::vector<library::ArticleCitation> articles;
  std::string field_slug;  // "" when none
  std::string law;         // the law it is about, as named by its source ("Luật Cư trú")
  int difficulty = 2;      // 1 easy, 2 medium, 3 hard
  std::vector<std::string> tags;
  BankStatus status = BankStatus::draft;
  std::string review_note;
  std::string source_ref;  // "" when written in the back office
  std::int64_t updated_at = 0;  // Unix seconds: a form sends it back, so a stale edit is refused
};

// The two choices of a true/false question whose right answer is `is_true`.
std::vector<Choice> true_false_choices(bool is_true);

}  // namespace learning
