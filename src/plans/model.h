#pragma once
// Plans and their follow-up: a plan (kế hoạch) assigns tasks (nhiệm vụ) to units with deadlines
// and expected outputs; units report progress with evidence.
#include "core/file_store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plans {

enum class TaskStatus { not_started, in_progress, done };
std::string_view status_slug(TaskStatus s);   // stored and sent by forms
std::string_view status_label(TaskStatus s);  // "Chưa triển khai", "Đang thực hiện", "Đã hoàn thành"
std::optional<TaskStatus> parse_task_status(std::string_view slug);
std::vector<TaskStatus> task_statuses();

enum class ReviewKind { inspection, interim, final_review, evaluation };
std::string_view review_slug(ReviewKind k);
std::string_view review_label(ReviewKind k);  // "Kiểm tra", "Sơ kết", "Tổng kết", "Đánh giá"
std::optional<ReviewKind> parse_review_kind(std::string_view slug);
std::vector<ReviewKind> review_kinds();

enum class Rating { none, good, fair, average, poor };
std::string_view rating_slug(Rating r);   // "" for none
std::string_view rating_label(Rating r);  // "Tốt", "Khá", "Trung bình", "Yếu"; "" for none
std::optional<Rating> parse_rating(std::string_view slug);
std::vector<Rating> ratings();  // the four grades, best first

struct PlanTask {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  int position = 0;
  std::string area;
  std::string title;
  std::string lead_unit;
  std::string partners;
  std::string deadline;  // "2026-06-30"
  std::string expected_output;
  TaskStatus status = TaskStatus::not_started;
  std::int64_t updated_at = 0;
};

struct Plan {
  std::int64_t id = 0;
  std::string code;   // "1655/KH-UBND"
  std::string title;
  std::string basis;  // what it implements
  std::string issued_by;
  std::string issued_on;
  std::vector<PlanTask> tasks;
};

// One progress report on a task, with its evidence.
struct Progress {
  std::int64_t id = 0;
  std::int64_t task_id = 0;
  TaskStatus status = TaskStatus::in_progress;
  std::string note;
  std::string evidence_url;
  std::optional<std::int64_t> activity_id;
  std::string activity_title;  // when the activity is still in the log
  std::vector<core::StoredFile> files;
  std::string reported_by;     // display name
  std::int64_t reported_at = 0;
};

// An inspection or evaluation of how a unit carries out the plan.
struct Review {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  ReviewKind kind = ReviewKind::inspection;
  std::string held_on;
  std::string unit_code;
  std::string findings;
  Rating rating = Rating::none;
  std::string recommendations;
  std::string recorded_by;  // display name
  std::int64_t recorded_at = 0;
};

// Past its deadline (strictly before `today`, ISO dates) and not done.
inline bool overdue(const PlanTask& t, const std::string& today) { return t.status != TaskStatus::done && t.deadline < today; }

}  // namespace plans
