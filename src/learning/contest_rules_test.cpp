#include "learning/contest_rules.h"

#include <gtest/gtest.h>

#include <utility>

namespace {

using learning::Choice;
using learning::QuestionKind;

TEST(ContestRules, PhoneNumbersAreReadAsPeopleWriteThem) {
  const std::pair<const char*, const char*> read_as[] = {
      {"0912345678", "0912345678"},   {"0912 345 678", "0912345678"},   {"+84 912.345.678", "0912345678"},
      {"84912345678", "0912345678"},  {"(024) 3825-1234", "02438251234"},
  };
  for (const auto& [written, phone] : read_as) EXPECT_EQ(learning::normalize_phone(written), phone) << written;
  // Nine digits without the leading 0, too long, letters, a + inside, nothing.
  for (const char* refused : {"912345678", "09123456789012", "0912a45678", "09+12345678", ""})
    EXPECT_FALSE(learning::normalize_phone(refused)) << refused;
}

TEST(ContestRules, CitizenIdsHaveNineOrTwelveDigitsAndAreShownMasked) {
  EXPECT_EQ(learning::normalize_citizen_id("001 090 012 345"), "001090012345");
  EXPECT_EQ(learning::normalize_citizen_id("123456789"), "123456789");
  EXPECT_FALSE(learning::normalize_citizen_id("+84123456789"));
  EXPECT_FALSE(learning::normalize_citizen_id("1234567890"));
  EXPECT_EQ(learning::mask_identity("0912345678"), "09******78");
  EXPECT_EQ(learning::mask_identity("001090012345"), "00********45");
}

std::vector<Choice> abc(std::initializer_list<bool> right) {
  std::vector<Choice> out;
  char label = 'A';
  for (bool r : right) out.push_back({std::string(1, label++), "phương án", r});
  return out;
}

TEST(ContestRules, AnswersAreCheckedAndPutInTheChoicesOrder) {
  auto choices = abc({false, true, false, true});
  EXPECT_EQ(*learning::checked_answer({"D", "B"}, QuestionKind::multiple, choices), (std::vector<std::string>{"B", "D"}));
  EXPECT_FALSE(learning::checked_answer({"B", "D"}, QuestionKind::single, choices)) << "one label for a single-answer question";
  EXPECT_FALSE(learning::checked_answer({"B", "B"}, QuestionKind::multiple, choices));
  EXPECT_FALSE(learning::checked_answer({"E"}, QuestionKind::single, choices));
  EXPECT_FALSE(learning::checked_answer({}, QuestionKind::single, choices));
  EXPECT_TRUE(learning::is_correct({"B", "D"}, choices));
  EXPECT_FALSE(learning::is_correct({"B"}, choices)) << "half of a multiple answer is wrong";
  EXPECT_FALSE(learning::is_correct({"A", "B", "D"}, choices));
  auto tf = learning::true_false_choices(false);
  EXPECT_TRUE(learning::is_correct(*learning::checked_answer({"Sai"}, QuestionKind::true_false, tf), tf));
  EXPECT_FALSE(learning::is_correct({}, tf));
  EXPECT_EQ(learning::split_answer(learning::join_answer({"A", "C"})), (std::vector<std::string>{"A", "C"}));
  EXPECT_TRUE(learning::split_answer("").empty());
}

TEST(ContestRules, ADefinitionIsReadAndItsProblemsNamed) {
  auto c = learning::parse_contest_definition(R"({"title": "Tìm hiểu Hiến pháp", "time_limit_minutes": 15,
    "rounds": [{"opens_at": "2026-12-07T08:00", "closes_at": "2026-12-14T08:00"}],
    "quotas": [{"count": 8, "kind": "true_false"}, {"count": 2, "tag": "hien-phap"}], "prediction_question": "Bao nhiêu người?"})");
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->questions_per_attempt, 10);
  EXPECT_EQ(c->time_limit_seconds, 900);
  EXPECT_EQ(c->rounds[0].closes_at - c->rounds[0].opens_at, 7 * 86400);
  EXPECT_EQ(c->rounds[0].opens_at, 1796605200) << "08:00 in Vietnam is 01:00 UTC";
  EXPECT_TRUE(learning::contest_problems(*c).empty());

  c->rounds.push_back({0, 2, c->rounds[0].closes_at - 60, c->rounds[0].closes_at + 86400});
  c->time_limit_seconds = 10;
  c->title = "Thi";
  auto problems = learning::contest_problems(*c);
  EXPECT_TRUE(problems.count("rounds"));
  EXPECT_TRUE(problems.count("time_limit"));
  EXPECT_TRUE(problems.count("title"));

  EXPECT_FALSE(learning::parse_contest_definition("[]"));
  EXPECT_FALSE(learning::parse_contest_definition(R"({"title": 5, "rounds": [], "quotas": []})"));
  EXPECT_FALSE(learning::parse_contest_definition(R"({"title": "x", "rounds": [{"opens_at": "ngày mai"}], "quotas": []})"));
  EXPECT_FALSE(learning::parse_contest_definition(R"({"title": "x", "rounds": [], "quotas": [{"count": -1}]})"));
  EXPECT_FALSE(learning::parse_contest_definition(std::string(300 * 1024, ' ')));
}

}  // namespace
