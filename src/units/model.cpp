#include "units/model.h"

#include "core/enum_names.h"

namespace units {

constexpr auto kLevelNames = std::to_array<core::EnumName<UnitLevel>>({
    {UnitLevel::province, "province", "Tỉnh, thành phố"},
    {UnitLevel::commune, "commune", "Xã, phường, đặc khu"},
    {UnitLevel::agency, "agency", "Cơ quan, sở, ban, ngành"},
    {UnitLevel::district, "district", "Quận, huyện, thị xã (trước 01/7/2025)"},
});

std::string_view level_slug(UnitLevel level) { return core::slug_of(kLevelNames, level, "province"); }
std::string_view level_label(UnitLevel level) { return core::label_of(kLevelNames, level); }
std::optional<UnitLevel> parse_level(std::string_view slug) { return core::parse_slug(kLevelNames, slug); }

}  // namespace units
