// Contests over HTTP on both databases, as a program and as a person without JavaScript: the
// JSON API of docs/api.md (register, 409 on a second entry, attempt without the key, answers,
// submission, leaderboard, bad input as 4xx) and the pages (registration with the province then
// the commune, one page per question, the summary, the result).
#include "core/spreadsheet.h"
#include "core/time.h"
#include "core/xlsx_reader.h"
#include "learning/contests.h"
#include "learning/question_bank.h"
#include "support/fixtures.h"
#include "support/learning_fixtures.h"
#include "units/unit_registry.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <regex>
#include <thread>

namespace {

using namespace testing_support;
using json = nlohmann::json;

const char* kBank = R"([
  {"question_id": "1", "question_type": "Đúng/Sai", "text": "Chỗ ở hợp pháp là nơi được sử dụng để sinh sống, đúng hay sai?", "answer": "Đúng",
   "relevant_articles": [{"law_id": "Luật Cư trú", "article_id": "2"}]},
  {"question_id": "2", "question_type": "Trắc nghiệm", "text": "Chỗ ở hợp pháp là gì?",
   "choices": {"A": "Nơi làm việc", "B": "Nơi được sử dụng để sinh sống", "C": "Nơi tạm trú"}, "answer": "B",
   "relevant_articles": [{"law_id": "Luật Cư trú", "article_id": "2"}]}])";
const char* kUnits = R"([
  {"Code": "01", "FullName": "Thành phố Hà Nội", "Wards": [{"Code": "00004", "FullName": "Phường Ba Đình", "ProvinceCode": "01"},
                                                           {"Code": "00008", "FullName": "Phường Ngọc Hà", "ProvinceCode": "01"}]}])";

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

class ContestHttpTest : public LearningHttpTest {
 protected:
  void SetUp() override {
    LearningHttpTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    learning::QuestionBank bank(server_->database());
    ASSERT_TRUE(bank.import(learning::parse_alqac_bank(kBank, "http"), {true, {std::nullopt, "test"}}, core::now_unix()).problems.empty());
    units::UnitRegistry units(server_->database());
    ASSERT_TRUE(units.import(units::parse_vn_units(kUnits), {std::nullopt, "test"}).problems.empty());
    contest_ = open_contest("Tìm hiểu Luật Cư trú trên mạng", {"", "", "", 0, 2}, "Bao nhiêu người trả lời đúng cả hai câu?");
    ASSERT_NE(contest_.id, 0);
  }
  std::string api(const std::string& path) { return "/api/v1/contests/" + std::to_string(contest_.id) + path; }
  static HttpResponse send_json(HttpClient& c, const std::string& method, const std::string& path, const json& body,
                                const std::string& token = "") {
    std::map<std::string, std::string> headers = {{"Content-Type", "application/json"}};
    if (!token.empty()) headers["Authorization"] = "Bearer " + token;
    return c.request(method, path, body.is_null() ? "" : body.dump(), headers);
  }

  // A participant registered through the API with a submitted attempt, all right or all wrong:
  // {token, attempt id}.
  std::pair<std::string, std::string> finished_attempt(HttpClient& c, const std::string& name, const std::string& phone, bool right) {
    auto reg = send_json(c, "POST", api("/participants"), {{"name", name}, {"birth_year", 1990}, {"unit_code", "00004"}, {"phone", phone}});
    EXPECT_EQ(reg.status, 201) << reg.body;
    const std::string token = json::parse(reg.body).value("participant_token", "");
    auto attempt = json::parse(send_json(c, "POST", api("/attempts"), nullptr, token).body);
    const std::string id = attempt.value("attempt_id", "");
    for (const auto& q : attempt["questions"]) {
      const bool tf = q["kind"] == "true_false";
      send_json(c, "PUT", "/api/v1/attempts/" + id + "/answers/" + q["id"].get<std::string>(),
                {{"choice", right ? (tf ? "Đúng" : "B") : (tf ? "Sai" : "A")}}, token);
    }
    EXPECT_EQ(send_json(c, "POST", "/api/v1/attempts/" + id + "/submit", {{"prediction", 1}}, token).status, 200);
    return {token, id};
  }

  learning::Contest contest_;
};

TEST_P(ContestHttpTest, AProgramRegistersTakesAndSubmitsAnAttempt) {
  auto c = server_->client();
  auto list = json::parse(c.get("/api/v1/contests").body);
  ASSERT_EQ(list["items"].size(), 1u);
  EXPECT_EQ(list["total"], 1);
  EXPECT_EQ(list["items"][0]["id"], std::to_string(contest_.id)) << "ids are strings (docs/api.md)";
  EXPECT_EQ(list["items"][0]["url"], "/cuoc-thi/" + contest_.slug);
  EXPECT_EQ(list["items"][0]["state"], "open");
  EXPECT_EQ(c.get("/api/v1/contests?limit=0").status, 400);

  json person = {{"name", "Phạm Thị Dung"}, {"birth_year", 1992}, {"unit_code", "00004"}, {"phone", "0912345678"}};
  auto registered = send_json(c, "POST", api("/participants"), person);
  ASSERT_EQ(registered.status, 201) << registered.body;
  const std::string token = json::parse(registered.body)["participant_token"];
  person["phone"] = "+84912345678";
  auto twice = send_json(c, "POST", api("/participants"), person);
  EXPECT_EQ(twice.status, 409) << twice.body;
  EXPECT_TRUE(has(twice.body, "đã đăng ký")) << twice.body;

  auto started = send_json(c, "POST", api("/attempts"), nullptr, token);
  ASSERT_EQ(started.status, 201) << started.body;
  EXPECT_FALSE(has(started.body, "correct")) << "no answer key before submission: " << started.body;
  auto attempt = json::parse(started.body);
  ASSERT_EQ(attempt["questions"].size(), 2u);
  const std::string attempt_id = attempt["attempt_id"];
  EXPECT_GT(attempt["deadline_ms"].get<std::int64_t>(), core::now_unix() * 1000);
  for (const auto& q : attempt["questions"]) {
    const bool tf = q["kind"] == "true_false";
    auto saved = send_json(c, "PUT", "/api/v1/attempts/" + attempt_id + "/answers/" + q["id"].get<std::string>(),
                           {{"choice", tf ? "Đúng" : "B"}}, token);
    EXPECT_EQ(saved.status, 200) << saved.body;
  }
  auto reloaded = json::parse(c.get("/api/v1/attempts/" + attempt_id, {{"Authorization", "Bearer " + token}}).body);
  EXPECT_FALSE(reloaded["questions"][0]["answer"].empty()) << "the saved answers come back after a reload";

  auto submitted = send_json(c, "POST", "/api/v1/attempts/" + attempt_id + "/submit", {{"prediction", 1}}, token);
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  auto result = json::parse(submitted.body);
  EXPECT_EQ(result["correct"], 2);
  EXPECT_EQ(result["total"], 2);
  EXPECT_EQ(result["score"], 20);
  EXPECT_GE(result["time_ms"].get<std::int64_t>(), 0);
  EXPECT_EQ(send_json(c, "POST", "/api/v1/attempts/" + attempt_id + "/submit", nullptr, token).status, 409);

  auto board = json::parse(c.get(api("/leaderboard")).body);
  ASSERT_EQ(board["people"].size(), 1u);
  EXPECT_EQ(board["people"][0]["name"], "Phạm Thị Dung");
  EXPECT_EQ(board["people"][0]["identity"], "09******78");
  EXPECT_EQ(board["full_marks"], 1);
  EXPECT_EQ(board["units"][0]["unit"], "Thành phố Hà Nội");
}

TEST_P(ContestHttpTest, BadInputGetsAVietnameseFourHundred) {
  auto c = server_->client();
  auto bad_json = c.request("POST", api("/participants"), "{\"name\": ", {{"Content-Type", "application/json"}});
  EXPECT_EQ(bad_json.status, 400);
  auto wrong_type = send_json(c, "POST", api("/participants"), {{"name", 5}});
  EXPECT_EQ(wrong_type.status, 400);
  auto invalid = send_json(c, "POST", api("/participants"), {{"name", "B"}, {"birth_year", 1800}, {"unit_code", "xx"}, {"phone", "123"}});
  EXPECT_EQ(invalid.status, 400) << invalid.body;
  auto fields = json::parse(invalid.body)["error"]["fields"];
  EXPECT_TRUE(fields.contains("birth_year") && fields.contains("unit_code") && fields.contains("phone")) << invalid.body;
  auto huge = c.request("POST", api("/participants"), "{\"name\": \"" + std::string(10000, 'a') + "\"}", {{"Content-Type", "application/json"}});
  EXPECT_EQ(huge.status, 413);
  EXPECT_EQ(send_json(c, "POST", api("/attempts"), nullptr, "khong-dung").status, 401);
  EXPECT_EQ(send_json(c, "POST", "/api/v1/contests/999/attempts", nullptr).status, 401);

  auto registered = send_json(c, "POST", api("/participants"), {{"name", "Hoàng Văn Em"}, {"birth_year", "1980"}, {"unit_code", "01"}, {"citizen_id", "001080012345"}});
  ASSERT_EQ(registered.status, 201) << registered.body;
  const std::string token = json::parse(registered.body)["participant_token"];
  auto attempt = json::parse(send_json(c, "POST", api("/attempts"), nullptr, token).body);
  const std::string answers = "/api/v1/attempts/" + attempt["attempt_id"].get<std::string>() + "/answers/";
  const std::string first = attempt["questions"][0]["id"];
  EXPECT_EQ(send_json(c, "PUT", answers + first, {{"choice", "Z"}}, token).status, 400);
  EXPECT_EQ(send_json(c, "PUT", answers + first, {{"choices", "A"}}, token).status, 400);
  EXPECT_EQ(send_json(c, "PUT", answers + "999999", {{"choice", "A"}}, token).status, 404);
  EXPECT_EQ(c.get(api("/leaderboard?round=abc")).status, 400);
}

TEST_P(ContestHttpTest, APersonRegistersAndTakesTheContestWithoutJavaScript) {
  auto c = server_->client();
  const std::string url = "/cuoc-thi/" + contest_.slug;
  auto list = c.get("/cuoc-thi");
  EXPECT_EQ(list.status, 200);
  EXPECT_TRUE(has(list.body, contest_.title));
  auto page = c.get(url);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page.body, "Đăng ký dự thi"));
  EXPECT_FALSE(has(page.body, "Phường Ba Đình")) << "communes appear once the province is chosen";

  // The province first: the page comes back with its communes and what was typed.
  std::vector<std::pair<std::string, std::string>> form = {{"_csrf", c.csrf()}, {"name", "Vũ Thị Giang"}, {"birth_year", "2001"},
                                                           {"province", "01"}, {"identity_kind", "phone"}, {"identity", "0987 654 321"},
                                                           {"action", "choose_unit"}};
  auto chosen = c.post_form(url + "/dang-ky", form);
  ASSERT_EQ(chosen.status, 200);
  EXPECT_TRUE(has(chosen.body, "Phường Ba Đình"));
  EXPECT_TRUE(has(chosen.body, "value=\"Vũ Thị Giang\""));
  form.back() = {"action", "register"};
  form.emplace_back("unit_code", "00008");
  auto registered = c.post_form(url + "/dang-ky", form);
  ASSERT_EQ(registered.status, 303) << registered.body;
  EXPECT_TRUE(c.cookie("pb_thi_" + std::to_string(contest_.id)));
  auto again = c.post_form(url + "/dang-ky", form);
  EXPECT_EQ(again.status, 303) << "a registered visitor's page shows the start button, not the form";

  auto started = c.post_form(url + "/bat-dau", {{"_csrf", c.csrf()}});
  ASSERT_EQ(started.status, 303);
  const std::string question_url = *started.header("location");
  EXPECT_TRUE(std::regex_match(question_url, std::regex(url + "/bai-thi/[0-9]+\\?cau=1"))) << question_url;
  const std::string attempt_url = question_url.substr(0, question_url.find('?'));
  for (int n = 1; n <= 2; ++n) {
    auto q = c.get(attempt_url + "?cau=" + std::to_string(n));
    ASSERT_EQ(q.status, 200);
    EXPECT_TRUE(has(q.body, "Câu " + std::to_string(n) + "/2"));
    EXPECT_EQ(q.header("cache-control"), "no-store");
    const bool tf = has(q.body, "value=\"Đúng\"");
    auto saved = c.post_form(attempt_url, {{"_csrf", c.csrf()}, {"cau", std::to_string(n)}, {"choice", tf ? "Đúng" : "B"},
                                           {"go", n == 2 ? "summary" : "2"}});
    ASSERT_EQ(saved.status, 303);
    EXPECT_EQ(*saved.header("location"), n == 2 ? attempt_url + "/nop-bai" : attempt_url + "?cau=2");
  }
  auto summary = c.get(attempt_url + "/nop-bai");
  EXPECT_TRUE(has(summary.body, "Bạn đã trả lời 2/2 câu")) << summary.body;
  EXPECT_TRUE(has(summary.body, contest_.prediction_question));
  auto bad_prediction = c.post_form(attempt_url + "/nop-bai", {{"_csrf", c.csrf()}, {"prediction", "nhiều"}});
  EXPECT_EQ(*bad_prediction.header("location"), attempt_url + "/nop-bai?du-doan-sai");
  auto submitted = c.post_form(attempt_url + "/nop-bai", {{"_csrf", c.csrf()}, {"prediction", "3"}});
  ASSERT_EQ(submitted.status, 303);
  auto result = c.get(attempt_url + "/ket-qua");
  ASSERT_EQ(result.status, 200);
  EXPECT_TRUE(has(result.body, "<td>20</td>")) << result.body;
  EXPECT_TRUE(has(result.body, "<td>2/2</td>"));
  EXPECT_TRUE(has(result.body, "Nhận giấy chứng nhận"));
  auto certificate = c.post_form(attempt_url + "/chung-nhan", {{"_csrf", c.csrf()}});
  ASSERT_EQ(certificate.status, 303);
  EXPECT_TRUE(std::regex_match(*certificate.header("location"), std::regex("/chung-nhan/[0-9A-Z]{10}"))) << *certificate.header("location");
  auto paper = c.get(*certificate.header("location"));
  EXPECT_EQ(paper.status, 200);
  EXPECT_TRUE(has(paper.body, "Vũ Thị Giang") && has(paper.body, "Sinh năm 2001 · Phường Ngọc Hà, Thành phố Hà Nội")) << paper.body;
  auto board = c.get(url + "/xep-hang");
  EXPECT_TRUE(has(board.body, "Vũ Thị Giang"));
  EXPECT_TRUE(has(board.body, "Phường Ngọc Hà, Thành phố Hà Nội"));

  auto stranger = server_->client();
  EXPECT_EQ(stranger.get(attempt_url + "?cau=1").status, 303) << "without the cookie: back to the contest page";
}

TEST_P(ContestHttpTest, TheAnsweringServiceGivesNoChoiceForAnOpenContestsQuestion) {
  auto c = server_->client();
  auto ask = [&](const std::string& question) {
    auto r = send_json(c, "POST", "/api/v1/answer", {{"question", question}});
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body);
  };
  // The server's search index follows the change log: wait until it has the law.
  for (int i = 0; i < 100 && ask("chỗ ở hợp pháp")["citations"].empty(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  for (const std::string q : {"Chỗ ở hợp pháp là nơi được sử dụng để sinh sống, đúng hay sai?",
                              "cho o hop phap la noi duoc su dung de sinh song dung hay sai",
                              "Đúng hay sai: nơi được sử dụng để sinh sống là chỗ ở hợp pháp?"}) {
    auto a = ask(q);
    EXPECT_TRUE(a["choice"].is_null()) << q << ": " << a.dump();
    EXPECT_EQ(a["contest_question"], true) << q;
    EXPECT_TRUE(has(a["answer"].get<std::string>(), "cuộc thi tìm hiểu pháp luật đang diễn ra")) << a.dump();
    EXPECT_FALSE(a["citations"].empty()) << "a pointer to the law instead";
  }
  auto other = ask("Công dân có được đăng ký thường trú tại nhà thuê không?");
  EXPECT_EQ(other["contest_question"], false);
}

TEST_P(ContestHttpTest, OfficialsExportTheResultsAndReadThemBack) {
  auto c = server_->client();
  finished_attempt(c, "Nguyễn Thị Hoa", "0911000001", true);
  finished_attempt(c, "Trần \"Văn\", Nam", "0911000002", false);
  server_->add_user("thongke@tinh.gov.vn", auth::Role::reporter);
  server_->add_user("dan@tinh.gov.vn", auth::Role::citizen);
  auto citizen = server_->client();
  ASSERT_TRUE(citizen.login("dan@tinh.gov.vn", kPassword));
  EXPECT_EQ(citizen.get("/quan-tri/cuoc-thi").status, 403);
  auto official = server_->client();
  ASSERT_TRUE(official.login("thongke@tinh.gov.vn", kPassword));
  auto list = official.get("/quan-tri/cuoc-thi");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(has(list.body, contest_.title));
  const std::string base = "/quan-tri/cuoc-thi/" + std::to_string(contest_.id);
  auto page = official.get(base);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page.body, "Nguyễn Thị Hoa"));

  auto csv = official.get(base + "/ket-qua.csv?vong=1");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("cache-control").value_or(""), "private, no-store");
  ASSERT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  // Read back: the lines of the first table (the header, then the ranking).
  std::vector<std::string> lines;
  for (std::size_t at = 3, end; (end = csv.body.find("\r\n", at)) != std::string::npos; at = end + 2) lines.push_back(csv.body.substr(at, end - at));
  ASSERT_GE(lines.size(), 4u);
  EXPECT_EQ(lines[0], "Vòng 1 - cá nhân");
  EXPECT_EQ(lines[1], "Hạng,Họ và tên,Năm sinh,Đơn vị,Số giấy tờ (đã che),Điểm,Số câu đúng,Số câu,Thời gian làm bài (giây),Dự đoán,Nộp lúc,"
                      "Nhanh hơn thời gian đọc đề");
  EXPECT_TRUE(lines[2].ends_with(",Có")) << "two questions answered by a program in well under 6 s: " << lines[2];
  EXPECT_TRUE(lines[2].starts_with("1,Nguyễn Thị Hoa,1990,\"Phường Ba Đình, Thành phố Hà Nội\",09******01,20,2,2,")) << lines[2];
  EXPECT_TRUE(lines[3].starts_with("2,\"Trần \"\"Văn\"\", Nam\",1990,")) << "quotes and commas survive: " << lines[3];
  EXPECT_NE(csv.body.find("01,Thành phố Hà Nội,2,2,10"), std::string::npos) << "the province's figures";

  auto xlsx = official.get(base + "/ket-qua.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.header("content-type").value_or(""), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  auto sheets = core::read_xlsx(xlsx.body);
  ASSERT_TRUE(sheets) << "the workbook reads back";
  ASSERT_EQ(sheets->size(), 2u);
  EXPECT_EQ((*sheets)[0].name, "Vòng 1 - cá nhân");
  ASSERT_EQ((*sheets)[0].rows.size(), 2u);
  const auto& first = (*sheets)[0].rows[0];
  EXPECT_EQ(first[0], core::Cell(std::int64_t{1}));
  EXPECT_EQ(first[1], core::Cell(std::string("Nguyễn Thị Hoa")));
  EXPECT_EQ(first[3], core::Cell(std::string("Phường Ba Đình, Thành phố Hà Nội")));
  EXPECT_EQ(first[5], core::Cell(std::int64_t{20})) << "scores stay numbers";
  EXPECT_EQ((*sheets)[1].rows[0][1], core::Cell(std::string("Thành phố Hà Nội")));
  EXPECT_EQ(official.get(base + "/ket-qua.csv?vong=9").status, 404);
}

TEST_P(ContestHttpTest, AParticipantsCertificateCanBeCheckedByAnyone) {
  auto c = server_->client();
  auto [token, attempt_id] = finished_attempt(c, "Đặng Thị Lan", "0911000003", true);
  const std::string path = "/api/v1/attempts/" + attempt_id + "/certificate";
  auto issued = send_json(c, "POST", path, nullptr, token);
  ASSERT_EQ(issued.status, 200) << issued.body;
  auto cert = json::parse(issued.body);
  const std::string code = cert["code"];
  EXPECT_EQ(cert["holder_name"], "Đặng Thị Lan");
  EXPECT_EQ(cert["holder_detail"], "Sinh năm 1990 · Phường Ba Đình, Thành phố Hà Nội");
  EXPECT_EQ(cert["title"], contest_.title);
  EXPECT_TRUE(has(cert["achievement"].get<std::string>(), "20 điểm, 2/2 câu trả lời đúng")) << cert.dump();
  EXPECT_TRUE(cert["verify_url"].get<std::string>().ends_with("/chung-nhan/" + code));
  EXPECT_EQ(json::parse(send_json(c, "POST", path, nullptr, token).body)["code"], code) << "one certificate an attempt";

  // Anyone checks it, typing the code as printed or carelessly.
  auto stranger = server_->client();
  auto checked = stranger.get("/api/v1/certificates/" + code);
  ASSERT_EQ(checked.status, 200);
  EXPECT_EQ(json::parse(checked.body)["holder_name"], "Đặng Thị Lan");
  const std::string typed = code.substr(0, 5) + "-" + code.substr(5);
  std::string lower = typed;
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  auto found = stranger.get("/chung-nhan?ma=" + lower);
  ASSERT_EQ(found.status, 303);
  EXPECT_EQ(*found.header("location"), "/chung-nhan/" + code);
  auto paper = stranger.get("/chung-nhan/" + code);
  ASSERT_EQ(paper.status, 200);
  EXPECT_TRUE(has(paper.body, "GIẤY CHỨNG NHẬN") && has(paper.body, "Giấy chứng nhận hợp lệ") && has(paper.body, typed)) << paper.body;
  EXPECT_EQ(paper.header("x-robots-tag"), "noindex");
  EXPECT_EQ(paper.header("cache-control"), "no-store");

  // Codes that are not a certificate's, and people who are not the participant.
  EXPECT_EQ(stranger.get("/chung-nhan?ma=abc").status, 400);
  EXPECT_EQ(stranger.get("/chung-nhan?ma=" + std::string(200, 'A')).status, 400);
  auto unknown = stranger.get("/chung-nhan?ma=ZZZZZ-ZZZZZ");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_TRUE(has(unknown.body, "Không có giấy chứng nhận nào mang mã này")) << unknown.body;
  EXPECT_EQ(stranger.get("/api/v1/certificates/ZZZZZZZZZZ").status, 404);
  EXPECT_EQ(send_json(c, "POST", path, nullptr).status, 401);
  auto [other_token, other_attempt] = finished_attempt(c, "Lý Văn Minh", "0911000004", false);
  EXPECT_EQ(send_json(c, "POST", path, nullptr, other_token).status, 404) << "only the participant gets their certificate";
  EXPECT_EQ(send_json(c, "POST", "/api/v1/attempts/abc/certificate", nullptr, other_token).status, 404);
  auto late = send_json(c, "POST", api("/participants"), {{"name", "Chu Văn An"}, {"birth_year", 1985}, {"unit_code", "01"}, {"phone", "0911000005"}});
  const std::string late_token = json::parse(late.body)["participant_token"];
  const std::string open_attempt = json::parse(send_json(c, "POST", api("/attempts"), nullptr, late_token).body)["attempt_id"];
  auto too_early = send_json(c, "POST", "/api/v1/attempts/" + open_attempt + "/certificate", nullptr, late_token);
  EXPECT_EQ(too_early.status, 409) << "no certificate before the attempt is submitted";
  EXPECT_TRUE(has(too_early.body, "chưa nộp")) << too_early.body;
}

INSTANTIATE_TEST_SUITE_P(Backends, ContestHttpTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
