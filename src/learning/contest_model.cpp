#include "learning/contest_model.h"

#include "core/enum_names.h"

namespace learning {

constexpr auto kAttemptStatusNames = std::to_array<core::EnumName<AttemptStatus>>({
    {AttemptStatus::open, "open", "Đang làm"},
    {AttemptStatus::submitted, "submitted", "Đã nộp"},
    {AttemptStatus::expired, "expired", "Hết giờ"},
});

const ContestRound* Contest::round_at(std::int64_t now) const {
  for (const auto& r : rounds)
    if (r.opens_at <= now && now < r.closes_at) return &r;
  return nullptr;
}

std::string contest_url(const Contest& c) { return "/cuoc-thi/" + c.slug; }

std::string_view attempt_status_slug(AttemptStatus s) { return core::slug_of(kAttemptStatusNames, s, "open"); }
std::optional<AttemptStatus> parse_attempt_status(std::string_view slug) { return core::parse_slug(kAttemptStatusNames, slug); }

}  // namespace learning
