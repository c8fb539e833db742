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

}  // namespace units
