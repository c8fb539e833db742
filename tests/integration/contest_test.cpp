// Contests on both databases: one entry per person, questions drawn by quotas without the answer
// key, the same attempt after a reload, the attempts per round, the deadline (late submissions
// refused and scored as saved, abandoned attempts expired), scoring and ranking with ties.
#include "learning/contest_rules.h"
#include "learning/contests.h"
#include "learning/question_bank.h"
#include "library/library_service.h"
#include "support/fixtures.h"
#include "units/unit_registry.h"

#include <set>

namespace {

using namespace testing_support;
using learning::AttemptStatus;

const char* kLaws = R"([{"id": "Luật Cư trú", "articles": [
  {"id": "2", "text": "Giải thích từ ngữ\n\n1. Chỗ ở hợp pháp là nơi được sử dụng để sinh sống."}]}])";

const char* kUnits = R"([
  {"Code": "01", "FullName": "Thành phố Hà Nội", "Wards": [{"Code": "00004", "FullName": "Phường Ba Đình", "ProvinceCode": "01"}]},
  {"Code": "89", "FullName": "Tỉnh An Giang", "Wards": [{"Code": "30280", "FullName": "Phường Long Xuyên", "ProvinceCode": "89"}]}
])";

// Four questions tagged "cu-tru" (true/false, answer Đúng) and two tagged "dan-su" (single
// choice, answer B), all resting on Article 2 of the residence law.
std::string bank_json() {
  std::string out = "[";
  for (int i = 1; i <= 6; ++i) {
    const bool tf = i <= 4;
    out += std::string(i > 1 ? "," : "") + R"({"question_id": ")" + std::to_string(i) + R"(", "question_type": ")" +
           (tf ? "Đúng/Sai" : "Trắc nghiệm") + R"(", "text": "Câu hỏi số )" + std::to_string(i) + R"(?", )" +
           (tf ? R"("answer": "Đúng", "tags": ["cu-tru"], )" : R"("choices": {"A": "Một", "B": "Hai", "C": "Ba"}, "answer": "B", "tags": ["dan-su"], )") +
           R"("relevant_articles": [{"law_id": "Luật Cư trú", "article_id": "2"}]})";
  }
  return out + "]";
}

constexpr std::int64_t kOpens = 1'800'000'000;  // Unix seconds; rounds of one week
constexpr std::int64_t kWeek = 7 * 86400;
constexpr std::int64_t kMs = 1000;

class ContestTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    db::ChangeFeed feed;
    library::LibraryService library(database(), feed);
    ASSERT_TRUE(library.import_file(kLaws, "laws.json", {std::nullopt, "test"}).ok());
    learning::QuestionBank bank(database());
    auto imported = bank.import(learning::parse_alqac_bank(bank_json(), "bo-de"), {true, {std::nullopt, "test"}}, kOpens - 100);
    ASSERT_TRUE(imported.problems.empty()) << learning::describe(imported.problems[0]);
    units_ = std::make_unique<units::UnitRegistry>(database());
    ASSERT_TRUE(units_->import(units::parse_vn_units(kUnits), {std::nullopt, "test"}).problems.empty());
    contests_ = std::make_unique<learning::ContestService>(database(), *units_, "khóa bí mật của thử nghiệm");
  }

  learning::Contest definition(int attempts_per_round = 1) {
    learning::Contest c;
    c.title = "Tìm hiểu Luật Cư trú năm 2026";
    c.time_limit_seconds = 600;
    c.attempts_per_round = attempts_per_round;
    c.prediction_question = "Có bao nhiêu người trả lời đúng tất cả các câu?";
    c.quotas = {{"cu-tru", "", "", 0, 2}, {"dan-su", "", "", 0, 1}};
    c.questions_per_attempt = 3;
    c.rounds = {{0, 1, kOpens, kOpens + kWeek}, {0, 2, kOpens + kWeek, kOpens + 2 * kWeek}};
    return c;
  }
  learning::Contest create(int attempts_per_round = 1) {
    auto c = contests_->create(definition(attempts_per_round), {std::nullopt, "test"}, kOpens - 50);
    EXPECT_TRUE(c) << (c ? "" : c.error().message);
    return *c;
  }
  learning::Participant enter(const learning::Contest& c, const std::string& phone, const std::string& name = "Nguyễn Văn An") {
    learning::Registration in{name, "1990", "00004", phone, ""};
    auto r = contests_->register_participant(c.id, in, kOpens);
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r->participant;
  }
  // Answers every question of the attempt: right ones while `right` lasts, then wrong ones.
  void answer(const learning::Participant& p, const learning::AttemptView& a, int right, std::int64_t at_ms) {
    for (const auto& q : a.questions) {
      const bool tf = q.kind == learning::QuestionKind::true_false;
      std::string label = right-- > 0 ? (tf ? "Đúng" : "B") : (tf ? "Sai" : "A");
      ASSERT_TRUE(contests_->save_answer(p, a.attempt.id, q.question_id, {label}, at_ms));
    }
  }

  std::unique_ptr<units::UnitRegistry> units_;
  std::unique_ptr<learning::ContestService> contests_;
};

TEST_P(ContestTest, OnePersonEntersOnceWhicheverWayTheNumberIsWritten) {
  auto c = create();
  learning::Registration in{"Trần Thị Bình", "1985", "30280", "0912 345 678", ""};
  auto first = contests_->register_participant(c.id, in, kOpens);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->participant.identity_masked, "09******78");
  EXPECT_GE(first->token.size(), 40u);
  EXPECT_EQ(contests_->participant(first->token)->id, first->participant.id);

  in.phone = "+84 912.345.678";
  auto again = contests_->register_participant(c.id, in, kOpens);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, core::ErrorKind::conflict);

  auto c2 = contests_->create(definition(), {std::nullopt, "test"}, kOpens);
  ASSERT_TRUE(c2);
  EXPECT_NE(c2->slug, c.slug);
  EXPECT_TRUE(contests_->register_participant(c2->id, in, kOpens)) << "the rule is one entry per contest";

  auto c3 = database().acquire();
  EXPECT_EQ(c3->query_int("SELECT COUNT(*) FROM contest_participants WHERE identity_hash LIKE '%912345678%'"), 0)
      << "the number is stored only as a keyed hash and masked";

  learning::Registration bad{"A", "2030", "99999", "12345", ""};
  auto refused = contests_->register_participant(c.id, bad, kOpens);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.size(), 4u);
  EXPECT_TRUE(refused.error().fields.count("unit_code"));
  EXPECT_TRUE(refused.error().fields.count("phone"));
}

TEST_P(ContestTest, AnAttemptDrawsByQuotasAndSendsNoAnswerKey) {
  auto c = create();
  auto p = enter(c, "0912345678");
  auto a = contests_->start_attempt(p, (kOpens + 60) * kMs);
  ASSERT_TRUE(a) << a.error().message;
  ASSERT_EQ(a->questions.size(), 3u);
  int tf = 0;
  std::set<std::int64_t> ids;
  for (const auto& q : a->questions) {
    tf += q.kind == learning::QuestionKind::true_false;
    ids.insert(q.question_id);
    for (const auto& choice : q.choices) EXPECT_FALSE(choice.correct) << "the key never leaves the server before submission";
  }
  EXPECT_EQ(tf, 2) << "two from the cu-tru quota, one from dan-su";
  EXPECT_EQ(ids.size(), 3u);
  EXPECT_EQ(a->attempt.deadline_ms, (kOpens + 60 + 600) * kMs);

  auto reload = contests_->start_attempt(p, (kOpens + 120) * kMs);
  ASSERT_TRUE(reload);
  EXPECT_EQ(reload->attempt.id, a->attempt.id) << "starting again continues the open attempt";

  auto other = enter(c, "0987654321", "Lê Văn Cường");
  auto theirs = contests_->attempt(other, a->attempt.id);
  ASSERT_FALSE(theirs);
  EXPECT_EQ(theirs.error().kind, core::ErrorKind::not_found);
}

TEST_P(ContestTest, AnswersAreCheckedAgainstTheQuestion) {
  auto c = create();
  auto p = enter(c, "0912345678");
  auto a = contests_->start_attempt(p, (kOpens + 60) * kMs);
  ASSERT_TRUE(a);
  const auto& q = a->questions.front();
  EXPECT_EQ(contests_->save_answer(p, a->attempt.id, q.question_id, {"Z"}, (kOpens + 70) * kMs).error().kind, core::ErrorKind::invalid);
  EXPECT_EQ(contests_->save_answer(p, a->attempt.id, q.question_id, {"Đúng", "Sai"}, (kOpens + 70) * kMs).error().kind,
            core::ErrorKind::invalid);
  EXPECT_EQ(contests_->save_answer(p, a->attempt.id, 999999, {"A"}, (kOpens + 70) * kMs).error().kind, core::ErrorKind::not_found);
}

TEST_P(ContestTest, ALateSubmissionIsRefusedAndTheAttemptScoredAsSaved) {
  auto c = create();
  auto p = enter(c, "0912345678");
  const auto start = (kOpens + 60) * kMs;
  auto a = contests_->start_attempt(p, start);
  ASSERT_TRUE(a);
  answer(p, *a, 2, start + 1000);
  const auto late = a->attempt.deadline_ms + learning::kDeadlineGraceMs + 1;
  EXPECT_EQ(contests_->save_answer(p, a->attempt.id, a->questions[0].question_id, {"Sai"}, late).error().kind,
            core::ErrorKind::conflict);
  auto refused = contests_->submit(p, a->attempt.id, 5, late);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, core::ErrorKind::conflict);
  auto closed = contests_->attempt(p, a->attempt.id);
  EXPECT_EQ(closed->attempt.status, AttemptStatus::expired);
  EXPECT_EQ(closed->attempt.correct, 2);
  EXPECT_EQ(*closed->attempt.time_ms, 600 * kMs);
  EXPECT_FALSE(closed->attempt.prediction) << "a late prediction does not count";

  auto next = contests_->start_attempt(p, late + 1000);
  ASSERT_FALSE(next);
  EXPECT_EQ(next.error().kind, core::ErrorKind::conflict) << "one attempt per round";
  auto round2 = contests_->start_attempt(p, (kOpens + kWeek + 10) * kMs);
  ASSERT_TRUE(round2) << "the next round gives a new attempt";
  EXPECT_EQ(round2->attempt.round_number, 2);
}

TEST_P(ContestTest, AbandonedAttemptsAreClosedWhenTheirDeadlinePasses) {
  auto c = create();
  auto p = enter(c, "0912345678");
  auto a = contests_->start_attempt(p, (kOpens + 60) * kMs);
  ASSERT_TRUE(a);
  answer(p, *a, 3, (kOpens + 70) * kMs);
  EXPECT_EQ(contests_->expire_overdue(a->attempt.deadline_ms), 0) << "not before the deadline";
  EXPECT_EQ(contests_->expire_overdue(a->attempt.deadline_ms + learning::kDeadlineGraceMs + 1), 1);
  auto closed = contests_->attempt(p, a->attempt.id);
  EXPECT_EQ(closed->attempt.status, AttemptStatus::expired);
  EXPECT_EQ(closed->attempt.correct, 3);
  EXPECT_EQ(contests_->submit(p, a->attempt.id, std::nullopt, a->attempt.deadline_ms + 10'000).error().kind,
            core::ErrorKind::conflict);
}

TEST_P(ContestTest, RankingIsScoreThenTimeThenPrediction) {
  auto c = create(2);
  const auto t0 = (kOpens + 100) * kMs;
  struct Run {
    const char* phone;
    const char* name;
    int right;
    std::int64_t seconds;
    std::optional<std::int64_t> prediction;
  };
  // Two people answer everything in 50 s: the one whose prediction is closer to the number of
  // people with every answer right (4, with the fifth below) ranks first. Slow and right ranks
  // after them; fast with a wrong answer ranks last.
  std::vector<Run> runs = {{"0900000001", "Người nhanh sai một câu", 2, 10, 2},
                           {"0900000002", "Người đúng hết, đoán 9", 3, 50, 9},
                           {"0900000003", "Người đúng hết, đoán 3", 3, 50, 3},
                           {"0900000004", "Người đúng hết nhưng chậm", 3, 200, std::nullopt}};
  for (const auto& run : runs) {
    auto p = enter(c, run.phone, run.name);
    auto a = contests_->start_attempt(p, t0);
    ASSERT_TRUE(a);
    answer(p, *a, run.right, t0 + 1000);
    auto result = contests_->submit(p, a->attempt.id, run.prediction, t0 + run.seconds * kMs);
    ASSERT_TRUE(result) << result.error().message;
    EXPECT_EQ(result->correct, run.right);
    EXPECT_EQ(result->score, run.right * learning::kPointsPerQuestion);
    EXPECT_EQ(result->time_ms, run.seconds * kMs);
  }
  // A second, worse attempt does not replace a person's best.
  auto p1 = contests_->participant(contests_->register_participant(c.id, {"Người thứ năm", "2000", "30280", "0900000005", ""}, kOpens)->token);
  auto worse = contests_->start_attempt(*p1, t0);
  ASSERT_TRUE(worse);
  answer(*p1, *worse, 3, t0 + 1000);
  ASSERT_TRUE(contests_->submit(*p1, worse->attempt.id, 2, t0 + 40'000));
  auto again = contests_->start_attempt(*p1, t0 + 60'000);
  ASSERT_TRUE(again);
  answer(*p1, *again, 0, t0 + 61'000);
  ASSERT_TRUE(contests_->submit(*p1, again->attempt.id, 2, t0 + 62'000));

  auto board = contests_->leaderboard(c, 0, 100, kOpens + 1000);
  ASSERT_TRUE(board) << board.error().message;
  EXPECT_EQ(board->round_number, 1);
  EXPECT_EQ(board->full_marks, 4) << "people, not attempts, with every answer right";
  std::vector<std::string> order;
  for (const auto& s : board->people) order.push_back(s.name);
  EXPECT_EQ(order, (std::vector<std::string>{"Người thứ năm", "Người đúng hết, đoán 3", "Người đúng hết, đoán 9",
                                             "Người đúng hết nhưng chậm", "Người nhanh sai một câu"}));
  EXPECT_EQ(board->people[0].rank, 1);
  EXPECT_EQ(board->people[0].unit_name, "Phường Long Xuyên, Tỉnh An Giang");
  ASSERT_EQ(board->units.size(), 2u);
  EXPECT_EQ(board->units[0].unit_name, "Thành phố Hà Nội") << "four people, then An Giang's one";
  EXPECT_EQ(board->units[0].participants, 4);
  EXPECT_EQ(board->units[1].attempts, 2);
}

TEST_P(ContestTest, AContestTheBankCannotFillIsRefused) {
  auto c = definition();
  c.quotas = {{"cu-tru", "", "", 0, 5}};
  c.questions_per_attempt = 5;
  auto refused = contests_->create(c, {std::nullopt, "test"}, kOpens);
  ASSERT_FALSE(refused);
  EXPECT_TRUE(refused.error().fields.count("quotas"));
  c.rounds[1].opens_at = c.rounds[0].closes_at - 1;
  EXPECT_TRUE(contests_->create(c, {std::nullopt, "test"}, kOpens).error().fields.count("rounds"));
}

TEST_P(ContestTest, StartingOutsideARoundIsRefused) {
  auto c = create();
  auto p = enter(c, "0912345678");
  EXPECT_EQ(contests_->start_attempt(p, (kOpens - 10) * kMs).error().kind, core::ErrorKind::conflict);
  EXPECT_EQ(contests_->start_attempt(p, (kOpens + 2 * kWeek) * kMs).error().kind, core::ErrorKind::conflict);
  EXPECT_EQ(contests_->register_participant(c.id, {"Người đến muộn", "1990", "00004", "0911111111", ""}, kOpens + 2 * kWeek)
                .error()
                .kind,
            core::ErrorKind::conflict);
}

INSTANTIATE_TEST_SUITE_P(Backends, ContestTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
