#pragma once
// The units module's settings section (core/settings.h): which province this installation
// serves. Its organisation tree (the province, its agencies and communes) is what the PBGDPL
// reports are filed and rolled up by.
#include "core/settings.h"

#include <string>

namespace units {

struct Settings {
  std::string province;  // a province code from admin-units ("01"); "" until one is chosen
};

// Key `province` (PHOBIEN_PROVINCE).
core::SettingsSection settings_section();

}  // namespace units
