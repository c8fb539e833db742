#pragma once
// What makes a bank question well-formed, wherever it comes from (an imported file, a spreadsheet,
// the back-office form). Pure: no database.
#include "learning/model.h"

#include <map>
#include <string>

namespace learning {

// Limits, in characters (code points).
inline constexpr std::size_t kMaxQuestionText = 2000;
inline constexpr std::size_t kMaxChoiceText = 500;
inline constexpr std::size_t kMaxChoices = 8;  // labels A to H
inline constexpr std::size_t kMaxExplanation = 4000;
inline constexpr std::size_t kMaxLaw = 200;
inline constexpr std::size_t kMaxTags = 10;
inline constexpr std::size_t kMaxTag = 50;

// Field → Vietnamese message for each rule `q` breaks; empty when it is well-formed. Fields:
// "text", "choices", "answer", "explanation", "law", "difficulty", "tags". Checked: text present
// and within its limit; single and multiple choice have 2 to 8 choices with distinct labels and
// text, exactly one right choice for single, at least one for multiple; true/false has exactly
// the choices Đúng and Sai, one of them right; difficulty 1 to 3; limits on the rest.
std::map<std::string, std::string> question_problems(const BankQuestion& q);

// "A", "B", ... for the choice at `position` (0-based).
std::string choice_label(std::size_t position);

}  // namespace learning
