#include "antispam/form_timer.h"

#include "antispam/signed_token.h"
#include "core/random.h"

namespace antispam {

namespace {
constexpr std::string_view kPurpose = "form-timer";
constexpr std::string_view kVersion = "f1";
constexpr std::size_t kMaxTokenLength = 120;
}  // namespace

std::string_view to_string(FormTokenResult r) {
  switch (r) {
    case FormTokenResult::ok: return "ok";
    case FormTokenResult::malformed: return "malformed";
    case FormTokenResult::bad_signature: return "bad_signature";
    case FormTokenResult::too_fast: return "too_fast";
    case FormTokenResult::expired: return "expired";
  }
  return "unknown";
}

std::string issue_form_token(std::string_view secret, std::int64_t now) {
  return token::sign(secret, kPurpose, std::string(kVersion) + "." + std::to_string(now) + "." + core::random_hex(8));
}

FormTokenResult check_form_token(std::string_view secret, std::string_view value, std::int64_t now,
                                 std::int64_t min_seconds, std::int64_t max_age_seconds) {
  if (value.size() > kMaxTokenLength) return FormTokenResult::malformed;
  auto parts = token::split_mac(value);
  if (!parts) return FormTokenResult::malformed;
  auto f = token::fields(parts->payload);
  if (f.size() != 3 || f[0] != kVersion || !token::lower_hex(f[2], 16)) return FormTokenResult::malformed;
  auto issued = token::decimal(f[1], 12);
  if (!issued) return FormTokenResult::malformed;
  if (!token::mac_valid(secret, kPurpose, *parts)) return FormTokenResult::bad_signature;
  // A token from the future (another node's clock ahead) also counts as too fast.
  std::int64_t elapsed = now - *issued;
  if (elapsed < min_seconds) return FormTokenResult::too_fast;
  if (elapsed > max_age_seconds) return FormTokenResult::expired;
  return FormTokenResult::ok;
}

}  // namespace antispam
