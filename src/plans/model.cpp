#include "plans/model.h"

#include "core/enum_names.h"

namespace plans {

namespace {
constexpr auto kStatuses = std::to_array<core::EnumName<TaskStatus>>({
    {TaskStatus::not_started, "not_started", "Chưa triển khai"},
    {TaskStatus::in_progress, "in_progress", "Đang thực hiện"},
    {TaskStatus::done, "done", "Đã hoàn thành"},
});
constexpr auto kReviewKinds = std::to_array<core::EnumName<ReviewKind>>({
    {ReviewKind::inspection, "inspection", "Kiểm tra"},
    {ReviewKind::interim, "interim", "Sơ kết"},
    {ReviewKind::final_review, "final", "Tổng kết"},
    {ReviewKind::evaluation, "evaluation", "Đánh giá"},
});
constexpr auto kRatings = std::to_array<core::EnumName<Rating>>({
    {Rating::good, "good", "Tốt"},
    {Rating::fair, "fair", "Khá"},
    {Rating::average, "average", "Trung bình"},
    {Rating::poor, "poor", "Yếu"},
});
}  // namespace

std::string_view review_slug(ReviewKind k) { return core::slug_of(kReviewKinds, k, "inspection"); }
std::string_view review_label(ReviewKind k) { return core::label_of(kReviewKinds, k); }
std::optional<ReviewKind> parse_review_kind(std::string_view slug) { return core::parse_slug(kReviewKinds, slug); }
std::vector<ReviewKind> review_kinds() { return core::values_of(kReviewKinds); }
std::string_view rating_slug(Rating r) { return core::slug_of(kRatings, r, ""); }
std::string_view rating_label(Rating r) { return core::label_of(kRatings, r); }
std::optional<Rating> parse_rating(std::string_view slug) { return slug.empty() ? std::optional(Rating::none) : core::parse_slug(kRatings, slug); }
std::vector<Rating> ratings() { return core::values_of(kRatings); }

std::string_view status_slug(TaskStatus s) { return core::slug_of(kStatuses, s, "not_started"); }
std::string_view status_label(TaskStatus s) { return core::label_of(kStatuses, s); }
std::optional<TaskStatus> parse_task_status(std::string_view slug) { return core::parse_slug(kStatuses, slug); }
std::vector<TaskStatus> task_statuses() { return core::values_of(kStatuses); }

}  // namespace plans
