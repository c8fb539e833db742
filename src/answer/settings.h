#pragma once
// The answering module's settings section (core/settings.h).
#include "core/settings.h"

#include <cstdint>

namespace answer {

struct Settings {
  std::int64_t conversation_retention_days = 30;  // answering-service turns older than this are deleted
};

// Key conversation_retention_days.
core::SettingsSection settings_section();

}  // namespace answer
