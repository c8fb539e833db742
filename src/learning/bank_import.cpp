#include "learning/bank_import.h"

#include "core/json_depth.h"
#include "core/strings.h"
#include "core/utf8.h"
#include "learning/question_rules.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace learning {

namespace {

using json = nlohmann::json;

// A string or integer member as text (NFC, trimmed), or "".
std::string member(const json& item, const char* key) {
  auto it = item.find(key);
  if (it == item.end()) return "";
  if (it->is_string()) {
    const auto& s = it->get_ref<const std::string&>();
    return core::is_valid_utf8(s) ? std::string(core::trim(core::nfc(s))) : "";
  }
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  return "";
}

// "A", "A, C", "A,C", "AC" → {"A", "C"}.
std::vector<std::string> answer_letters(const std::string& answer) {
  std::vector<std::string> out;
  for (char c : answer)
    if (c >= 'A' && c <= 'Z') out.emplace_back(1, c);
    else if (c >= 'a' && c <= 'z') out.emplace_back(1, static_cast<char>(c - 'a' + 'A'));
    else if (c != ',' && c != ' ' && c != ';') return {};
  return out;
}

class ItemReader {
 public:
  ItemReader(ParsedBank& bank, std::size_t row) : bank_(bank), row_(row) {}

  void problem(std::string field, std::string message) { bank_.problems.push_back({row_, std::move(field), std::move(message)}); }

  bool read_choices(const json& item, const std::string& answer, BankQuestion& q) {
    auto choices = item.find("choices");
    if (choices == item.end() || !choices->is_object()) {
      problem("choices", "Câu trắc nghiệm cần \"choices\" dạng {\"A\": \"…\", \"B\": \"…\"}.");
      return false;
    }
    auto letters = answer_letters(answer);
    if (letters.empty()) {
      problem("answer", fmt::format("Đáp án «{}» không phải là chữ cái của lựa chọn (A, B, …).", answer));
      return false;
    }
    for (const auto& [label, text] : choices->items()) {
      if (!text.is_string() || label.size() != 1 || label[0] < 'A' || label[0] > 'H') {
        problem("choices", fmt::format("Lựa chọn «{}» không hợp lệ: nhãn là một chữ từ A đến H, nội dung là văn bản.", label));
        return false;
      }
      const auto& raw = text.get_ref<const std::string&>();
      std::string t = core::is_valid_utf8(raw) ? std::string(core::trim(core::nfc(raw))) : "";
      q.choices.push_back({label, t, std::find(letters.begin(), letters.end(), label) != letters.end()});
    }
    for (const auto& l : letters)
      if (!choices->contains(l)) {
        problem("answer", fmt::format("Đáp án {} không có trong các lựa chọn.", l));
        return false;
      }
    q.kind = letters.size() == 1 ? QuestionKind::single : QuestionKind::multiple;
    return true;
  }

  void read_extras(const json& item, BankQuestion& q) {
    q.explanation = member(item, "explanation");
    q.field_slug = member(item, "field");
    if (auto d = member(item, "difficulty"); !d.empty()) {
      if (d == "1" || d == "2" || d == "3") q.difficulty = d[0] - '0';
      else q.difficulty = 0;  // reported by question_problems
    }
    if (auto tags = item.find("tags"); tags != item.end() && tags->is_array())
      for (const auto& t : *tags)
        if (t.is_string())
          for (auto& tag : core::split_clean(t.get_ref<const std::string&>(), ',')) q.tags.push_back(std::move(tag));
  }

  void read_articles(const json& item, ImportedQuestion& out) {
    auto articles = item.find("relevant_articles");
    if (articles == item.end()) return;
    if (!articles->is_array()) {
      problem("relevant_articles", "\"relevant_articles\" phải là một mảng {\"law_id\", \"article_id\"}.");
      return;
    }
    for (const auto& a : *articles) {
      std::string law = a.is_object() ? member(a, "law_id") : "", article = a.is_object() ? member(a, "article_id") : "";
      if (law.empty() || article.empty()) {
        problem("relevant_articles", "Mỗi điều luật cần \"law_id\" và \"article_id\".");
        return;
      }
      if (out.question.law.empty()) out.question.law = law;
      out.cited.emplace_back(law, article);
    }
  }

 private:
  ParsedBank& bank_;
  std::size_t row_;
};

}  // namespace

ParsedBank parse_alqac_bank(std::string_view json_text, const std::string& source) {
  ParsedBank bank;
  auto file_problem = [&](std::string message) { bank.problems.push_back({0, "", std::move(message)}); };
  if (json_text.size() > kMaxBankFileBytes) {
    file_problem(fmt::format("Tệp lớn quá {} MB.", kMaxBankFileBytes >> 20));
    return bank;
  }
  if (!core::json_depth_within(json_text)) {
    file_problem("JSON lồng nhau quá sâu.");
    return bank;
  }
  json items;
  try {
    items = json::parse(json_text);
  } catch (const json::exception&) {
    file_problem("Không phải JSON hợp lệ.");
    return bank;
  }
  if (!items.is_array()) {
    file_problem("Tệp phải là một mảng JSON các câu hỏi.");
    return bank;
  }
  if (items.size() > kMaxBankRows) {
    file_problem(fmt::format("Tệp có quá {} câu hỏi; hãy chia thành nhiều tệp.", kMaxBankRows));
    return bank;
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::size_t row = i + 1;
    const json& item = items[i];
    ItemReader reader(bank, row);
    if (!item.is_object()) {
      reader.problem("", "Mỗi câu hỏi là một đối tượng JSON.");
      continue;
    }
    const std::string type = member(item, "question_type"), answer = member(item, "answer");
    ImportedQuestion out;
    out.row = row;
    BankQuestion& q = out.question;
    q.text = member(item, "text");
    std::string id = member(item, "question_id");
    if (id.empty()) id = member(item, "id");
    if (id.empty()) id = std::to_string(row);
    q.source_ref = source + "#" + id;
    if (type == "Tự luận") {
      ++bank.skipped;
      continue;
    }
    if (type == "Đúng/Sai") {
      q.kind = QuestionKind::true_false;
      if (answer != kTrue && answer != kFalse) {
        reader.problem("answer", fmt::format("Đáp án câu Đúng/Sai là «Đúng» hoặc «Sai», không phải «{}».", answer));
        continue;
      }
      q.choices = true_false_choices(answer == kTrue);
    } else if (type == "Trắc nghiệm") {
      if (!reader.read_choices(item, answer, q)) continue;
    } else {
      reader.problem("question_type", fmt::format("Loại câu hỏi «{}» không rõ: dùng «Trắc nghiệm», «Đúng/Sai» hoặc «Tự luận».", type));
      continue;
    }
    reader.read_extras(item, q);
    const std::size_t before = bank.problems.size();
    reader.read_articles(item, out);
    for (const auto& [field, message] : question_problems(q)) reader.problem(field, message);
    if (bank.problems.size() == before) bank.questions.push_back(std::move(out));
  }
  return bank;
}

std::string describe(const RowProblem& p, std::string_view row_word) {
  if (p.row == 0) return "tệp: " + p.message;
  if (p.field.empty()) return fmt::format("{} {}: {}", row_word, p.row, p.message);
  return fmt::format("{} {}, trường {}: {}", row_word, p.row, p.field, p.message);
}

}  // namespace learning
