#pragma once
// Reading question banks from files, before anything is stored. Pure: no database.
//
// ALQAC-style JSON (../shared/data/qa/alqac-dev-questions.json): an array of
//   {"question_id", "question_type": "Trắc nghiệm" | "Đúng/Sai" | "Tự luận", "text",
//    "choices": {"A": "…", "B": "…"} (multiple choice), "answer": "A" | "A, C" | "Đúng" | "Sai",
//    "relevant_articles": [{"law_id", "article_id"}], "explanation"?, "field"?, "difficulty"?, "tags"?}
// "Trắc nghiệm" with one letter in the answer is single-answer, with several multiple-answer.
// Essay questions ("Tự luận") are not bank questions: they are counted and left out.
//
// Every item is checked (question_rules.h); each problem is reported with its row (the item's
// position in the array, from 1) and field. The caller stores nothing when there is any problem.
#include "learning/model.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace learning {

inline constexpr std::size_t kMaxBankFileBytes = 20u << 20;  // 20 MB
inline constexpr std::size_t kMaxBankRows = 20000;

// A question read from a file, with the articles it cites as the file names them.
struct ImportedQuestion {
  std::size_t row = 0;
  BankQuestion question;                                  // source_ref is "<source>#<id>"
  std::vector<std::pair<std::string, std::string>> cited;  // (law_id, article number) as written
};

struct RowProblem {
  std::size_t row = 0;  // 0: the file as a whole
  std::string field;
  std::string message;  // Vietnamese
};

struct ParsedBank {
  std::vector<ImportedQuestion> questions;
  std::size_t skipped = 0;  // essay questions, left out
  std::vector<RowProblem> problems;
  // How the file names a row and the columns checked against the database: JSON items and
  // keys, or a spreadsheet's lines and column names.
  std::string_view row_word = "mục";
  std::string_view field_column = "field";
  std::string_view articles_column = "relevant_articles";
};

// `source` names the file (its name without extension) and prefixes each source_ref.
ParsedBank parse_alqac_bank(std::string_view json_text, const std::string& source);

// "mục 12, trường answer: …" (JSON items; "dòng" for spreadsheet lines) or "tệp: …".
std::string describe(const RowProblem& p, std::string_view row_word = "mục");

}  // namespace learning
