#include "units/unit_import.h"

#include "core/json_depth.h"
#include "core/utf8.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

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

}  // namespace

ParsedUnits parse_vn_units(std::string_view json) {
  ParsedUnits out;
  if (json.size() > kMaxUnitsFileBytes) {
    out.problems.push_back(fmt::format("Tệp quá lớn (tối đa {} MB).", kMaxUnitsFileBytes / (1024 * 1024)));
    return out;
  }
  nlohmann::json root;
  if (core::json_depth_within(json)) root = nlohmann::json::parse(json, nullptr, false);
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
