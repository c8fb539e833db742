#pragma once
// A signed minimum time to fill in a form: the page carries a token with the time it was served,
// and the POST is refused when it comes back sooner than a person could type a question (spam
// scripts post at once) or after the page has sat for hours. Stateless, like the proof-of-work
// challenge, so any node can check any node's token:
//     f1.<issued unix>.<16 random hex>.<hex HMAC-SHA256 under the site secret>
#include <cstdint>
#include <string>
#include <string_view>

namespace antispam {

inline constexpr std::int64_t kFormMinSeconds = 3;
inline constexpr std::int64_t kFormMaxAgeSeconds = 2 * 3600;

enum class FormTokenResult {
  ok,
  malformed,      // missing or not a token of ours
  bad_signature,  // shaped right but not signed with this site's secret
  too_fast,       // back sooner than min_seconds after the page was served
  expired,        // older than max_age_seconds
};
// "ok", "malformed", ...: for logs.
std::string_view to_string(FormTokenResult r);

std::string issue_form_token(std::string_view secret, std::int64_t now);

FormTokenResult check_form_token(std::string_view secret, std::string_view token, std::int64_t now,
                                 std::int64_t min_seconds = kFormMinSeconds,
                                 std::int64_t max_age_seconds = kFormMaxAgeSeconds);

}  // namespace antispam
