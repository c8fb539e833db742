#include "learning/bank_sheet.h"

#include <gtest/gtest.h>

namespace {

using Rows = std::vector<std::vector<std::string>>;

const std::vector<std::string> kHeader = {"Mã câu hỏi", "Loại câu hỏi", "Nội dung câu hỏi", "Lựa chọn A", "Lựa chọn B", "Lựa chọn C",
                                          "Đáp án", "Văn bản", "Điều", "Độ khó", "Thẻ"};

bool has_problem(const learning::ParsedBank& b, std::size_t row, const std::string& field) {
  for (const auto& p : b.problems)
    if (p.row == row && p.field == field) return true;
  return false;
}

TEST(BankSheet, TheTemplatesHeaderReadsBackAsAnEmptyBank) {
  auto tables = learning::bank_sheet_template({{"cu-tru", "Cư trú"}});
  ASSERT_EQ(tables.size(), 3u);
  EXPECT_EQ(tables[2].rows.size(), 1u) << "the fields one may use";
  auto parsed = learning::parse_bank_sheet({tables[0].headers}, "mau");
  ASSERT_EQ(parsed.problems.size(), 1u);
  EXPECT_NE(parsed.problems[0].message.find("không có câu hỏi nào"), std::string::npos);
}

TEST(BankSheet, ReadsEachKindAsOfficialsWriteThem) {
  Rows rows = {kHeader,
               {"CT-1", "Một đáp án", "Chỗ ở hợp pháp là gì?", "Nơi làm việc", "Nơi sinh sống", "Nơi tạm trú", "b", "Luật Cư trú", "2", "Khó",
                "cư trú, tuần 1"},
               {"", "Trắc nghiệm", "Những nơi nào là chỗ ở?", "Nhà ở", "Tàu, thuyền", "Nơi làm việc", "A, B", "Luật Cư trú", "2, 3", "", ""},
               {"", "", "", "", "", "", "", "", "", "", ""},
               {"CT-3", "đúng/sai", "Chỗ ở hợp pháp phải thuộc sở hữu của công dân.", "", "", "", "sai", "Luật Cư trú", "2", "1", ""},
               {"CT-4", "Tự luận", "Hãy trình bày quyền tự do cư trú.", "", "", "", "", "", "", "", ""}};
  auto parsed = learning::parse_bank_sheet(rows, "tuan-1");
  ASSERT_TRUE(parsed.problems.empty()) << learning::describe(parsed.problems[0], "dòng");
  ASSERT_EQ(parsed.questions.size(), 3u);
  EXPECT_EQ(parsed.skipped, 1u) << "essay questions are left out";
  const auto& single = parsed.questions[0];
  EXPECT_EQ(single.row, 2u);
  EXPECT_EQ(single.question.source_ref, "tuan-1#CT-1");
  EXPECT_EQ(single.question.kind, learning::QuestionKind::single);
  EXPECT_TRUE(single.question.choices[1].correct);
  EXPECT_EQ(single.question.difficulty, 3);
  EXPECT_EQ(single.question.tags, (std::vector<std::string>{"cư trú", "tuần 1"}));
  EXPECT_EQ(single.cited, (std::vector<std::pair<std::string, std::string>>{{"Luật Cư trú", "2"}}));
  const auto& multiple = parsed.questions[1];
  EXPECT_EQ(multiple.question.kind, learning::QuestionKind::multiple) << "«Trắc nghiệm» with two letters";
  EXPECT_EQ(multiple.question.source_ref, "tuan-1#dong-3") << "no id: the line";
  EXPECT_EQ(multiple.cited.size(), 2u);
  const auto& tf = parsed.questions[2];
  EXPECT_EQ(tf.row, 5u) << "line numbers count the blank line";
  EXPECT_EQ(tf.question.kind, learning::QuestionKind::true_false);
  EXPECT_TRUE(tf.question.choices[1].correct) << "Sai";
}

TEST(BankSheet, ColumnsMayComeInAnyOrder) {
  Rows rows = {{"Đáp án", "Nội dung câu hỏi", "Loại câu hỏi"}, {"Đúng", "Công dân có quyền tự do cư trú.", "Đúng/Sai"}};
  auto parsed = learning::parse_bank_sheet(rows, "x");
  ASSERT_TRUE(parsed.problems.empty());
  ASSERT_EQ(parsed.questions.size(), 1u);
  EXPECT_TRUE(parsed.questions[0].question.choices[0].correct);
}

TEST(BankSheet, ProblemsAreReportedByLineAndColumn) {
  auto missing = learning::parse_bank_sheet({{"Nội dung câu hỏi", "Cột lạ"}}, "x");
  EXPECT_TRUE(has_problem(missing, 1, "Cột lạ"));
  EXPECT_TRUE(has_problem(missing, 1, "Loại câu hỏi"));
  EXPECT_TRUE(has_problem(missing, 1, "Đáp án"));

  Rows rows = {kHeader,
               {"", "Câu hỏi mở", "Hỏi gì?", "", "", "", "", "", "", "", ""},
               {"", "Một đáp án", "Hỏi gì?", "Một", "Hai", "", "C", "", "", "", ""},
               {"", "Một đáp án", "Hỏi gì?", "Một", "Hai", "", "A", "", "2", "", ""},
               {"", "Một đáp án", "", "Một", "Hai", "", "A", "", "", "9", ""},
               {"", "Đúng/Sai", "Đúng không?", "", "", "", "Có", "", "", "", ""}};
  auto parsed = learning::parse_bank_sheet(rows, "x");
  EXPECT_TRUE(parsed.questions.empty());
  EXPECT_TRUE(has_problem(parsed, 2, "Loại câu hỏi"));
  EXPECT_TRUE(has_problem(parsed, 3, "Đáp án")) << "C is an empty choice";
  EXPECT_TRUE(has_problem(parsed, 4, "Văn bản")) << "an article without its law";
  EXPECT_TRUE(has_problem(parsed, 5, "Nội dung câu hỏi"));
  EXPECT_TRUE(has_problem(parsed, 5, "Độ khó"));
  EXPECT_TRUE(has_problem(parsed, 6, "Đáp án"));
  EXPECT_TRUE(learning::describe(parsed.problems[0], "dòng").starts_with("dòng 2, trường Loại câu hỏi: "));
  EXPECT_TRUE(learning::parse_bank_sheet({}, "x").problems.size() == 1);
}

}  // namespace
