#include "consult/settings.h"

#include <stdexcept>

namespace consult {
namespace {
constexpr core::Setting<Settings> kSettings[] = {
    {"question_limit_per_ip", +[](Settings& s) -> auto& { return s.question_per_ip.max; }},
    {"question_limit_per_contact", +[](Settings& s) -> auto& { return s.question_per_contact.max; }},
    {"question_pow_bits", +[](Settings& s) -> auto& { return s.question_pow_bits; }},
    {"question_retention_days", +[](Settings& s) -> auto& { return s.question_retention_days; }},
};

void validate(const Settings& s) {
  if (s.question_pow_bits < 0 || s.question_pow_bits > 28)
    throw std::invalid_argument("question_pow_bits (PHOBIEN_QUESTION_POW_BITS) phải từ 0 đến 28");
}
}  // namespace

core::SettingsSection settings_section() { return core::settings_section<Settings>(kSettings, validate); }

}  // namespace consult
