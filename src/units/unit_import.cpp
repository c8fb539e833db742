#include "units/unit_import.h"

#include "core/json_depth.h"
#include "core/utf8.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <set>

namespace units {

namespace {

constexpr std::size_t kMaxNameBytes = 200;

bool digits(const std::string& s, std::size_t length) {
  return s.size() == length && s.find_first_not_of("0123456789") == std::string::npos;
}

std::string text_member(const nlohmann::json& j, const char* name) {
  auto it = j.find(name);
  return it != j.end() && it->is_string() ? core::clean_text(it->get<std::string>()) : std::string();
}

// The file as JSON, or a problem: too large, too deep, or not JSON.
std::optional<nlohmann::json> read_json(std::string_view json, ParsedUnits& out) {
  if (json.size() > kMaxUnitsFileBytes) {
    out.problems.push_back(fmt::format("Tệp quá lớn (tối đa {} MB).", kMaxUnitsFileBytes / (1024 * 1024)));
    return std::nullopt;
  }
  nlohmann::json root;
  if (core::json_depth_within(json)) root = nlohmann::json::parse(json, nullptr, false);
  if (root.is_discarded()) {
    out.problems.push_back("Tệp không phải JSON hợp lệ.");
    return std::nullopt;
  }
  return root;
}

}  // namespace

bool is_unit_code(std::string_view s) {
  return s.size() >= 2 && s.size() <= 16 && s.find_first_not_of("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-") == std::string_view::npos;
}

ParsedUnits parse_units_file(std::string_view json) {
  std::string_view body = json.starts_with("\xEF\xBB\xBF") ? json.substr(3) : json;
  auto start = body.find_first_not_of(" \t\r\n");
  if (start != std::string_view::npos && body[start] == '{') return parse_unit_tree(json);
  return parse_vn_units(json);
}

ParsedUnits parse_unit_tree(std::string_view json) {
  ParsedUnits out;
  auto root = read_json(json, out);
  if (!root) return out;
  auto list = root->is_object() ? root->find("units") : root->end();
  if (!root->is_object() || list == root->end() || !list->is_array()) {
    out.problems.push_back("Tệp không phải cây đơn vị: cần một đối tượng JSON có mảng «units».");
    return out;
  }
  std::set<std::string> codes;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto& item = (*list)[i];
    const std::string where = fmt::format("Đơn vị thứ {}", i + 1);
    if (!item.is_object()) {
      out.problems.push_back(where + ": không phải một đối tượng JSON.");
      continue;
    }
    AdminUnit u{text_member(item, "code"), text_member(item, "name"), UnitLevel::commune, text_member(item, "parent")};
    auto level = parse_level(text_member(item, "level"));
    if (!is_unit_code(u.code))
      out.problems.push_back(fmt::format("{}: mã «{}» phải gồm 2 đến 16 ký tự A–Z, 0–9 hoặc «-».", where, u.code));
    else if (!codes.insert(u.code).second)
      out.problems.push_back(fmt::format("{}: mã {} bị trùng.", where, u.code));
    if (u.name.empty() || u.name.size() > kMaxNameBytes)
      out.problems.push_back(fmt::format("{}: tên phải có từ 1 đến {} byte.", where, kMaxNameBytes));
    if (!level)
      out.problems.push_back(fmt::format("{}: cấp «{}» không hợp lệ (province, agency, district hoặc commune).", where,
                                         text_member(item, "level")));
    else
      u.level = *level;
    if (level == UnitLevel::province && !u.parent_code.empty())
      out.problems.push_back(where + ": tỉnh, thành phố không có đơn vị cấp trên.");
    if (level && level != UnitLevel::province && u.parent_code.empty())
      out.problems.push_back(where + ": thiếu mã đơn vị cấp trên («parent»).");
    if (!u.parent_code.empty() && u.parent_code == u.code) out.problems.push_back(where + ": đơn vị không thể là cấp trên của chính nó.");
    out.units.push_back(std::move(u));
  }
  if (out.units.empty() && out.problems.empty()) out.problems.push_back("Tệp không có đơn vị nào.");
  return out;
}

ParsedUnits parse_vn_units(std::string_view json) {
  ParsedUnits out;
  auto parsed = read_json(json, out);
  if (!parsed) return out;
  const nlohmann::json& root = *parsed;
  if (!root.is_array()) {
    out.problems.push_back("Tệp không phải danh sách đơn vị hành chính (mảng JSON các tỉnh, thành phố).");
    return out;
  }
  std::set<std::string> codes;
  auto check = [&](const std::string& where, const AdminUnit& u, std::size_t code_length) {
    if (!digits(u.code, code_length))
      out.problems.push_back(fmt::format("{}: mã «{}» phải gồm {} chữ số.", where, u.code, code_length));
    else if (!codes.insert(u.code).second)
      out.problems.push_back(fmt::format("{}: mã {} bị trùng.", where, u.code));
    if (u.name.empty() || u.name.size() > kMaxNameBytes)
      out.problems.push_back(fmt::format("{}: tên phải có từ 1 đến {} byte.", where, kMaxNameBytes));
  };
  for (std::size_t p = 0; p < root.size(); ++p) {
    const auto& province = root[p];
    const std::string where = fmt::format("Tỉnh thứ {}", p + 1);
    if (!province.is_object()) {
      out.problems.push_back(where + ": không phải một đối tượng JSON.");
      continue;
    }
    AdminUnit unit{text_member(province, "Code"), text_member(province, "FullName"), UnitLevel::province, ""};
    check(where, unit, 2);
    const std::string province_code = unit.code;
    out.units.push_back(std::move(unit));
    auto wards = province.find("Wards");
    if (wards == province.end()) continue;
    if (!wards->is_array()) {
      out.problems.push_back(where + ": «Wards» phải là một mảng.");
      continue;
    }
    for (std::size_t w = 0; w < wards->size(); ++w) {
      const auto& ward = (*wards)[w];
      const std::string ward_where = fmt::format("{}, xã thứ {}", where, w + 1);
      if (!ward.is_object()) {
        out.problems.push_back(ward_where + ": không phải một đối tượng JSON.");
        continue;
      }
      AdminUnit commune{text_member(ward, "Code"), text_member(ward, "FullName"), UnitLevel::commune, province_code};
      check(ward_where, commune, 5);
      if (auto parent = text_member(ward, "ProvinceCode"); !parent.empty() && parent != province_code)
        out.problems.push_back(fmt::format("{}: ProvinceCode «{}» không phải mã tỉnh {}.", ward_where, parent, province_code));
      out.units.push_back(std::move(commune));
    }
  }
  if (out.units.empty() && out.problems.empty()) out.problems.push_back("Tệp không có đơn vị hành chính nào.");
  return out;
}

}  // namespace units
