#pragma once
// The contests' rules that need no database: a participant's identity number, answers and their
// correctness, a contest definition's validity and its JSON form (`phobien create-contest`).
#include "core/error.h"
#include "learning/contest_model.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace learning {

// A submission or an answer this long after the deadline is still on time: the click at 0:00
// that the network delivered a moment later.
constexpr std::int64_t kDeadlineGraceMs = 2000;

// A Vietnamese phone number as one string of digits beginning with 0: spaces, dots, dashes and
// brackets dropped, +84 / 84 read as 0. Ten digits (mobile) or eleven (landline with area code).
std::optional<std::string> normalize_phone(std::string_view typed);
// A citizen ID (căn cước, 12 digits) or an old identity card number (CMND, 9 digits).
std::optional<std::string> normalize_citizen_id(std::string_view typed);
// The first two and last two digits, the rest as '*': "0912345678" -> "09******78".
std::string mask_identity(const std::string& digits);

// The labels of a participant's answer, checked against the question and put in the choices'
// order: one label for single and true/false questions, one or more distinct for multiple.
core::Result<std::vector<std::string>> checked_answer(const std::vector<std::string>& labels, QuestionKind kind,
                                                      const std::vector<Choice>& choices);
// True when `answer` (labels in the choices' order) is exactly the set of right choices.
bool is_correct(const std::vector<std::string>& answer, const std::vector<Choice>& choices);
// Stored form of an answer: labels joined by ','; and back.
std::string join_answer(const std::vector<std::string>& labels);
std::vector<std::string> split_answer(std::string_view stored);

// True when a question with `tags` can fill `quota` as far as tags go (a quota without a tag takes
// any); kind, law and difficulty are matched by the repository's query.
bool matches_tag(const Quota& quota, const std::vector<std::string>& tags);

// Field name -> Vietnamese message for everything wrong with a contest before it is created:
// title, time limit, attempts per round, quotas (their sum is the number of questions), rounds
// (each opening before it closes, in order, not overlapping). Empty when valid.
std::map<std::string, std::string> contest_problems(const Contest& contest);

// A contest definition as JSON: {"title", "description", "time_limit_minutes",
// "attempts_per_round", "prediction_question", "rounds": [{"opens_at", "closes_at"}],
// "quotas": [{"count", "tag"?, "law"?, "kind"?, "difficulty"?}]}; times as an HTML
// datetime-local value ("2026-12-07T08:00", Vietnam time). Questions per attempt is the quotas'
// sum. Structure only: contest_problems checks the values.
core::Result<Contest> parse_contest_definition(std::string_view json);

}  // namespace learning
