#include "learning/course_model.h"

#include "core/enum_names.h"

#include <algorithm>

namespace learning {

constexpr auto kAudienceNames = std::to_array<core::EnumName<CourseAudience>>({
    {CourseAudience::citizens, "public", "Dành cho người dân"},
    {CourseAudience::staff, "staff", "Dành cho cán bộ làm công tác PBGDPL"},
});

constexpr auto kLessonKindNames = std::to_array<core::EnumName<LessonKind>>({
    {LessonKind::text, "text", "Bài đọc"},
    {LessonKind::article, "article", "Điều luật"},
    {LessonKind::pdf, "pdf", "Tài liệu PDF"},
    {LessonKind::video, "video", "Video"},
    {LessonKind::quiz, "quiz", "Bài kiểm tra"},
});

std::string_view audience_slug(CourseAudience a) { return core::slug_of(kAudienceNames, a, "public"); }
std::string_view audience_label(CourseAudience a) { return core::label_of(kAudienceNames, a); }
std::optional<CourseAudience> parse_audience(std::string_view slug) { return core::parse_slug(kAudienceNames, slug); }

std::string_view lesson_kind_slug(LessonKind k) { return core::slug_of(kLessonKindNames, k, "text"); }
std::string_view lesson_kind_label(LessonKind k) { return core::label_of(kLessonKindNames, k); }
std::optional<LessonKind> parse_lesson_kind(std::string_view slug) { return core::parse_slug(kLessonKindNames, slug); }

bool Enrolment::done(std::int64_t lesson_id) const {
  return std::find(lessons_done.begin(), lessons_done.end(), lesson_id) != lessons_done.end();
}

}  // namespace learning
