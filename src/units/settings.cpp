#include "units/settings.h"

#include "units/unit_import.h"

#include <stdexcept>

namespace units {
namespace {
constexpr core::Setting<Settings> kSettings[] = {
    {"province", +[](Settings& s) -> auto& { return s.province; }},
};

void validate(const Settings& s) {
  if (!s.province.empty() && !is_unit_code(s.province))
    throw std::invalid_argument("province (PHOBIEN_PROVINCE) phải là mã tỉnh, thành phố trong danh mục đơn vị hành chính, ví dụ 01");
}
}  // namespace

core::SettingsSection settings_section() { return core::settings_section<Settings>(kSettings, validate); }

}  // namespace units
