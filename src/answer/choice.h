#pragma once
// True/false (Đúng/Sai) and multiple-choice (trắc nghiệm) questions, as used in legal knowledge
// contests, decided from the text of the article that the search found for the question. The
// decision is lexical and explainable: an option is supported when its words, and above all its
// numbers, appear in the passage of the article that is closest to the question.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace answer {

// "… đúng hay sai?", "…, đúng không", or a statement: a sentence (a final full stop, or at least
// 15 syllables: "điều kiện thuận tình ly hôn" is a search), no question mark, no question word ("gì",
// "nào", "bao lâu", "mấy", …, texting spelled out), and not closed by "không" / "chưa" or by the
// talking words of a message ("ạ", "vậy", "nhé", "mọi người"): "Con tôi 15 tuổi đi làm thêm được
// không" and "Em muốn hỏi về thủ tục ly hôn ạ" ask.
bool looks_like_true_false(std::string_view question);

struct ChoiceDecision {
  std::string choice;    // "Đúng", "Sai", or an option key such as "A"
  double support = 0;    // 0..1: how well the chosen option is supported by the passage
};

// How much of a statement the article confirms (the share of its word pairs found in the passage it
// restates, halved when a number, negation, absolute word or exception differs); below this the
// statement is judged "Sai". Chosen
// from the measured accuracy curve of `phobien eval answer` (docs/answering.md).
constexpr double kTrueFalseThreshold = 0.55;

// Judges a statement against the texts of the candidate articles (best first).
ChoiceDecision decide_true_false(std::string_view statement, const std::vector<std::string>& articles);

// Picks one of `choices` (key → option text) for `question` using the candidate articles.
// Understands "Cả A, B và C đều đúng"-style options and questions asked in the negative
// ("… ngoại trừ …", "… không phải là …").
ChoiceDecision decide_multiple_choice(std::string_view question, const std::map<std::string, std::string>& choices,
                                      const std::vector<std::string>& articles);

// The support of one statement (0..1) by one article: the share of the statement's words and
// word pairs found in the article's sentence that matches it best, halved when a number in the
// statement appears nowhere in that sentence.
double statement_support(std::string_view statement, std::string_view article);

}  // namespace answer
