#pragma once
// Reading the national list of administrative units (../shared/data/admin-units/
// vn-units-2025.json): an array of provinces {Code, FullName, Wards: [{Code, FullName,
// ProvinceCode}]}. Pure: no database.
#include "units/model.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace units {

// The largest list accepted (the national file is about 600 KB).
constexpr std::size_t kMaxUnitsFileBytes = 16 * 1024 * 1024;

struct ParsedUnits {
  std::vector<AdminUnit> units;       // provinces first, each followed by its communes
  std::vector<std::string> problems;  // Vietnamese, one per bad entry ("Tỉnh thứ 3, xã thứ 12: …")
};

// Every province and commune of the file, or the problems that make it unusable: a code that is
// not 2 (province) or 5 (commune) digits, a code given twice, an empty or over-long name, a
// commune whose ProvinceCode is not its province.
ParsedUnits parse_vn_units(std::string_view json);

// A province's own tree: {"units": [{"code", "name", "level", "parent"}, …]}, for its agencies
// (sở, ban, ngành) and for an older three-level tree (districts with their communes) kept for
// historical reports. Codes are 2 to 16 of A–Z, 0–9 and "-" ("01-STP"); `level` is "province",
// "agency", "district" or "commune"; `parent` (every unit but a province) must come earlier in
// the file or already be stored (UnitRegistry::import checks the latter).
ParsedUnits parse_unit_tree(std::string_view json);

// Either format, told apart by the JSON: an array is the national list, an object a tree.
ParsedUnits parse_units_file(std::string_view json);

// "01", "00004", "01-STP": what a unit code may be.
bool is_unit_code(std::string_view s);

}  // namespace units
