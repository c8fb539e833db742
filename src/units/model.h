#pragma once
// Administrative units (đơn vị hành chính) since the 1 July 2025 reorganisation: two levels of
// local government, provinces and centrally-run cities, and their communes, wards and special
// zones; plus a province's own agencies (sở, ban, ngành). Participants in contests, and later
// reporters and the PBGDPL statistics, belong to a unit.
#include <optional>
#include <string>
#include <string_view>

namespace units {

enum class UnitLevel { province, commune, agency };
std::string_view level_slug(UnitLevel level);  // "province", "commune", "agency": stored
std::optional<UnitLevel> parse_level(std::string_view slug);

struct AdminUnit {
  std::string code;  // national code: "01" (a province), "00004" (a commune)
  std::string name;  // "Thành phố Hà Nội", "Phường Ba Đình"
  UnitLevel level = UnitLevel::province;
  std::string parent_code;  // the province of a commune or an agency; "" for a province
};

}  // namespace units
