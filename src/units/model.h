#pragma once
// Administrative units (đơn vị hành chính) since the 1 July 2025 reorganisation: two levels of
// local government, provinces and centrally-run cities, and their communes, wards and special
// zones; plus a province's own agencies (sở, ban, ngành). Participants in contests, and later
// reporters and the PBGDPL statistics, belong to a unit.
#include <optional>
#include <string>
#include <string_view>

namespace units {

// `district` is the level local government had before 1 July 2025: kept so that an older
// three-level tree (province, district, commune) still imports for historical reports.
enum class UnitLevel { province, commune, agency, district };
std::string_view level_slug(UnitLevel level);   // "province", "commune", "agency", "district": stored
std::string_view level_label(UnitLevel level);  // Vietnamese
std::optional<UnitLevel> parse_level(std::string_view slug);

struct AdminUnit {
  std::string code;  // national code: "01" (a province), "00004" (a commune)
  std::string name;  // "Thành phố Hà Nội", "Phường Ba Đình"
  UnitLevel level = UnitLevel::province;
  std::string parent_code;  // the unit above (a province, or a district in an older tree); "" for a province
};

}  // namespace units
