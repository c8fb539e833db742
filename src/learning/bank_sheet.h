#pragma once
// Question banks as a spreadsheet that officials fill in (XLSX or CSV, the same columns): the
// template the back office hands out, and reading it back. Pure: no database. Row 1 names the
// columns, in any order; each later row is a question, reported by its line number:
//   Mã câu hỏi | Loại câu hỏi | Nội dung câu hỏi | Lựa chọn A … Lựa chọn F | Đáp án | Giải thích |
//   Văn bản | Điều | Lĩnh vực | Độ khó | Thẻ
// Loại: «Một đáp án», «Nhiều đáp án», «Đúng/Sai» (or «Trắc nghiệm», told apart by the answer);
// Đáp án: «B», «A, C», «Đúng» or «Sai»; Điều: article numbers of the Văn bản («2» or «2, 5»);
// Độ khó: 1–3 or «Dễ», «Trung bình», «Khó»; Thẻ: separated by commas. Mã câu hỏi, when given,
// makes a second import of the same file skip the questions it already has.
#include "core/spreadsheet.h"
#include "learning/bank_import.h"

#include <string>
#include <utility>
#include <vector>

namespace learning {

// The template: the question sheet (its header row only), instructions with two examples, and
// the legal fields (slug, name) one may use.
std::vector<core::Table> bank_sheet_template(const std::vector<std::pair<std::string, std::string>>& fields);

// The questions of the rows (cells as text). `source` prefixes each source_ref.
ParsedBank parse_bank_sheet(const std::vector<std::vector<std::string>>& rows, const std::string& source);

}  // namespace learning
