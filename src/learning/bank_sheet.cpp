#include "learning/bank_sheet.h"

#include "core/strings.h"
#include "core/utf8.h"
#include "learning/question_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

namespace learning {

namespace {

constexpr std::size_t kSheetChoices = 6;  // Lựa chọn A … F

std::vector<std::string> headers() {
  std::vector<std::string> h = {"Mã câu hỏi", "Loại câu hỏi", "Nội dung câu hỏi"};
  for (std::size_t i = 0; i < kSheetChoices; ++i) h.push_back("Lựa chọn " + choice_label(i));
  for (const char* rest : {"Đáp án", "Giải thích", "Văn bản", "Điều", "Lĩnh vực", "Độ khó", "Thẻ"}) h.emplace_back(rest);
  return h;
}

std::string folded(const std::string& s) { return core::fold_vietnamese(std::string(core::trim(s))); }

// A row's cells by folded column name.
class SheetRow {
 public:
  SheetRow(const std::map<std::string, std::size_t>& columns, const std::vector<std::string>& cells)
      : columns_(columns), cells_(cells) {}
  std::string get(const std::string& header) const {
    auto it = columns_.find(folded(header));
    if (it == columns_.end() || it->second >= cells_.size()) return "";
    return core::nfc(std::string(core::trim(cells_[it->second])));
  }
  bool blank() const {
    return std::all_of(cells_.begin(), cells_.end(), [](const std::string& c) { return core::trim(c).empty(); });
  }

 private:
  const std::map<std::string, std::size_t>& columns_;
  const std::vector<std::string>& cells_;
};

enum class SheetKind { single, multiple, choice, true_false, essay };

std::optional<SheetKind> kind_of(const std::string& typed) {
  const auto k = folded(typed);
  if (k == "mot dap an" || k == "single") return SheetKind::single;
  if (k == "nhieu dap an" || k == "multiple") return SheetKind::multiple;
  if (k == "trac nghiem") return SheetKind::choice;
  if (k == "dung/sai" || k == "dung sai" || k == "true_false") return SheetKind::true_false;
  if (k == "tu luan") return SheetKind::essay;
  return std::nullopt;
}

std::optional<int> difficulty_of(const std::string& typed) {
  const auto d = folded(typed);
  if (d.empty() || d == "2" || d == "trung binh") return 2;
  if (d == "1" || d == "de") return 1;
  if (d == "3" || d == "kho") return 3;
  return std::nullopt;
}

// "A", "A, C", "A;C" → {"A", "C"}; nothing when another character stands in it.
std::vector<std::string> letters_of(const std::string& answer) {
  std::vector<std::string> out;
  for (char c : answer) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c >= 'A' && c <= 'Z') out.emplace_back(1, c);
    else if (c != ',' && c != ' ' && c != ';') return {};
  }
  return out;
}

// The question of one row, its problems reported against `row`.
void read_row(const SheetRow& cells, std::size_t row, const std::string& source, ParsedBank& bank) {
  auto problem = [&](std::string field, std::string message) { bank.problems.push_back({row, std::move(field), std::move(message)}); };
  ImportedQuestion out;
  out.row = row;
  BankQuestion& q = out.question;
  const auto id = cells.get("Mã câu hỏi");
  q.source_ref = source + "#" + (id.empty() ? "dong-" + std::to_string(row) : id);
  q.text = cells.get("Nội dung câu hỏi");
  const auto answer = cells.get("Đáp án");
  auto kind = kind_of(cells.get("Loại câu hỏi"));
  if (!kind) return problem("Loại câu hỏi", "Loại câu hỏi là «Một đáp án», «Nhiều đáp án» hoặc «Đúng/Sai».");
  if (*kind == SheetKind::essay) {
    ++bank.skipped;
    return;
  }
  if (*kind == SheetKind::true_false) {
    q.kind = QuestionKind::true_false;
    const auto a = folded(answer);
    if (a != "dung" && a != "sai") return problem("Đáp án", "Đáp án câu Đúng/Sai là «Đúng» hoặc «Sai».");
    q.choices = true_false_choices(a == "dung");
  } else {
    const auto letters = letters_of(answer);
    if (letters.empty()) return problem("Đáp án", "Đáp án là chữ cái của lựa chọn đúng, ví dụ «B» hoặc «A, C».");
    for (std::size_t i = 0; i < kSheetChoices; ++i) {
      const auto label = choice_label(i);
      if (auto text = cells.get("Lựa chọn " + label); !text.empty())
        q.choices.push_back({label, text, std::find(letters.begin(), letters.end(), label) != letters.end()});
    }
    for (const auto& l : letters)
      if (std::none_of(q.choices.begin(), q.choices.end(), [&](const Choice& c) { return c.label == l; }))
        return problem("Đáp án", fmt::format("Đáp án {} là một lựa chọn để trống.", l));
    q.kind = *kind == SheetKind::multiple || (*kind == SheetKind::choice && letters.size() > 1) ? QuestionKind::multiple
                                                                                                : QuestionKind::single;
  }
  q.explanation = cells.get("Giải thích");
  q.law = cells.get("Văn bản");
  q.field_slug = cells.get("Lĩnh vực");
  q.difficulty = difficulty_of(cells.get("Độ khó")).value_or(0);
  q.tags = core::split_clean(cells.get("Thẻ"), ',');
  const auto articles = core::split_clean(cells.get("Điều"), ',');
  if (!articles.empty() && q.law.empty()) return problem("Văn bản", "Có số điều nhưng chưa ghi văn bản của điều đó.");
  for (const auto& a : articles) out.cited.emplace_back(q.law, a);
  // The rules name fields as the form does; a sheet's reader knows its columns.
  static const std::map<std::string, std::string> column_of = {
      {"text", "Nội dung câu hỏi"}, {"choices", "Lựa chọn"}, {"answer", "Đáp án"}, {"explanation", "Giải thích"},
      {"law", "Văn bản"},           {"difficulty", "Độ khó"}, {"tags", "Thẻ"}};
  const std::size_t before = bank.problems.size();
  for (const auto& [field, message] : question_problems(q)) {
    auto column = column_of.find(field);
    problem(column == column_of.end() ? field : column->second, message);
  }
  if (bank.problems.size() == before) bank.questions.push_back(std::move(out));
}

}  // namespace

std::vector<core::Table> bank_sheet_template(const std::vector<std::pair<std::string, std::string>>& fields) {
  core::Table questions{"Câu hỏi", headers(), {}};
  core::Table guide{"Hướng dẫn", {"Cột", "Cách điền", "Ví dụ"}, {}};
  auto explain = [&](const char* column, const char* how, const char* example) {
    guide.rows.push_back({std::string(column), std::string(how), std::string(example)});
  };
  explain("Mã câu hỏi", "Không bắt buộc. Mã riêng của câu hỏi: nhập lại cùng tệp thì câu đã có được bỏ qua.", "CT-001");
  explain("Loại câu hỏi", "Một đáp án, Nhiều đáp án hoặc Đúng/Sai.", "Một đáp án");
  explain("Nội dung câu hỏi", "Bắt buộc, tối đa 2000 ký tự.", "Chỗ ở hợp pháp là gì?");
  explain("Lựa chọn A … F", "Câu trắc nghiệm: từ 2 lựa chọn, ô để trống được bỏ qua. Câu Đúng/Sai: để trống.", "Nơi được sử dụng để sinh sống");
  explain("Đáp án", "Chữ cái của lựa chọn đúng (nhiều đáp án: cách nhau bởi dấu phẩy), hoặc Đúng / Sai.", "B");
  explain("Giải thích", "Giải thích đáp án cho người dự thi.", "Theo khoản 1 Điều 2 Luật Cư trú.");
  explain("Văn bản", "Tên hoặc số hiệu văn bản đã có trong tủ sách pháp luật.", "Luật Cư trú");
  explain("Điều", "Số điều của văn bản làm căn cứ (nhiều điều: cách nhau bởi dấu phẩy).", "2");
  explain("Lĩnh vực", "Không bắt buộc. Mã lĩnh vực ở trang «Lĩnh vực».", fields.empty() ? "" : fields.front().first.c_str());
  explain("Độ khó", "1 (Dễ), 2 (Trung bình) hoặc 3 (Khó); để trống là 2.", "2");
  explain("Thẻ", "Không bắt buộc, cách nhau bởi dấu phẩy; cuộc thi rút câu hỏi theo thẻ.", "cư trú, tuần 1");
  core::Table field_list{"Lĩnh vực", {"Mã lĩnh vực", "Tên lĩnh vực"}, {}};
  for (const auto& [slug, name] : fields) field_list.rows.push_back({slug, name});
  return {questions, guide, field_list};
}

ParsedBank parse_bank_sheet(const std::vector<std::vector<std::string>>& rows, const std::string& source) {
  ParsedBank bank;
  if (rows.empty()) {
    bank.problems.push_back({0, "", "Tệp trống: dòng 1 là tên các cột như trong tệp mẫu."});
    return bank;
  }
  if (rows.size() > kMaxBankRows + 1) {
    bank.problems.push_back({0, "", fmt::format("Tệp có quá {} câu hỏi; hãy chia thành nhiều tệp.", kMaxBankRows)});
    return bank;
  }
  std::map<std::string, std::size_t> columns;
  const auto known = headers();
  for (std::size_t i = 0; i < rows[0].size(); ++i) {
    const auto name = folded(rows[0][i]);
    if (name.empty()) continue;
    if (std::none_of(known.begin(), known.end(), [&](const std::string& h) { return folded(h) == name; }))
      bank.problems.push_back({1, rows[0][i], "Cột này không có trong tệp mẫu."});
    columns.emplace(name, i);
  }
  for (const char* required : {"Loại câu hỏi", "Nội dung câu hỏi", "Đáp án"})
    if (!columns.count(folded(required))) bank.problems.push_back({1, required, "Thiếu cột này (xem tệp mẫu)."});
  if (!bank.problems.empty()) return bank;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    SheetRow cells(columns, rows[i]);
    if (!cells.blank()) read_row(cells, i + 1, source, bank);
  }
  if (bank.questions.empty() && bank.problems.empty() && bank.skipped == 0)
    bank.problems.push_back({0, "", "Tệp không có câu hỏi nào (từ dòng 2)."});
  return bank;
}

}  // namespace learning
