#include "plans/model.h"

#include "core/enum_names.h"

namespace plans {

namespace {
constexpr auto kStatuses = std::to_array<core::EnumName<TaskStatus>>({
    {TaskStatus::not_started, "not_started", "Chưa triển khai"},
    {TaskStatus::in_progress, "in_progress", "Đang thực hiện"},
    {TaskStatus::done, "done", "Đã hoàn thành"},
});
}  // namespace

std::string_view status_slug(TaskStatus s) { return core::slug_of(kStatuses, s, "not_started"); }
std::string_view status_label(TaskStatus s) { return core::label_of(kStatuses, s); }
std::optional<TaskStatus> parse_task_status(std::string_view slug) { return core::parse_slug(kStatuses, slug); }
std::vector<TaskStatus> task_statuses() { return core::values_of(kStatuses); }

}  // namespace plans
