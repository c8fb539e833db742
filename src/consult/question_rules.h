#pragma once
// Rules every consultation service shares: the length limits of what people write, the "needs
// 10 to 200 characters" message, who counts as a moderator, and tracking codes.
#include "auth/user.h"
#include "core/error.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace consult {

constexpr std::size_t kMaxTitleChars = 200;
constexpr std::size_t kMaxBodyChars = 10000;
constexpr std::size_t kMaxAnswerChars = 30000;
constexpr std::int64_t kDay = 24 * 3600;

// Moderators (and admins) triage, assign, review and publish; see auth::can_moderate_questions.
bool is_moderator(const auth::User& u);

// "Tiêu đề cần từ 10 đến 200 ký tự."
std::string length_error(const char* what, std::size_t min, std::size_t max);
// The refusal of a text of the wrong length: that message at the top and next to `field`.
core::ServiceError length_refusal(const char* field, const char* what, std::size_t min, std::size_t max);

// "TV-7K3M9Q2P": letters and digits that cannot be mistaken for each other.
std::string make_tracking_code();

}  // namespace consult
