#include "learning/question_rules.h"

#include "core/utf8.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace learning {

std::string choice_label(std::size_t position) { return std::string(1, static_cast<char>('A' + position)); }

namespace {

void check_length(std::map<std::string, std::string>& problems, const char* field, const std::string& value, std::size_t max,
                  const char* what) {
  if (core::utf8_length(value) > max) problems.emplace(field, fmt::format("{} dài quá {} ký tự.", what, max));
}

void check_choices(const BankQuestion& q, std::map<std::string, std::string>& problems) {
  const auto right = std::count_if(q.choices.begin(), q.choices.end(), [](const Choice& c) { return c.correct; });
  if (q.kind == QuestionKind::true_false) {
    if (q.choices.size() != 2 || q.choices[0].label != kTrue || q.choices[1].label != kFalse)
      problems.emplace("choices", "Câu hỏi Đúng/Sai có đúng hai lựa chọn: Đúng và Sai.");
    else if (right != 1)
      problems.emplace("answer", "Câu hỏi Đúng/Sai cần đáp án là Đúng hoặc Sai.");
    return;
  }
  if (q.choices.size() < 2 || q.choices.size() > kMaxChoices) {
    problems.emplace("choices", fmt::format("Câu hỏi trắc nghiệm cần từ 2 đến {} lựa chọn.", kMaxChoices));
    return;
  }
  std::set<std::string> labels, texts;
  for (const auto& c : q.choices) {
    if (c.text.empty()) {
      problems.emplace("choices", fmt::format("Lựa chọn {} chưa có nội dung.", c.label));
      return;
    }
    if (core::utf8_length(c.text) > kMaxChoiceText) {
      problems.emplace("choices", fmt::format("Lựa chọn {} dài quá {} ký tự.", c.label, kMaxChoiceText));
      return;
    }
    if (!labels.insert(c.label).second || !texts.insert(c.text).second) {
      problems.emplace("choices", fmt::format("Lựa chọn {} trùng với một lựa chọn khác.", c.label));
      return;
    }
  }
  if (q.kind == QuestionKind::single && right != 1)
    problems.emplace("answer", "Câu hỏi một đáp án cần đúng một lựa chọn đúng.");
  else if (q.kind == QuestionKind::multiple && right < 1)
    problems.emplace("answer", "Câu hỏi nhiều đáp án cần ít nhất một lựa chọn đúng.");
}

}  // namespace

std::map<std::string, std::string> question_problems(const BankQuestion& q) {
  std::map<std::string, std::string> problems;
  if (q.text.empty()) problems.emplace("text", "Chưa có nội dung câu hỏi.");
  check_length(problems, "text", q.text, kMaxQuestionText, "Câu hỏi");
  check_choices(q, problems);
  check_length(problems, "explanation", q.explanation, kMaxExplanation, "Phần giải thích");
  check_length(problems, "law", q.law, kMaxLaw, "Tên văn bản");
  if (q.difficulty < 1 || q.difficulty > 3) problems.emplace("difficulty", "Độ khó là 1 (dễ), 2 (trung bình) hoặc 3 (khó).");
  if (q.tags.size() > kMaxTags) problems.emplace("tags", fmt::format("Nhiều nhất {} thẻ.", kMaxTags));
  for (const auto& t : q.tags)
    if (core::utf8_length(t) > kMaxTag) problems.emplace("tags", fmt::format("Mỗi thẻ dài nhiều nhất {} ký tự.", kMaxTag));
  return problems;
}

}  // namespace learning
