#include "answer/settings.h"

namespace answer {
namespace {
constexpr core::Setting<Settings> kSettings[] = {
    {"conversation_retention_days", +[](Settings& s) -> auto& { return s.conversation_retention_days; }},
};
}  // namespace

core::SettingsSection settings_section() { return core::settings_section<Settings>(kSettings); }

}  // namespace answer
