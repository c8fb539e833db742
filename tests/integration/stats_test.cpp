// Consultation statistics on both databases with questions of known timestamps, and the page,
// exports and API behind their roles.
#include "stats/consultation_figures.h"
#include "consult/expert_repository.h"
#include "core/random.h"
#include "core/time.h"
#include "support/fixtures.h"
#include "support/test_server.h"

#include <nlohmann/json.hpp>

namespace {

using namespace testing_support;
using consult::Status;

constexpr std::int64_t kHour = 3600, kDay = 24 * kHour;

struct Seed {
  std::int64_t created;
  const char* field;  // nullptr: no field
  const char* status;
  std::optional<std::int64_t> delivered = std::nullopt;
  std::optional<std::int64_t> rating = std::nullopt;
  std::optional<std::int64_t> expert = std::nullopt;
  std::optional<std::int64_t> due = std::nullopt;
  const char* source = "form";
};

std::int64_t add_question(db::Connection& c, const Seed& s) {
  return c.query_one(
              "INSERT INTO questions (code, token_hash, title, body, field_slug, consented_at, source, status, "
              "expert_id, rating, due_at, delivered_at, created_at, updated_at) "
              "VALUES (?, 'x', 'Câu hỏi thử', 'Nội dung câu hỏi thử nghiệm', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {"TV-" + core::random_token(6), s.field ? db::Value(std::string(s.field)) : db::Value(db::Null{}),
               s.created, std::string(s.source), std::string(s.status), db::opt(s.expert), db::opt(s.rating),
               db::opt(s.due), db::opt(s.delivered), s.created, s.created})
      ->int64(0);
}

std::size_t column(Status s) {
  const auto& all = consult::all_statuses();
  return static_cast<std::size_t>(std::find(all.begin(), all.end(), s) - all.begin());
}

class ConsultStatsTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    auth::AuthService auth(database(), config_);
    auto c = database().acquire();
    consult::ExpertRepository experts(*c);
    auto expert = [&](const std::string& email, const std::string& name) {
      consult::Expert e;
      e.user_id = make_user(auth, email, auth::Role::expert).id;
      e.full_name = name;
      e.capacity = 4;
      return experts.insert(e, t0_);
    };
    // Byte order would put "Hà" first; Vietnamese order puts "Đặng" first.
    ha_ = expert("ha@ls.vn", "Hà Thị Hoa");
    dang_ = expert("dang@ls.vn", "Đặng Văn Bình");
    experts.set_verified(dang_, t0_, std::nullopt);

    // Received in the period [t0, t0 + 30 days), answer times in hours: 10 20 30 40 48 50.
    add_question(*c, {t0_, "dat-dai", "delivered", t0_ + 10 * kHour, 1, dang_});  // exactly at the start
    add_question(*c, {t0_ + 2 * kHour, "dat-dai", "published", t0_ + 22 * kHour, 1, dang_});
    add_question(*c, {t0_ + 3 * kHour, "lao-dong", "delivered", t0_ + 33 * kHour, 0, ha_});
    add_question(*c, {t0_ + 4 * kHour, "hinh-su", "delivered", t0_ + 44 * kHour, std::nullopt, ha_});
    add_question(*c, {t0_ + 5 * kHour, nullptr, "rejected"});
    overdue_most_ = add_question(*c, {t0_ + 6 * kHour, "dat-dai", "assigned", std::nullopt, std::nullopt, dang_, t0_ + 10 * kDay});
    add_question(*c, {t0_ + 7 * kHour, "lao-dong", "follow-up", t0_ + 57 * kHour, std::nullopt, ha_, t0_ + 35 * kDay});
    add_question(*c, {t0_ + 8 * kHour, nullptr, "new"});
    add_question(*c, {t0_ + 29 * kDay, "hanh-chinh", "triaged", std::nullopt, std::nullopt, std::nullopt, t0_ + 36 * kDay});
    // Asked before the period, answered in it: answered, not received.
    add_question(*c, {t0_ - kDay, "dat-dai", "delivered", t0_ + kDay, std::nullopt, dang_});
    // Asked after the period (the end is exclusive): only the expert's load counts it.
    add_question(*c, {t0_ + 30 * kDay, "dat-dai", "assigned", std::nullopt, std::nullopt, dang_, t0_ + 45 * kDay});
    // Answered after the period.
    add_question(*c, {t0_ + 20 * kDay, "dan-su", "delivered", t0_ + 30 * kDay, 0, ha_});
    // An archive question is no work of the service.
    add_question(*c, {t0_ + 2 * kDay, nullptr, "published", t0_ + 2 * kDay, 1, std::nullopt, std::nullopt, "import"});
  }

  stats::ConsultationFigures stats() {
    auto c = database().acquire();
    return stats::consultation_figures(*c, {t0_, t0_ + 30 * kDay}, t0_ + 40 * kDay);
  }

  const std::int64_t t0_ = *core::parse_vn_datetime_local("2026-01-01T00:00");
  std::int64_t ha_ = 0, dang_ = 0, overdue_most_ = 0;
};

TEST_P(ConsultStatsTest, CountsByFieldAndStatus) {
  auto s = stats();
  EXPECT_EQ(s.received, 10);
  ASSERT_EQ(s.fields.size(), 16u) << "15 legal fields and the unclassified row";
  EXPECT_EQ(s.fields.front().slug, "dan-su");
  EXPECT_EQ(s.fields.back().slug, "");
  EXPECT_EQ(s.fields.back().name, "Chưa phân loại");
  std::map<std::string, std::int64_t> totals;
  for (const auto& f : s.fields) totals[f.slug] = f.total;
  EXPECT_EQ(totals["dat-dai"], 3);
  EXPECT_EQ(totals["lao-dong"], 2);
  EXPECT_EQ(totals["hinh-su"], 1);
  EXPECT_EQ(totals["hanh-chinh"], 1);
  EXPECT_EQ(totals["dan-su"], 1);
  EXPECT_EQ(totals[""], 2);
  EXPECT_EQ(totals["khac"], 0);
  const auto& dat_dai = *std::find_if(s.fields.begin(), s.fields.end(), [](const auto& f) { return f.slug == "dat-dai"; });
  EXPECT_EQ(dat_dai.by_status[column(Status::delivered)], 1);
  EXPECT_EQ(dat_dai.by_status[column(Status::published)], 1);
  EXPECT_EQ(dat_dai.by_status[column(Status::assigned)], 1);
  EXPECT_EQ(s.fields.back().by_status[column(Status::rejected)], 1);
  EXPECT_EQ(s.fields.back().by_status[column(Status::fresh)], 1);
  std::vector<std::int64_t> expected(consult::all_statuses().size(), 0);
  expected[column(Status::fresh)] = 1;
  expected[column(Status::triaged)] = 1;
  expected[column(Status::assigned)] = 1;
  expected[column(Status::delivered)] = 4;
  expected[column(Status::follow_up)] = 1;
  expected[column(Status::published)] = 1;
  expected[column(Status::rejected)] = 1;
  EXPECT_EQ(s.status_totals, expected);
  EXPECT_EQ(s.imported, 1);
}

TEST_P(ConsultStatsTest, AnswerTimesAndRatingsOfQuestionsDeliveredInThePeriod) {
  auto s = stats();
  EXPECT_EQ(s.answered, 6);
  EXPECT_EQ(s.answer_times.count, 6u);
  EXPECT_EQ(s.answer_times.median_hours, 30.0) << "10 20 30 40 48 50: rank 3";
  EXPECT_EQ(s.answer_times.p90_hours, 50.0) << "rank ceil(5.4) = 6";
  EXPECT_EQ(s.ratings.useful, 2);
  EXPECT_EQ(s.ratings.not_useful, 1);
  ASSERT_TRUE(s.ratings.useful_share);
  EXPECT_DOUBLE_EQ(*s.ratings.useful_share, 2.0 / 3.0);
}

TEST_P(ConsultStatsTest, ExpertLoadAndOverdueQuestionsAreTheStateNow) {
  auto s = stats();
  ASSERT_EQ(s.experts.size(), 2u);
  EXPECT_EQ(s.experts[0].name, "Đặng Văn Bình") << "Vietnamese alphabetical order";
  EXPECT_EQ(s.experts[0].open, 2);
  EXPECT_EQ(s.experts[0].answered, 3);
  EXPECT_TRUE(s.experts[0].verified);
  EXPECT_EQ(s.experts[0].capacity, 4);
  EXPECT_EQ(s.experts[1].name, "Hà Thị Hoa");
  EXPECT_EQ(s.experts[1].open, 1);
  EXPECT_EQ(s.experts[1].answered, 3);
  EXPECT_FALSE(s.experts[1].verified);

  ASSERT_EQ(s.overdue.size(), 3u);
  EXPECT_EQ(s.overdue_total, 3);
  EXPECT_EQ(s.overdue[0].id, overdue_most_) << "most overdue first";
  EXPECT_EQ(s.overdue[0].status, Status::assigned);
  EXPECT_EQ(s.overdue[0].field_name, "Đất đai");
  EXPECT_EQ(s.overdue[0].expert_name, "Đặng Văn Bình");
  EXPECT_DOUBLE_EQ(s.overdue[0].hours_late, 30 * 24);
  EXPECT_DOUBLE_EQ(s.overdue[1].hours_late, 5 * 24);
  EXPECT_EQ(s.overdue[1].status, Status::follow_up);
  EXPECT_DOUBLE_EQ(s.overdue[2].hours_late, 4 * 24);
  EXPECT_EQ(s.overdue[2].expert_name, "");
}

TEST_P(ConsultStatsTest, AnEmptyPeriodHasNoTimesAndNoShare) {
  auto c = database().acquire();
  auto s = stats::consultation_figures(*c, {t0_ + 100 * kDay, t0_ + 101 * kDay}, t0_ + 5 * kDay);
  EXPECT_EQ(s.received, 0);
  EXPECT_EQ(s.answered, 0);
  EXPECT_FALSE(s.answer_times.median_hours);
  EXPECT_FALSE(s.answer_times.p90_hours);
  EXPECT_FALSE(s.ratings.useful_share);
  EXPECT_TRUE(s.overdue.empty()) << "nothing was due yet at that time";
  EXPECT_EQ(s.experts.size(), 2u);
}

TEST_P(ConsultStatsTest, ExportTablesCarryTheFigures) {
  auto tables = stats::consultation_tables(stats());
  ASSERT_EQ(tables.size(), 4u);
  EXPECT_EQ(tables[0].name, "Tổng hợp");
  EXPECT_EQ(tables[0].rows[0][1], core::Cell(std::string("01/01/2026")));
  EXPECT_EQ(tables[0].rows[1][1], core::Cell(std::string("30/01/2026"))) << "the last day, not the exclusive end";
  EXPECT_EQ(tables[0].rows[2][1], core::Cell(std::int64_t{10}));
  EXPECT_EQ(tables[0].rows[4][1], core::Cell(30.0));
  EXPECT_EQ(tables[0].rows[8][1], core::Cell(66.67));
  EXPECT_EQ(tables[1].headers.size(), consult::all_statuses().size() + 2);
  EXPECT_EQ(tables[1].rows.size(), 17u) << "16 rows and the total";
  EXPECT_EQ(tables[1].rows.back().back(), core::Cell(std::int64_t{10}));
  EXPECT_EQ(tables[2].rows.size(), 2u);
  EXPECT_EQ(tables[3].rows.size(), 3u);
  EXPECT_EQ(tables[3].rows[0].back(), core::Cell(720.0));
}

INSTANTIATE_TEST_SUITE_P(Backends, ConsultStatsTest, ::testing::ValuesIn(backends()), backend_name);

class ConsultStatsHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>("sqlite");
    for (auto [email, role] : {std::pair{"thongke@tinh.gov.vn", auth::Role::reporter},
                               std::pair{"kiemduyet@tinh.gov.vn", auth::Role::moderator},
                               std::pair{"bientap@tinh.gov.vn", auth::Role::editor}})
      server_->add_user(email, role);
    auto c = server_->database().acquire();
    auto now = core::now_unix();
    add_question(*c, {now - 2 * kHour, "dat-dai", "delivered", now - kHour, 1});
    add_question(*c, {now - kHour, nullptr, "new", std::nullopt, std::nullopt, std::nullopt, now - 60});
  }
  HttpClient logged_in(const std::string& email) {
    auto c = server_->client();
    EXPECT_TRUE(c.login(email, kPassword));
    return c;
  }
  std::unique_ptr<TestServer> server_;
};

TEST_F(ConsultStatsHttpTest, PageShowsTheYearToDateToOfficials) {
  for (const char* email : {"thongke@tinh.gov.vn", "kiemduyet@tinh.gov.vn"}) {
    auto c = logged_in(email);
    auto r = c.get("/quan-tri/tu-van/thong-ke");
    ASSERT_EQ(r.status, 200) << email;
    EXPECT_NE(r.body.find("<caption>Tổng hợp</caption>"), std::string::npos);
    EXPECT_NE(r.body.find("<th scope=\"row\">Đất đai</th>"), std::string::npos);
    EXPECT_NE(r.body.find("<th scope=\"row\">Chưa phân loại</th>"), std::string::npos);
    auto year = core::format_vn_datetime_local(core::now_unix()).substr(0, 4);
    EXPECT_NE(r.body.find("value=\"" + year + "-01-01\""), std::string::npos);
    EXPECT_NE(r.body.find("thong-ke.xlsx?tu=" + year + "-01-01&amp;den="), std::string::npos);
    EXPECT_NE(r.body.find("Câu hỏi đang quá hạn trả lời</th><td>1</td>"), std::string::npos);
  }
  // Moderators can open the late question; reporters see its code only.
  EXPECT_NE(logged_in("kiemduyet@tinh.gov.vn").get("/quan-tri/tu-van/thong-ke").body.find("href=\"/quan-tri/tu-van/"),
            std::string::npos);
  EXPECT_EQ(logged_in("thongke@tinh.gov.vn").get("/quan-tri/tu-van/thong-ke").body.find("href=\"/quan-tri/tu-van/2\""),
            std::string::npos);
}

TEST_F(ConsultStatsHttpTest, OthersAreTurnedAway) {
  auto anonymous = server_->client().get("/quan-tri/tu-van/thong-ke.xlsx?tu=2026-01-01");
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_EQ(anonymous.header("location").value_or(""), "/dang-nhap?tiep=%2Fquan-tri%2Ftu-van%2Fthong-ke.xlsx%3Ftu%3D2026-01-01");
  auto editor = logged_in("bientap@tinh.gov.vn");
  EXPECT_EQ(editor.get("/quan-tri/tu-van/thong-ke").status, 403);
  EXPECT_EQ(editor.get("/quan-tri/tu-van/thong-ke.csv").status, 403);
}

TEST_F(ConsultStatsHttpTest, BadDatesAreA400WithAMessage) {
  auto c = logged_in("thongke@tinh.gov.vn");
  auto bad = c.get("/quan-tri/tu-van/thong-ke?tu=2026-02-30&den=2026-03-01");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("Ngày bắt đầu «2026-02-30» không hợp lệ"), std::string::npos);
  EXPECT_NE(bad.body.find("role=\"alert\""), std::string::npos);
  EXPECT_EQ(bad.body.find("<caption>"), std::string::npos);
  auto reversed = c.get("/quan-tri/tu-van/thong-ke.csv?tu=2026-03-02&den=2026-03-01");
  EXPECT_EQ(reversed.status, 400);
  EXPECT_NE(reversed.body.find("trước hoặc trùng ngày kết thúc"), std::string::npos);
}

TEST_F(ConsultStatsHttpTest, ExportsAreAttachmentsNamedByThePeriod) {
  auto c = logged_in("thongke@tinh.gov.vn");
  auto csv = c.get("/quan-tri/tu-van/thong-ke.csv?tu=2026-01-01&den=2026-11-29");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("content-type").value_or(""), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.header("content-disposition").value_or(""), "attachment; filename=\"thong-ke-tu-van-2026-01-01-2026-11-29.csv\"");
  EXPECT_EQ(csv.header("cache-control").value_or(""), "private, no-store");
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.body.find("Tổng hợp\r\nChỉ tiêu,Giá trị\r\n"), std::string::npos);
  auto xlsx = c.get("/quan-tri/tu-van/thong-ke.xlsx?tu=2026-01-01&den=2026-11-29");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.header("content-type").value_or(""), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx.header("content-disposition").value_or(""), "attachment; filename=\"thong-ke-tu-van-2026-01-01-2026-11-29.xlsx\"");
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
}

TEST_F(ConsultStatsHttpTest, ApiNeedsASessionWithTheRole) {
  auto anonymous = server_->client().get("/api/v1/stats/consultation");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(nlohmann::json::parse(anonymous.body)["error"]["code"], "unauthorized");
  auto editor = logged_in("bientap@tinh.gov.vn").get("/api/v1/stats/consultation");
  EXPECT_EQ(editor.status, 403);
  EXPECT_EQ(nlohmann::json::parse(editor.body)["error"]["code"], "forbidden");

  auto c = logged_in("thongke@tinh.gov.vn");
  auto bad = c.get("/api/v1/stats/consultation?from=2026-1-1");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(nlohmann::json::parse(bad.body)["error"]["code"], "invalid_parameter");

  // From yesterday: the questions were asked in the last two hours, maybe before midnight.
  auto today = core::format_vn_datetime_local(core::now_unix()).substr(0, 10);
  auto yesterday = core::format_vn_datetime_local(core::now_unix() - kDay).substr(0, 10);
  auto r = c.get("/api/v1/stats/consultation?from=" + yesterday + "&to=" + today);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("cache-control").value_or(""), "private, no-store");
  auto j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j["period"]["from"], yesterday);
  EXPECT_EQ(j["period"]["to"], today);
  EXPECT_EQ(j["received"], 2);
  EXPECT_EQ(j["by_status"]["new"], 1);
  EXPECT_EQ(j["answered"], 1);
  EXPECT_EQ(j["answer_time_hours"]["median"], 1.0);
  EXPECT_EQ(j["answer_time_hours"]["method"], "nearest-rank");
  EXPECT_EQ(j["ratings"]["useful_share"], 1.0);
  EXPECT_EQ(j["overdue"]["total"], 1);
  EXPECT_TRUE(j["overdue"]["items"][0]["field"].is_null());
  EXPECT_EQ(j["overdue"]["items"][0]["status"], "new");
  bool found = false;
  for (const auto& f : j["by_field"])
    if (f["field"].is_null()) found = f["name"] == "Chưa phân loại" && f["total"] == 1;
  EXPECT_TRUE(found);
}

}  // namespace
