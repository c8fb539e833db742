#include "learning/course_rules.h"

#include <gtest/gtest.h>

namespace {

TEST(CourseRules, ADefinitionReadsEveryKindOfLesson) {
  auto d = learning::parse_course_definition(R"({"title": "Tìm hiểu Luật Cư trú", "summary": "Cho người dân", "audience": "public",
    "lessons": [{"title": "Giới thiệu", "text": "# Chào bạn"}, {"title": "Chỗ ở hợp pháp", "article": "Điều 2 Luật Cư trú"},
                {"title": "Tờ gấp", "pdf": "https://moj.gov.vn/to-gap.pdf"}, {"title": "Video", "video": "https://www.youtube.com/watch?v=x", "text": "Tóm tắt"},
                {"title": "Kiểm tra", "quiz": {"count": 5, "tag": "cư trú"}}]})");
  ASSERT_TRUE(d) << d.error().message;
  ASSERT_EQ(d->lessons.size(), 5u);
  EXPECT_EQ(d->course.lessons[0].kind, learning::LessonKind::text);
  EXPECT_EQ(d->lessons[1].citation, "Điều 2 Luật Cư trú");
  EXPECT_EQ(d->course.lessons[2].kind, learning::LessonKind::pdf);
  EXPECT_EQ(d->course.lessons[3].body, "Tóm tắt");
  EXPECT_EQ(d->course.lessons[4].quiz_count, 5);
  EXPECT_EQ(d->course.lessons[4].pass_percent, 80) << "the default pass mark";
  EXPECT_EQ(d->course.lessons[4].position, 5);
  EXPECT_TRUE(learning::course_problems(*d).empty());
}

TEST(CourseRules, BadDefinitionsAreRefusedWithTheirLesson) {
  EXPECT_FALSE(learning::parse_course_definition("[]"));
  EXPECT_FALSE(learning::parse_course_definition(R"({"title": "Khóa học", "audience": "mọi người", "lessons": []})"));
  auto no_kind = learning::parse_course_definition(R"({"title": "Khóa học", "lessons": [{"title": "Bài trống"}]})");
  ASSERT_FALSE(no_kind);
  EXPECT_NE(no_kind.error().message.find("Bài 1"), std::string::npos);

  auto d = learning::parse_course_definition(R"({"title": "Ngắn", "audience": "public", "units": ["01"],
    "lessons": [{"title": "Tài liệu", "pdf": "http://khong-an-toan.vn/a.pdf"}, {"title": "Kiểm tra", "quiz": {"count": 0, "pass_percent": 120}}]})");
  ASSERT_TRUE(d);
  auto problems = learning::course_problems(*d);
  EXPECT_TRUE(problems.count("title"));
  EXPECT_TRUE(problems.count("units")) << "only staff courses are assigned to units";
  EXPECT_TRUE(problems.count("lessons.1")) << "links are https";
  EXPECT_TRUE(problems.count("lessons.2"));
}

TEST(CourseRules, WhoMayEnrolAndThePassMark) {
  EXPECT_TRUE(learning::may_enrol(learning::CourseAudience::citizens, false));
  EXPECT_FALSE(learning::may_enrol(learning::CourseAudience::staff, false));
  EXPECT_TRUE(learning::may_enrol(learning::CourseAudience::staff, true));
  EXPECT_EQ(learning::percent_of(2, 3), 66);
  EXPECT_EQ(learning::percent_of(0, 0), 0);
}

}  // namespace
