#include "learning/course_rules.h"

#include "core/json_depth.h"
#include "core/utf8.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace learning {

namespace {

using json = nlohmann::json;

std::string text_member(const json& j, const char* name) {
  auto it = j.find(name);
  return it != j.end() && it->is_string() ? core::clean_text(core::nfc(it->get<std::string>())) : "";
}

// The lesson of one definition item, or the message of what is wrong with its shape.
core::Result<LessonSource> lesson_of(const json& item, int position) {
  auto bad = [&](const std::string& what) {
    return core::fail(core::ServiceError::invalid(fmt::format("Bài {}: {}", position, what)));
  };
  if (!item.is_object()) return bad("mỗi bài học là một đối tượng JSON.");
  LessonSource out;
  Lesson& l = out.lesson;
  l.position = position;
  l.title = text_member(item, "title");
  l.body = item.contains("text") && item["text"].is_string() ? core::nfc(item["text"].get<std::string>()) : "";
  if (item.contains("quiz")) {
    const auto& q = item["quiz"];
    if (!q.is_object() || !q.contains("count") || !q["count"].is_number_integer())
      return bad("«quiz» cần «count» (số câu hỏi).");
    l.kind = LessonKind::quiz;
    l.quiz_count = static_cast<int>(std::clamp<std::int64_t>(q["count"].get<std::int64_t>(), -1, 1000));
    l.quiz_tag = text_member(q, "tag");
    l.quiz_law = text_member(q, "law");
    l.pass_percent = q.contains("pass_percent") && q["pass_percent"].is_number_integer()
                         ? static_cast<int>(std::clamp<std::int64_t>(q["pass_percent"].get<std::int64_t>(), -1, 1000))
                         : 80;
  } else if (item.contains("article")) {
    l.kind = LessonKind::article;
    out.citation = text_member(item, "article");
  } else if (item.contains("pdf")) {
    l.kind = LessonKind::pdf;
    l.url = text_member(item, "pdf");
  } else if (item.contains("video")) {
    l.kind = LessonKind::video;
    l.url = text_member(item, "video");
  } else if (!l.body.empty()) {
    l.kind = LessonKind::text;
  } else {
    return bad("cần một trong «text», «article», «pdf», «video», «quiz».");
  }
  return out;
}

}  // namespace

core::Result<CourseDefinition> parse_course_definition(std::string_view text) {
  auto bad = [](std::string message) { return core::fail(core::ServiceError::invalid(std::move(message))); };
  if (text.size() > 1024 * 1024) return bad("Tệp định nghĩa khóa học quá lớn (tối đa 1 MB).");
  if (!core::json_depth_within(text)) return bad("Tệp định nghĩa khóa học lồng nhau quá sâu.");
  auto root = json::parse(text, nullptr, false);
  if (!root.is_object()) return bad("Tệp định nghĩa khóa học không phải một đối tượng JSON.");
  CourseDefinition d;
  d.course.title = text_member(root, "title");
  d.course.summary = text_member(root, "summary");
  auto audience = parse_audience(root.contains("audience") ? text_member(root, "audience") : "public");
  if (!audience) return bad("«audience» là «public» (người dân) hoặc «staff» (cán bộ).");
  d.course.audience = *audience;
  if (root.contains("units")) {
    if (!root["units"].is_array()) return bad("«units» là mảng mã đơn vị.");
    for (const auto& u : root["units"])
      if (u.is_string()) d.course.unit_codes.push_back(u.get<std::string>());
      else return bad("«units» là mảng mã đơn vị (chuỗi).");
  }
  if (!root.contains("lessons") || !root["lessons"].is_array()) return bad("«lessons» phải là một mảng các bài học.");
  if (root["lessons"].size() > 50) return bad("Một khóa học có nhiều nhất 50 bài học.");
  for (const auto& item : root["lessons"]) {
    auto lesson = lesson_of(item, static_cast<int>(d.lessons.size()) + 1);
    if (!lesson) return core::fail(lesson.error());
    d.course.lessons.push_back(lesson->lesson);
    d.lessons.push_back(std::move(*lesson));
  }
  return d;
}

std::map<std::string, std::string> course_problems(const CourseDefinition& d) {
  std::map<std::string, std::string> problems;
  const auto title_length = core::utf8_length(d.course.title);
  if (title_length < 5 || title_length > 200) problems["title"] = "Tên khóa học phải có từ 5 đến 200 ký tự.";
  if (core::utf8_length(d.course.summary) > 2000) problems["summary"] = "Phần giới thiệu dài quá 2.000 ký tự.";
  if (d.course.audience == CourseAudience::citizens && !d.course.unit_codes.empty())
    problems["units"] = "Chỉ khóa học dành cho cán bộ mới giao theo đơn vị.";
  if (d.lessons.empty()) problems["lessons"] = "Khóa học cần ít nhất một bài học.";
  for (const auto& [l, citation] : d.lessons) {
    auto problem = [&](const std::string& message) { problems.emplace(fmt::format("lessons.{}", l.position), message); };
    if (l.title.empty() || core::utf8_length(l.title) > 200) problem("Mỗi bài học cần tên từ 1 đến 200 ký tự.");
    if (core::utf8_length(l.body) > 100000) problem("Nội dung bài học dài quá 100.000 ký tự.");
    if ((l.kind == LessonKind::pdf || l.kind == LessonKind::video) && (!l.url.starts_with("https://") || l.url.size() > 1000))
      problem("Đường dẫn tài liệu, video phải là địa chỉ https://.");
    if (l.kind == LessonKind::article && citation.empty()) problem("Cần ghi điều luật, ví dụ «Điều 20 Luật Cư trú».");
    if (l.kind == LessonKind::quiz && (l.quiz_count < 1 || l.quiz_count > 50)) problem("Bài kiểm tra có từ 1 đến 50 câu hỏi.");
    if (l.kind == LessonKind::quiz && (l.pass_percent < 1 || l.pass_percent > 100)) problem("Điểm đạt của bài kiểm tra từ 1 đến 100 (%).");
  }
  return problems;
}

bool may_enrol(CourseAudience audience, bool is_staff) { return audience == CourseAudience::citizens || is_staff; }

int percent_of(int correct, int total) { return total <= 0 ? 0 : correct * 100 / total; }

}  // namespace learning
