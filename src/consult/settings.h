#pragma once
// The consultation module's settings section (core/settings.h): askers' limits, proof of work and
// how long a finished question keeps its personal data.
#include "core/config.h"
#include "core/settings.h"

#include <cstdint>

namespace consult {

struct Settings {
  core::RateLimit question_per_ip{5, 3600};
  core::RateLimit question_per_contact{3, 24 * 3600};
  std::int64_t question_retention_days = 365;  // after the last step; published ones keep only the anonymised copy
  // Proof of work asked of anonymous askers (antispam/proof_of_work.h): leading zero bits of SHA-256,
  // 2^bits hashes on average in the browser (static/pow.js). 17: about 1 s on a cheap phone
  // (docs/architecture.md, "Anti-spam"). 0 turns it off.
  int question_pow_bits = 17;
};

// Keys question_limit_per_ip, question_limit_per_contact, question_retention_days, question_pow_bits.
core::SettingsSection settings_section();

}  // namespace consult
