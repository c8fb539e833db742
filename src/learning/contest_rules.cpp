#include "learning/contest_rules.h"

#include "core/json_depth.h"
#include "core/time.h"
#include "core/utf8.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace learning {

namespace {

// Digits of `typed` when it holds nothing but digits and the separators people type.
std::optional<std::string> digits_of(std::string_view typed, bool allow_plus) {
  if (typed.size() > 40) return std::nullopt;
  std::string digits;
  for (std::size_t i = 0; i < typed.size(); ++i) {
    char c = typed[i];
    if (c >= '0' && c <= '9') digits += c;
    else if (c == '+' && allow_plus && digits.empty() && i == typed.find_first_not_of(' ')) continue;
    else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')') return std::nullopt;
  }
  return digits;
}

}  // namespace

std::optional<std::string> normalize_phone(std::string_view typed) {
  auto digits = digits_of(typed, true);
  if (!digits) return std::nullopt;
  if (digits->starts_with("84") && digits->size() >= 11) *digits = "0" + digits->substr(2);
  if (!digits->starts_with("0") || (digits->size() != 10 && digits->size() != 11)) return std::nullopt;
  return digits;
}

std::optional<std::string> normalize_citizen_id(std::string_view typed) {
  auto digits = digits_of(typed, false);
  if (!digits || (digits->size() != 12 && digits->size() != 9)) return std::nullopt;
  return digits;
}

std::string mask_identity(const std::string& digits) {
  if (digits.size() <= 4) return std::string(digits.size(), '*');
  return digits.substr(0, 2) + std::string(digits.size() - 4, '*') + digits.substr(digits.size() - 2);
}

core::Result<std::vector<std::string>> checked_answer(const std::vector<std::string>& labels, QuestionKind kind,
                                                      const std::vector<Choice>& choices) {
  if (labels.empty()) return core::fail(core::ServiceError::invalid("Hãy chọn một phương án.", {{"choice", "Hãy chọn một phương án."}}));
  if (kind != QuestionKind::multiple && labels.size() != 1)
    return core::fail(core::ServiceError::invalid("Câu hỏi này chỉ có một phương án đúng: hãy chọn một.",
                                                  {{"choice", "Chỉ chọn một phương án."}}));
  std::set<std::string> wanted(labels.begin(), labels.end());
  if (wanted.size() != labels.size())
    return core::fail(core::ServiceError::invalid("Một phương án được chọn hai lần.", {{"choices", "Mỗi phương án chỉ chọn một lần."}}));
  std::vector<std::string> ordered;
  for (const auto& c : choices)
    if (wanted.count(c.label)) ordered.push_back(c.label);
  if (ordered.size() != labels.size()) {
    std::string known;
    for (const auto& c : choices) known += (known.empty() ? "" : ", ") + c.label;
    return core::fail(core::ServiceError::invalid(fmt::format("Phương án không có trong câu hỏi; các phương án là: {}.", known),
                                                  {{"choice", "Phương án không hợp lệ."}}));
  }
  return ordered;
}

bool is_correct(const std::vector<std::string>& answer, const std::vector<Choice>& choices) {
  std::vector<std::string> right;
  for (const auto& c : choices)
    if (c.correct) right.push_back(c.label);
  return !right.empty() && answer == right;
}

std::string join_answer(const std::vector<std::string>& labels) {
  std::string out;
  for (const auto& l : labels) out += (out.empty() ? "" : ",") + l;
  return out;
}

std::vector<std::string> split_answer(std::string_view stored) {
  std::vector<std::string> out;
  while (!stored.empty()) {
    auto comma = stored.find(',');
    out.emplace_back(stored.substr(0, comma));
    if (comma == std::string_view::npos) break;
    stored.remove_prefix(comma + 1);
  }
  return out;
}

bool matches_tag(const Quota& quota, const std::vector<std::string>& tags) {
  return quota.tag.empty() || std::find(tags.begin(), tags.end(), quota.tag) != tags.end();
}

std::map<std::string, std::string> contest_problems(const Contest& contest) {
  std::map<std::string, std::string> problems;
  const auto title_length = core::utf8_length(contest.title);
  if (title_length < 5 || title_length > 200) problems["title"] = "Tên cuộc thi phải có từ 5 đến 200 ký tự.";
  if (core::utf8_length(contest.description) > 20000) problems["description"] = "Thể lệ dài quá 20.000 ký tự.";
  if (core::utf8_length(contest.prediction_question) > 500) problems["prediction_question"] = "Câu hỏi dự đoán dài quá 500 ký tự.";
  if (contest.time_limit_seconds < 60 || contest.time_limit_seconds > 3 * 3600)
    problems["time_limit"] = "Thời gian làm bài phải từ 1 phút đến 3 giờ.";
  if (contest.attempts_per_round < 1 || contest.attempts_per_round > 100)
    problems["attempts_per_round"] = "Số lượt thi mỗi vòng phải từ 1 đến 100.";
  int total = 0;
  for (const auto& q : contest.quotas) {
    if (q.count < 1 || q.count > 200) {
      problems["quotas"] = "Mỗi nhóm câu hỏi phải có từ 1 đến 200 câu.";
      break;
    }
    if (!q.kind.empty() && !parse_kind(q.kind)) problems["quotas"] = fmt::format("Loại câu hỏi «{}» không có.", q.kind);
    if (q.difficulty < 0 || q.difficulty > 3) problems["quotas"] = "Độ khó là 1, 2 hoặc 3 (0: mọi độ khó).";
    if (q.tag.size() > 100 || q.law.size() > 300) problems["quotas"] = "Thẻ hoặc tên luật quá dài.";
    total += q.count;
  }
  if (contest.quotas.empty()) problems["quotas"] = "Hãy cho biết cách rút câu hỏi: ít nhất một nhóm câu hỏi.";
  else if (!problems.count("quotas") && total > 200) problems["quotas"] = "Mỗi lượt thi có nhiều nhất 200 câu hỏi.";
  if (contest.questions_per_attempt != total && !problems.count("quotas"))
    problems["quotas"] = "Số câu mỗi lượt thi phải bằng tổng số câu của các nhóm.";
  if (contest.rounds.empty() || contest.rounds.size() > 100) problems["rounds"] = "Cuộc thi có từ 1 đến 100 vòng.";
  for (std::size_t i = 0; i < contest.rounds.size(); ++i) {
    const auto& r = contest.rounds[i];
    if (r.opens_at >= r.closes_at) problems["rounds"] = fmt::format("Vòng {}: thời điểm mở phải trước thời điểm đóng.", i + 1);
    else if (i > 0 && r.opens_at < contest.rounds[i - 1].closes_at)
      problems["rounds"] = fmt::format("Vòng {} mở trước khi vòng {} đóng.", i + 1, i);
  }
  return problems;
}

core::Result<Contest> parse_contest_definition(std::string_view json) {
  auto bad = [](std::string message) { return core::fail(core::ServiceError::invalid(std::move(message))); };
  if (json.size() > 256 * 1024) return bad("Tệp định nghĩa cuộc thi quá lớn (tối đa 256 KB).");
  if (!core::json_depth_within(json)) return bad("Tệp định nghĩa cuộc thi lồng nhau quá sâu.");
  auto root = nlohmann::json::parse(json, nullptr, false);
  if (!root.is_object()) return bad("Tệp định nghĩa cuộc thi không phải một đối tượng JSON.");
  Contest c;
  auto text = [&](const char* name, std::string& out) -> bool {
    if (!root.contains(name)) return true;
    if (!root[name].is_string()) return false;
    out = core::clean_text(core::nfc(root[name].get<std::string>()));
    return true;
  };
  auto integer = [](const nlohmann::json& j, const char* name, int& out) -> bool {
    if (!j.contains(name)) return true;
    if (!j[name].is_number_integer() || j[name].get<std::int64_t>() < 0 || j[name].get<std::int64_t>() > 1000000) return false;
    out = j[name].get<int>();
    return true;
  };
  for (auto [name, target] : {std::pair{"title", &c.title}, std::pair{"description", &c.description},
                              std::pair{"prediction_question", &c.prediction_question}})
    if (!text(name, *target)) return bad(fmt::format("«{}» phải là chuỗi.", name));
  int minutes = 0;
  if (!integer(root, "time_limit_minutes", minutes)) return bad("«time_limit_minutes» phải là số nguyên không âm.");
  c.time_limit_seconds = minutes * 60;
  if (!integer(root, "attempts_per_round", c.attempts_per_round)) return bad("«attempts_per_round» phải là số nguyên không âm.");
  if (!root.contains("rounds") || !root["rounds"].is_array()) return bad("«rounds» phải là một mảng các vòng thi.");
  for (const auto& r : root["rounds"]) {
    ContestRound round;
    round.number = static_cast<int>(c.rounds.size()) + 1;
    std::optional<std::int64_t> opens, closes;
    if (r.is_object() && r.contains("opens_at") && r["opens_at"].is_string())
      opens = core::parse_vn_datetime_local(r["opens_at"].get<std::string>());
    if (r.is_object() && r.contains("closes_at") && r["closes_at"].is_string())
      closes = core::parse_vn_datetime_local(r["closes_at"].get<std::string>());
    if (!opens || !closes)
      return bad(fmt::format("Vòng {}: «opens_at» và «closes_at» phải có dạng 2026-12-07T08:00 (giờ Việt Nam).", round.number));
    round.opens_at = *opens;
    round.closes_at = *closes;
    c.rounds.push_back(round);
  }
  if (!root.contains("quotas") || !root["quotas"].is_array()) return bad("«quotas» phải là một mảng các nhóm câu hỏi.");
  for (const auto& q : root["quotas"]) {
    Quota quota;
    const auto where = fmt::format("Nhóm câu hỏi {}", c.quotas.size() + 1);
    if (!q.is_object() || !integer(q, "count", quota.count) || !integer(q, "difficulty", quota.difficulty))
      return bad(where + ": «count» và «difficulty» phải là số nguyên không âm.");
    for (auto [name, target] : {std::pair{"tag", &quota.tag}, std::pair{"law", &quota.law}, std::pair{"kind", &quota.kind}}) {
      if (!q.contains(name)) continue;
      if (!q[name].is_string()) return bad(fmt::format("{}: «{}» phải là chuỗi.", where, name));
      *target = core::clean_text(core::nfc(q[name].get<std::string>()));
    }
    c.questions_per_attempt += quota.count;
    c.quotas.push_back(std::move(quota));
  }
  return c;
}

}  // namespace learning
