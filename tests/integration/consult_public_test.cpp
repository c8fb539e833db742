// The citizen's side of online consultation, on SQLite and PostgreSQL: asking through the JSON API
// (with proof of work) and through the form (CSRF, honeypot, signed fill time, attachments), the
// secret tracking link, follow-up and withdrawal, the e-mails that a question sends, the public Q&A
// archive and its search, and the background duties (retention, hand-offs from the answering
// service). Every refusal is a Vietnamese message, and the secret token never reaches the log.
#include "antispam/form_timer.h"
#include "antispam/proof_of_work.h"
#include "antispam/site_secret.h"
#include "consult/consultation.h"
#include "consult/handoff_intake.h"
#include "consult/question_repository.h"
#include "core/time.h"
#include "core/utf8.h"
#include "library/library_service.h"
#include "mail/mail_outbox.h"
#include "support/fixtures.h"
#include "support/smtp_receiver.h"
#include "support/test_server.h"
#include "consult/settings.h"
#include "mail/settings.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>
#include <zlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <thread>

namespace {

using namespace testing_support;
using namespace std::string_literals;
using Fields = std::vector<std::pair<std::string, std::string>>;
using json = nlohmann::json;

constexpr int kPowBits = 8;  // low, so that solving takes microseconds
constexpr const char* kBaseUrl = "https://pbgdpl.example.gov.vn";

// Two articles of the residence law, enough for citations, suggestions and search.
const char* kResidenceLaw = R"([
  {"id": "Luật Cư trú", "articles": [
    {"id": "20", "text": "Điều kiện đăng ký thường trú\n\n1. Công dân có chỗ ở hợp pháp thuộc quyền sở hữu của mình thì được đăng ký thường trú tại chỗ ở hợp pháp đó.\n2. Công dân được đăng ký thường trú tại chỗ ở hợp pháp không thuộc quyền sở hữu của mình khi được chủ hộ đồng ý."},
    {"id": "21", "text": "Hồ sơ đăng ký thường trú\n\n1. Hồ sơ đăng ký thường trú gồm tờ khai thay đổi thông tin cư trú và giấy tờ, tài liệu chứng minh việc sở hữu chỗ ở hợp pháp."}]}
])";

const char* kTitle = "Đăng ký thường trú tại nhà riêng của mình";
const char* kBody = "Tôi vừa mua nhà ở thành phố, muốn đăng ký thường trú tại nhà đó thì cần điều kiện và hồ sơ gì?";
const char* kAnswer =
    "Theo khoản 1 Điều 20 Luật Cư trú, công dân có chỗ ở hợp pháp thuộc quyền sở hữu của mình thì được đăng ký "
    "thường trú tại chỗ ở đó. Hồ sơ gồm tờ khai và giấy tờ chứng minh quyền sở hữu nhà (Điều 21).";
const char* kCitations = "khoản 1 Điều 20 Luật Cư trú\nĐiều 21 Luật Cư trú";

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// ---- A PNG whose tEXt chunk names its author ---------------------------------------------------

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>((v >> 16) & 0xFF), static_cast<char>((v >> 8) & 0xFF),
          static_cast<char>(v & 0xFF)};
}

std::string png_chunk(const std::string& type, const std::string& body) {
  std::string type_and_body = type + body;
  auto crc = crc32(0, reinterpret_cast<const Bytef*>(type_and_body.data()), static_cast<uInt>(type_and_body.size()));
  return be32(static_cast<std::uint32_t>(body.size())) + type_and_body + be32(static_cast<std::uint32_t>(crc));
}

const std::string kPhotoAuthor = "Nguyễn Văn Bình";

// One grey pixel, with a tEXt chunk naming the photographer.
std::string png_with_author() {
  const std::string pixel_row = "\x00\x80"s;  // filter byte, one 8-bit grey sample
  uLongf size = compressBound(pixel_row.size());
  std::string idat(size, '\0');
  compress(reinterpret_cast<Bytef*>(idat.data()), &size, reinterpret_cast<const Bytef*>(pixel_row.data()), pixel_row.size());
  idat.resize(size);
  return "\x89PNG\r\n\x1A\n"s + png_chunk("IHDR", be32(1) + be32(1) + "\x08\x00\x00\x00\x00"s) +
         png_chunk("tEXt", "Author\0"s + kPhotoAuthor) + png_chunk("IDAT", idat) + png_chunk("IEND", "");
}

// ---- The server's log, captured -----------------------------------------------------------------

// Every message of spdlog's default logger (the server runs in this process).
class LogCapture : public spdlog::sinks::base_sink<std::mutex> {
 public:
  std::string text() {
    std::lock_guard lock(mutex_);
    return text_;
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    text_.append(msg.payload.data(), msg.payload.size());
    text_ += '\n';
  }
  void flush_() override {}

 private:
  std::string text_;
};

// ---- The server, a law, an expert ----------------------------------------------------------------

class ConsultPublicTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    log_ = std::make_shared<LogCapture>();
    spdlog::default_logger()->sinks().push_back(log_);
    previous_level_ = spdlog::default_logger()->level();
    spdlog::default_logger()->set_level(spdlog::level::info);
    server_ = std::make_unique<TestServer>(GetParam(), [this](core::Config& c) {
      c.rate_limits_enabled = false;
      c.section<consult::Settings>().question_pow_bits = kPowBits;
      c.base_url = kBaseUrl;
      c.section<mail::Settings>().smtp = smtp_.config();
      c.section<mail::Settings>().retry_base_seconds = 0;
    });
    if (!server_->available()) GTEST_SKIP() << "PHOBIEN_TEST_PG_URL is not set: PostgreSQL tests need a server (make test starts one)";
    // The demo content's lawyer would take questions: this test controls the registry itself.
    server_->database().acquire()->execute("DELETE FROM experts");
    library_ = std::make_unique<library::LibraryService>(server_->database(), feed_, server_->config().uploads_dir());
    ASSERT_TRUE(library_->import_file(kResidenceLaw, "cu-tru.json", {std::nullopt, "test"}).ok());
    // Mails go to the outbox, as the server's own service sends them; the server's worker delivers.
    consult_ = std::make_unique<consult::Consultation>(
        server_->database(), feed_, *library_, server_->config(),
        [](db::Connection& c, const std::string& to, const std::string& subject, const std::string& body) {
          auto queued = mail::MailOutbox::enqueue(c, to, subject, body);
          EXPECT_TRUE(queued) << queued.error();
        });

    admin_ = server_->add_user("quantri@x.vn", auth::Role::admin);
    moderator_ = server_->add_user("kiemduyet@x.vn", auth::Role::moderator);
    expert_user_ = server_->add_user("luatsu@x.vn", auth::Role::expert);
    consult::ExpertInput in{"luatsu@x.vn", "lawyer", "Luật sư Trần Minh Đức", "Đoàn Luật sư tỉnh", "LS-0001", "",
                            {"cu-tru-ho-tich"}, true, 100, false};
    auto e = consult_->experts.save(admin_, actor(), std::nullopt, in);
    ASSERT_TRUE(e) << e.error().message;
    ASSERT_TRUE(consult_->experts.verify(admin_, actor(), e->id, true));

    // The server learns of the import from the change log: wait until its search has the law.
    for (int i = 0; i < 100; ++i) {
      auto r = server_->client().get("/api/v1/search?q=" + url_encode("đăng ký thường trú"));
      if (r.status == 200 && !json::parse(r.body)["hits"].empty()) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  void TearDown() override {
    server_.reset();  // its threads are joined: nothing logs any more
    auto& sinks = spdlog::default_logger()->sinks();
    sinks.erase(std::remove(sinks.begin(), sinks.end(), log_), sinks.end());
    spdlog::default_logger()->set_level(previous_level_);
  }

  static auth::Actor actor() { return {std::nullopt, "10.1.2.3"}; }
  db::Database& database() { return server_->database(); }
  std::int64_t count(const std::string& sql, const std::vector<db::Value>& params = {}) {
    return database().acquire()->query_int(sql, params);
  }

  // ---- API helpers

  json solved_pow() {
    auto r = server_->client().get("/api/v1/questions/challenge");
    EXPECT_EQ(r.status, 200) << r.body;
    auto j = json::parse(r.body);
    std::string challenge = j["challenge"];
    return {{"challenge", challenge}, {"nonce", *antispam::pow::solve(challenge, kPowBits)}};
  }
  json question_json(const std::string& email = "nguoi.hoi@example.vn") {
    return {{"title", kTitle}, {"question", kBody}, {"field", "cu-tru-ho-tich"}, {"email", email}, {"publish", true}};
  }
  HttpResponse post_api(const std::string& body, const std::string& content_type = "application/json") {
    return server_->client().request("POST", "/api/v1/questions", body, {{"Content-Type", content_type}});
  }
  // Asks through the API; {code, token}.
  json ask_api(json body) {
    body["pow"] = solved_pow();
    auto r = post_api(body.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return json::parse(r.body);
  }
  std::int64_t id_of(const std::string& code) {
    return database().acquire()->query_one("SELECT id FROM questions WHERE code = ?", {code})->int64(0);
  }
  // Triage (which assigns the field's expert) and the expert's answer with citations.
  void answer(std::int64_t id) {
    auto triaged = consult_->moderation.triage(moderator_, actor(), id, "cu-tru-ho-tich", "");
    ASSERT_TRUE(triaged) << triaged.error().message;
    ASSERT_EQ(triaged->status, consult::Status::assigned);
    auto answered = consult_->answering.save_answer(expert_user_, actor(), id, {kAnswer, kCitations});
    ASSERT_TRUE(answered) << answered.error().message;
    ASSERT_EQ(answered->status, consult::Status::delivered);
  }
  void publish(std::int64_t id, const std::string& title, const std::string& body) {
    auto published = consult_->moderation.publish(moderator_, actor(), id, {title, body, kAnswer});
    ASSERT_TRUE(published) << published.error().message;
  }

  // ---- Form helpers

  // The ask form as an anonymous visitor sends it: CSRF, a fill-time token issued ten seconds ago
  // (so the test need not wait), and the page's own proof-of-work challenge, solved.
  Fields form_fields(HttpClient& c) {
    auto page = c.get("/tu-van");
    EXPECT_EQ(page.status, 200);
    std::smatch m;
    EXPECT_TRUE(std::regex_search(page.body, m, std::regex("name=\"pow_challenge\" value=\"([^\"]+)\""))) << page.body;
    std::string challenge = m[1];
    return {{"_csrf", c.csrf()},
            {"form_token", antispam::issue_form_token(antispam::site_secret(database()), core::now_unix() - 10)},
            {"pow_challenge", challenge},
            {"pow_nonce", *antispam::pow::solve(challenge, kPowBits)},
            {"website", ""},
            {"title", kTitle},
            {"body", kBody},
            {"field", ""},
            {"email", "nguoi.hoi@example.vn"},
            {"phone", ""},
            {"publish", "1"},
            {"consent", "1"},
            {"action", "send"}};
  }
  static void set(Fields& f, const std::string& name, const std::string& value) {
    for (auto& [k, v] : f)
      if (k == name) {
        v = value;
        return;
      }
    f.emplace_back(name, value);
  }
  static HttpResponse send(HttpClient& c, const Fields& f, const std::string& file_name = "", const std::string& file = "") {
    return c.post_multipart("/tu-van", f, "attachments", file_name, file);
  }
  // The secret link of a 201 page: "/tu-van/theo-doi/TV-…?token=…".
  static std::string secret_path(const HttpResponse& sent) {
    std::smatch m;
    EXPECT_TRUE(std::regex_search(sent.body, m, std::regex("href=\"(/tu-van/theo-doi/TV-[A-Z0-9]{8}\\?token=[A-Za-z0-9_-]+)\"")))
        << sent.body;
    return m[1];
  }
  std::vector<std::string> stored_files() {
    std::vector<std::string> out;
    auto dir = server_->config().uploads_dir() + "/consult";
    if (std::filesystem::exists(dir))
      for (const auto& e : std::filesystem::directory_iterator(dir)) out.push_back(e.path().string());
    return out;
  }
  // Waits (the request log is written after the response) until the log has `needle`.
  std::string log_with(const std::string& needle) {
    for (int i = 0; i < 100 && !has(log_->text(), needle); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    return log_->text();
  }

  std::shared_ptr<LogCapture> log_;
  spdlog::level::level_enum previous_level_ = spdlog::level::info;
  SmtpReceiver smtp_;
  db::ChangeFeed feed_;
  std::unique_ptr<TestServer> server_;
  std::unique_ptr<library::LibraryService> library_;
  std::unique_ptr<consult::Consultation> consult_;
  auth::User admin_, moderator_, expert_user_;
};

// ---- The API -------------------------------------------------------------------------------------

TEST_P(ConsultPublicTest, ApiAsksWithProofOfWorkAndOpensOnlyWithTheToken) {
  auto challenge = server_->client().get("/api/v1/questions/challenge");
  ASSERT_EQ(challenge.status, 200);
  EXPECT_EQ(challenge.header("cache-control"), "no-store");
  auto cj = json::parse(challenge.body);
  EXPECT_EQ(cj["bits"], kPowBits);
  EXPECT_TRUE(cj["challenge"].get<std::string>().starts_with("v1.")) << challenge.body;

  // Without a proof of work, then with one, then the same one again.
  auto missing = post_api(question_json().dump());
  EXPECT_EQ(missing.status, 400);
  auto mj = json::parse(missing.body);
  EXPECT_EQ(mj["error"]["code"], "proof_of_work") << missing.body;
  EXPECT_TRUE(has(mj["error"]["message"], "Không xác minh được phép kiểm tra chống thư rác")) << missing.body;

  auto body = question_json();
  body["pow"] = solved_pow();
  auto created = post_api(body.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.header("cache-control"), "no-store");
  auto receipt = json::parse(created.body);
  const std::string code = receipt["code"], token = receipt["token"];
  EXPECT_TRUE(std::regex_match(code, std::regex("TV-[2-9A-HJ-NP-Z]{8}"))) << code;
  EXPECT_GE(token.size(), 32u);

  auto replayed = post_api(body.dump());
  EXPECT_EQ(replayed.status, 400);
  auto rj = json::parse(replayed.body);
  EXPECT_EQ(rj["error"]["code"], "proof_of_work");
  EXPECT_EQ(rj["error"]["message"], "Phép kiểm tra chống thư rác này đã được dùng. Hãy tải lại trang rồi gửi lại.");
  EXPECT_EQ(count("SELECT COUNT(*) FROM questions"), 1) << "one question for one proof of work";

  // Stored: the API as its source, the token only as a hash.
  auto row = database().acquire()->query_one("SELECT source, status, field_slug, email, publish_consent, token_hash FROM questions WHERE code = ?", {code});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->text(0), "api");
  EXPECT_EQ(row->text(1), "new");
  EXPECT_EQ(row->text(2), "cu-tru-ho-tich");
  EXPECT_EQ(row->text(3), "nguoi.hoi@example.vn");
  EXPECT_EQ(row->int64(4), 1);
  EXPECT_NE(row->text(5), token);
  EXPECT_FALSE(has(row->text(5), token));

  // The token opens it, as a header or in the query.
  auto by_header = server_->client().get("/api/v1/questions/" + code, {{"X-Question-Token", token}});
  ASSERT_EQ(by_header.status, 200) << by_header.body;
  EXPECT_EQ(by_header.header("referrer-policy"), "no-referrer");
  EXPECT_EQ(by_header.header("cache-control"), "no-store");
  auto q = json::parse(by_header.body);
  EXPECT_EQ(q["code"], code);
  EXPECT_EQ(q["title"], kTitle);
  EXPECT_EQ(q["question"], kBody);
  EXPECT_EQ(q["field"], "cu-tru-ho-tich");
  EXPECT_EQ(q["status"], "new");
  EXPECT_EQ(q["status_label"], std::string(consult::status_label(consult::Status::fresh)));
  EXPECT_EQ(q["answered"], false);
  EXPECT_TRUE(q["answer"].is_null());
  EXPECT_TRUE(q["citations"].empty());
  EXPECT_FALSE(q.contains("email")) << "the contact is not echoed";
  auto by_query = server_->client().get("/api/v1/questions/" + code + "?token=" + token);
  ASSERT_EQ(by_query.status, 200);
  EXPECT_EQ(by_query.header("referrer-policy"), "no-referrer");
  EXPECT_EQ(json::parse(by_query.body)["code"], code);

  // Anything else is the same 404: a code alone reveals nothing.
  std::string other_token = token;
  other_token[0] = other_token[0] == 'A' ? 'B' : 'A';
  const std::vector<std::pair<std::string, std::map<std::string, std::string>>> refused = {
      {"/api/v1/questions/" + code, {}},
      {"/api/v1/questions/" + code, {{"X-Question-Token", other_token}}},
      {"/api/v1/questions/" + code + "?token=" + other_token, {}},
      {"/api/v1/questions/" + code + "?token=", {}},
      {"/api/v1/questions/TV-ZZZZZZZZ", {{"X-Question-Token", token}}},
      {"/api/v1/questions/TV-ZZZZZZZZ", {}},
  };
  std::optional<std::string> first_body;
  for (const auto& [target, headers] : refused) {
    SCOPED_TRACE(target);
    auto r = server_->client().get(target, headers);
    EXPECT_EQ(r.status, 404);
    if (!first_body) first_body = r.body;
    EXPECT_EQ(r.body, *first_body) << "identical bodies";
  }
  EXPECT_EQ(json::parse(*first_body)["error"]["code"], "not_found");
  EXPECT_EQ(json::parse(*first_body)["error"]["message"], "Không tìm thấy câu hỏi.");

  // Once answered: the answer and its citations, linked to the articles.
  answer(id_of(code));
  auto answered = json::parse(server_->client().get("/api/v1/questions/" + code, {{"X-Question-Token", token}}).body);
  EXPECT_EQ(answered["status"], "delivered");
  EXPECT_EQ(answered["answered"], true);
  EXPECT_EQ(answered["answer"], kAnswer);
  EXPECT_EQ(answered["expert"], "Luật sư Trần Minh Đức");
  ASSERT_EQ(answered["citations"].size(), 2u) << answered.dump();
  EXPECT_EQ(answered["citations"][0]["article"], "20");
  EXPECT_EQ(answered["citations"][0]["clause"], "1");
  EXPECT_TRUE(std::regex_match(answered["citations"][0]["url"].get<std::string>(), std::regex("/van-ban/[a-z0-9-]+/dieu-20#khoan-1")))
      << answered["citations"][0]["url"];

  // The request log has the path, never the token (neither from the query nor from the header).
  auto log = log_with("path=\"/api/v1/questions/TV-ZZZZZZZZ\" status=404");
  EXPECT_TRUE(has(log, "request method=GET path=\"/api/v1/questions/" + code + "\" status=200")) << log;
  EXPECT_TRUE(has(log, "request method=POST path=\"/api/v1/questions\" status=201"));
  EXPECT_FALSE(has(log, token)) << log;
  EXPECT_FALSE(has(log, other_token));
  EXPECT_FALSE(has(log, "token=")) << log;
}

TEST_P(ConsultPublicTest, ApiRefusesBadInputWithVietnameseMessages) {
  struct Case {
    std::string name;
    std::string body;
    std::string content_type;
    int status;
    std::string code;
    std::string message;
    std::string field;  // "" when the error has no per-field message
    std::string field_message;
  };
  auto with = [](std::initializer_list<std::pair<const char*, json>> changes, std::initializer_list<const char*> removed = {}) {
    json j = {{"title", kTitle}, {"question", kBody}, {"email", "nguoi.hoi@example.vn"}};
    for (const auto& [k, v] : changes) j[k] = v;
    for (const char* k : removed) j.erase(k);
    return j.dump();
  };
  const std::string check = "Vui lòng kiểm tra lại các ô được đánh dấu.";
  const std::vector<Case> cases = {
      {"no contact", with({}, {"email"}), "application/json", 400, "invalid_input", check, "contact",
       "Cần ít nhất thư điện tử hoặc số điện thoại để nhận trả lời."},
      {"empty contact", with({{"email", ""}, {"phone", ""}}), "application/json", 400, "invalid_input", check, "contact",
       "Cần ít nhất thư điện tử hoặc số điện thoại để nhận trả lời."},
      {"invalid e-mail", with({{"email", "nguoi.hoi@"}}), "application/json", 400, "invalid_input", check, "email",
       "Địa chỉ thư điện tử không hợp lệ."},
      {"header in e-mail", with({{"email", "a@example.vn\r\nBcc: b@example.vn"}}), "application/json", 400, "invalid_input",
       check, "email", "Địa chỉ thư điện tử không hợp lệ."},
      {"line break in e-mail", with({{"email", "a@example.vn\nX-Tiep:1"}}), "application/json", 400, "invalid_input", check,
       "email", "Địa chỉ thư điện tử không hợp lệ."},
      {"tab in e-mail", with({{"email", "a@exam\tple.vn"}}), "application/json", 400, "invalid_input", check, "email",
       "Địa chỉ thư điện tử không hợp lệ."},
      // Addresses the mailer would refuse are refused here too (core::is_valid_email_address).
      {"non-ASCII e-mail", with({{"email", "nguyễn@example.vn"}}), "application/json", 400, "invalid_input", check, "email",
       "Địa chỉ thư điện tử không hợp lệ."},
      {"double dot in e-mail", with({{"email", "a..b@example.vn"}}), "application/json", 400, "invalid_input", check, "email",
       "Địa chỉ thư điện tử không hợp lệ."},
      {"letters in phone", with({{"phone", "0912 abc 678"}}, {"email"}), "application/json", 400, "invalid_input", check,
       "phone", "Số điện thoại không hợp lệ (9–12 chữ số)."},
      {"short phone", with({{"phone", "0912"}}, {"email"}), "application/json", 400, "invalid_input", check, "phone",
       "Số điện thoại không hợp lệ (9–12 chữ số)."},
      {"unknown field", with({{"field", "khong-co"}}), "application/json", 400, "invalid_input", check, "field",
       "Lĩnh vực không có trong danh sách."},
      {"field not a slug", with({{"field", "<b>Đất đai</b>"}}), "application/json", 400, "invalid_input", check, "field",
       "Lĩnh vực không có trong danh sách."},
      {"short title", with({{"title", "Hỏi"}}), "application/json", 400, "invalid_input", check, "title",
       "Tiêu đề cần từ 10 đến 200 ký tự."},
      {"long question", with({{"question", std::string(10001, 'a')}}), "application/json", 400, "invalid_input", check,
       "body", "Nội dung câu hỏi cần từ 20 đến 10000 ký tự."},
      {"number title", with({{"title", 42}}), "application/json", 400, "invalid_parameter", "Trường \"title\" phải là chuỗi.", "", ""},
      {"array e-mail", with({{"email", json::array({"a@example.vn"})}}), "application/json", 400, "invalid_parameter",
       "Trường \"email\" phải là chuỗi.", "", ""},
      {"object phone", with({{"phone", json::object()}}), "application/json", 400, "invalid_parameter",
       "Trường \"phone\" phải là chuỗi.", "", ""},
      {"string publish", with({{"publish", "yes"}}), "application/json", 400, "invalid_parameter",
       "Trường \"publish\" phải là true hoặc false.", "", ""},
      {"pow not an object", with({{"pow", "123"}}), "application/json", 400, "invalid_parameter",
       "Trường \"pow\" phải là {\"challenge\": chuỗi, \"nonce\": chuỗi}.", "", ""},
      {"pow nonce a number", with({{"pow", {{"challenge", "v1.x"}, {"nonce", 7}}}}), "application/json", 400,
       "invalid_parameter", "Trường \"pow\" phải là {\"challenge\": chuỗi, \"nonce\": chuỗi}.", "", ""},
      {"malformed JSON", "{\"title\": \"Đăng ký", "application/json", 400, "invalid_json", "Nội dung JSON không hợp lệ.", "", ""},
      {"JSON array", "[]", "application/json", 400, "invalid_json", "Nội dung JSON không hợp lệ.", "", ""},
      {"JSON string", "\"câu hỏi\"", "application/json; charset=utf-8", 400, "invalid_json", "Nội dung JSON không hợp lệ.", "", ""},
      {"invalid UTF-8", "{\"title\": \"\xC3\x28\"}", "application/json", 400, "invalid_encoding",
       "Dữ liệu gửi lên phải là văn bản UTF-8 hợp lệ.", "", ""},
      {"form encoding", "title=a&question=b", "application/x-www-form-urlencoded", 415, "unsupported_media_type",
       "Nội dung gửi lên phải là JSON (Content-Type: application/json).", "", ""},
      {"plain text", with({}), "text/plain", 415, "unsupported_media_type",
       "Nội dung gửi lên phải là JSON (Content-Type: application/json).", "", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = post_api(c.body, c.content_type);
    EXPECT_EQ(r.status, c.status) << r.body;
    EXPECT_TRUE(r.header("content-type").value_or("").starts_with("application/json"));
    auto j = json::parse(r.body, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << r.body;
    EXPECT_EQ(j["error"]["code"], c.code) << r.body;
    EXPECT_EQ(j["error"]["message"], c.message) << r.body;
    if (!c.field.empty()) {
      EXPECT_EQ(j["error"]["fields"][c.field], c.field_message) << r.body;
    }
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM questions"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM pow_spent"), 0) << "refused questions spend no proof of work";
  // A question with a phone number only, and no field, is fine.
  auto phone_only = ask_api({{"title", kTitle}, {"question", kBody}, {"phone", "+84 912.345.678"}});
  EXPECT_EQ(database().acquire()->query_one("SELECT phone FROM questions WHERE code = ?", {phone_only["code"].get<std::string>()})->text(0),
            "+84912345678");
}

// ---- The form ------------------------------------------------------------------------------------

TEST_P(ConsultPublicTest, FormRefusesRobotsAndBadFilesWithVietnameseMessages) {
  HttpClient c = server_->client();
  auto page = c.get("/tu-van");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.header("referrer-policy"), "no-referrer");
  EXPECT_EQ(page.header("cache-control"), "no-store");
  EXPECT_TRUE(has(page.body, "data-pow-challenge")) << "anonymous visitors get a proof of work";
  EXPECT_TRUE(has(page.body, "name=\"form_token\""));

  struct Case {
    std::string name;
    std::function<void(Fields&)> change;
    std::string file_name, file;
    int status;
    std::string message;
  };
  const std::string html_page = "<!DOCTYPE html><html><body><script>alert('x')</script></body></html>";
  const std::vector<Case> cases = {
      {"honeypot", [](Fields& f) { set(f, "website", "http://spam.example"); }, "", "", 400,
       "Không gửi được câu hỏi. Vui lòng thử lại."},
      {"too fast", [&](Fields& f) { set(f, "form_token", antispam::issue_form_token(antispam::site_secret(database()), core::now_unix())); },
       "", "", 400, "Câu hỏi được gửi quá nhanh sau khi mở trang. Vui lòng kiểm tra lại rồi gửi."},
      {"page open for hours",
       [&](Fields& f) { set(f, "form_token", antispam::issue_form_token(antispam::site_secret(database()), core::now_unix() - 3 * 3600)); },
       "", "", 400, "Trang đã mở quá lâu. Vui lòng bấm gửi lại: nội dung bạn nhập vẫn được giữ."},
      {"no form token", [](Fields& f) { set(f, "form_token", ""); }, "", "", 400,
       "Không gửi được câu hỏi. Vui lòng tải lại trang rồi gửi lại."},
      {"forged form token", [](Fields& f) { set(f, "form_token", "f1.1.0123456789abcdef.00"); }, "", "", 400,
       "Không gửi được câu hỏi. Vui lòng tải lại trang rồi gửi lại."},
      {"no proof of work", [](Fields& f) { set(f, "pow_nonce", ""); }, "", "", 422,
       "Không xác minh được phép kiểm tra chống thư rác"},
      {"oversized attachment", [](Fields&) {}, "giay-to.pdf", "%PDF-1.4\n" + std::string(5 * 1024 * 1024, 'x'), 422,
       "Tệp «giay-to.pdf» quá lớn: tối đa 5 MB."},
      {"HTML disguised as a photo", [](Fields&) {}, "anh-chup.jpg", html_page, 422,
       "Tệp «anh-chup.jpg» có đuôi .jpg nhưng nội dung là trang web (HTML); loại tệp này có thể chứa mã lệnh nên không "
       "được nhận (chỉ nhận PDF, JPEG, PNG, WebP)."},
      {"PNG named .pdf", [](Fields&) {}, "scan.pdf", png_with_author(), 422,
       "Tệp «scan.pdf» có đuôi .pdf nhưng nội dung là ảnh PNG: đuôi tệp không khớp nội dung."},
      {"no contact", [](Fields& f) { set(f, "email", ""); }, "", "", 422,
       "Cần ít nhất thư điện tử hoặc số điện thoại để nhận trả lời."},
      {"invalid e-mail", [](Fields& f) { set(f, "email", "nguoi.hoi.example.vn"); }, "", "", 422,
       "Địa chỉ thư điện tử không hợp lệ."},
      {"invalid phone", [](Fields& f) { set(f, "phone", "09-abc"); }, "", "", 422, "Số điện thoại không hợp lệ (9–12 chữ số)."},
      {"no consent", [](Fields& f) { set(f, "consent", ""); }, "", "", 422,
       "Cần đồng ý cho xử lý thông tin cá nhân để gửi câu hỏi."},
      {"unknown field", [](Fields& f) { set(f, "field", "khong-co"); }, "", "", 422, "Lĩnh vực không có trong danh sách."},
  };
  for (const auto& k : cases) {
    SCOPED_TRACE(k.name);
    auto fields = form_fields(c);
    k.change(fields);
    auto r = send(c, fields, k.file_name, k.file);
    EXPECT_EQ(r.status, k.status);
    EXPECT_TRUE(has(r.body, k.message)) << r.body.substr(0, 4000);
    EXPECT_TRUE(has(r.body, "value=\"" + std::string(kTitle) + "\"")) << "what was typed is kept";
    EXPECT_TRUE(has(r.body, kBody));
    EXPECT_EQ(r.header("referrer-policy"), "no-referrer");
  }
  // Field messages sit next to their fields.
  auto fields = form_fields(c);
  set(fields, "email", "sai");
  auto r = send(c, fields);
  EXPECT_TRUE(has(r.body, "aria-invalid=\"true\" aria-describedby=\"email-err\"")) << r.body;
  EXPECT_TRUE(has(r.body, "<p id=\"email-err\" class=\"field-error\">Địa chỉ thư điện tử không hợp lệ.</p>"));

  EXPECT_EQ(count("SELECT COUNT(*) FROM questions"), 0);
  EXPECT_TRUE(stored_files().empty()) << "refused files are not kept";
  // An attempt that reached the files spent its proof of work: the same solution cannot buy a
  // second parse.
  auto paid = form_fields(c);
  EXPECT_EQ(send(c, paid, "anh-chup.jpg", html_page).status, 422);
  auto replayed = send(c, paid);
  EXPECT_EQ(replayed.status, 422);
  EXPECT_TRUE(has(replayed.body, "Phép kiểm tra chống thư rác này đã được dùng.")) << replayed.body.substr(0, 4000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM questions"), 0);
  // Without the CSRF field the form is refused before anything else.
  auto no_csrf = form_fields(c);
  set(no_csrf, "_csrf", "");
  EXPECT_EQ(send(c, no_csrf).status, 403);
}

TEST_P(ConsultPublicTest, FormStoresCleanFilesAndTextThenTracksFollowsUpAndWithdraws) {
  HttpClient c = server_->client();
  auto fields = form_fields(c);
  const std::string title = "<script>alert('tiêu đề')</script> Đăng ký thường trú";
  const std::string body = "<script>alert(document.cookie)</script> Tôi muốn đăng ký thường trú tại nhà mình mua.";
  set(fields, "title", title);
  set(fields, "body", body);
  set(fields, "phone", "0912 345 678");
  auto sent = send(c, fields, "so-do-nha.png", png_with_author());
  ASSERT_EQ(sent.status, 201) << sent.body.substr(0, 4000);
  EXPECT_EQ(sent.header("referrer-policy"), "no-referrer");
  EXPECT_EQ(sent.header("cache-control"), "no-store");
  EXPECT_TRUE(has(sent.body, "<h1>Đã gửi câu hỏi</h1>"));
  std::smatch m;
  ASSERT_TRUE(std::regex_search(sent.body, m, std::regex("<strong class=\"code\">(TV-[A-Z0-9]{8})</strong>")));
  const std::string code = m[1];
  const std::string path = secret_path(sent);
  ASSERT_TRUE(path.starts_with("/tu-van/theo-doi/" + code + "?token="));
  const std::string token = path.substr(path.find("token=") + 6);
  EXPECT_TRUE(has(sent.body, std::string(kBaseUrl) + path)) << "the full link to copy";

  // Stored as typed (text, not markup), the photo without its text chunk.
  auto id = id_of(code);
  auto row = database().acquire()->query_one("SELECT title, body, source, phone FROM questions WHERE id = ?", {id});
  EXPECT_EQ(row->text(0), title);
  EXPECT_EQ(row->text(1), body);
  EXPECT_EQ(row->text(2), "form");
  EXPECT_EQ(row->text(3), "0912345678");
  auto attachments = consult::QuestionRepository(*database().acquire()).attachments(id);
  ASSERT_EQ(attachments.size(), 1u);
  EXPECT_EQ(attachments[0].display_name, "so-do-nha.png");
  EXPECT_EQ(attachments[0].content_type, "image/png");
  auto file = consult_->attachments.path(attachments[0]);
  ASSERT_TRUE(std::filesystem::exists(file));
  std::ifstream in(file, std::ios::binary);
  std::string stored((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_TRUE(stored.starts_with("\x89PNG\r\n\x1A\n"));
  EXPECT_FALSE(has(stored, kPhotoAuthor));
  EXPECT_FALSE(has(stored, "tEXt"));
  EXPECT_FALSE(has(stored, "Author"));
  EXPECT_TRUE(has(stored, "IDAT"));
  EXPECT_EQ(attachments[0].size, static_cast<std::int64_t>(stored.size()));
  EXPECT_EQ(count("SELECT COUNT(*) FROM question_events WHERE question_id = ? AND action = 'strip-metadata' AND detail = ?",
                  {id, std::string("so-do-nha.png: PNG text")}),
            1);

  // The tracking page: private, escaped.
  auto track = c.get(path);
  ASSERT_EQ(track.status, 200) << track.body;
  EXPECT_EQ(track.header("referrer-policy"), "no-referrer");
  EXPECT_EQ(track.header("cache-control"), "no-store");
  EXPECT_TRUE(has(track.body, "<h1>&lt;script&gt;alert(&#39;tiêu đề&#39;)&lt;&#x2F;script&gt; Đăng ký thường trú</h1>") ||
              has(track.body, "&lt;script&gt;alert("))
      << track.body;
  EXPECT_FALSE(has(track.body, "<script>alert")) << "no markup from the asker";
  EXPECT_TRUE(has(track.body, "&lt;script&gt;alert(document.cookie)"));
  EXPECT_TRUE(has(track.body, code));
  EXPECT_TRUE(has(track.body, "Tệp đính kèm: so-do-nha.png"));
  EXPECT_FALSE(has(track.body, "0912345678")) << "contact details are not shown on the page";

  // A wrong token, no token, an unknown code: the not-found page, still private.
  std::string wrong = token;
  wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
  for (const auto& target : {"/tu-van/theo-doi/" + code + "?token=" + wrong, "/tu-van/theo-doi/" + code,
                             "/tu-van/theo-doi/TV-ZZZZZZZZ?token=" + token}) {
    SCOPED_TRACE(target);
    auto r = c.get(target);
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(r.header("referrer-policy"), "no-referrer");
    EXPECT_FALSE(has(r.body, "Đăng ký thường trú"));
  }

  // A follow-up before any answer: the page again with the reason.
  auto early = c.post_form("/tu-van/theo-doi/" + code + "/hoi-tiep", {{"_csrf", c.csrf()}, {"token", token}, {"body", "Cho tôi hỏi thêm về hồ sơ."}});
  EXPECT_EQ(early.status, 409);
  EXPECT_TRUE(has(early.body, "Chỉ hỏi tiếp được sau khi câu hỏi đã có câu trả lời.")) << early.body;
  EXPECT_EQ(early.header("referrer-policy"), "no-referrer");
  EXPECT_EQ(count("SELECT COUNT(*) FROM question_messages WHERE question_id = ?", {id}), 0);
  auto wrong_follow = c.post_form("/tu-van/theo-doi/" + code + "/hoi-tiep", {{"_csrf", c.csrf()}, {"token", wrong}, {"body", "Cho tôi hỏi thêm."}});
  EXPECT_EQ(wrong_follow.status, 404);

  // Withdrawal: confirmation required, then the question and its file are gone.
  auto unconfirmed = c.post_form("/tu-van/theo-doi/" + code + "/rut-lai", {{"_csrf", c.csrf()}, {"token", token}});
  EXPECT_EQ(unconfirmed.status, 422);
  EXPECT_TRUE(has(unconfirmed.body, "Hãy đánh dấu ô xác nhận để rút và xóa câu hỏi."));
  EXPECT_EQ(c.post_form("/tu-van/theo-doi/" + code + "/rut-lai", {{"_csrf", c.csrf()}, {"token", wrong}, {"confirm", "1"}}).status, 404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM questions WHERE id = ?", {id}), 1);
  auto withdrawn = c.post_form("/tu-van/theo-doi/" + code + "/rut-lai", {{"_csrf", c.csrf()}, {"token", token}, {"confirm", "1"}});
  EXPECT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_TRUE(has(withdrawn.body, "Đã rút câu hỏi"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM questions WHERE id = ?", {id}), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM question_attachments WHERE question_id = ?", {id}), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM question_events WHERE question_id = ?", {id}), 0);
  EXPECT_FALSE(std::filesystem::exists(file));
  EXPECT_TRUE(stored_files().empty());
  EXPECT_EQ(c.get(path).status, 404);

  auto log = log_with("path=\"/tu-van/theo-doi/" + code + "/rut-lai\" status=200");
  EXPECT_TRUE(has(log, "request method=GET path=\"/tu-van/theo-doi/" + code + "\" status=200")) << log;
  EXPECT_FALSE(has(log, token)) << log;
}

TEST_P(ConsultPublicTest, FollowUpAfterTheAnswerReachesTheThread) {
  HttpClient c = server_->client();
  auto sent = send(c, form_fields(c));
  ASSERT_EQ(sent.status, 201) << sent.body.substr(0, 2000);
  const std::string path = secret_path(sent);
  const std::string code = path.substr(17, 11), token = path.substr(path.find("token=") + 6);
  answer(id_of(code));
  auto track = c.get(path);
  ASSERT_EQ(track.status, 200);
  EXPECT_TRUE(has(track.body, "Trả lời của Luật sư Trần Minh Đức"));
  EXPECT_TRUE(std::regex_search(track.body, std::regex("<a href=\"/van-ban/[a-z0-9-]+/dieu-20#khoan-1\">"))) << track.body;
  auto r = c.post_form("/tu-van/theo-doi/" + code + "/hoi-tiep", {{"_csrf", c.csrf()}, {"token", token}, {"body", "Nhà đang thế chấp ngân hàng thì có đăng ký được không?"}});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.header("location"), path + "&da-gui=1");
  EXPECT_EQ(r.header("referrer-policy"), "no-referrer");
  auto after = c.get(*r.header("location"));
  EXPECT_TRUE(has(after.body, "Đã gửi câu hỏi tiếp theo."));
  EXPECT_TRUE(has(after.body, "Nhà đang thế chấp ngân hàng"));
  EXPECT_EQ(consult_->desk.view(moderator_, id_of(code))->question.status, consult::Status::follow_up);
}

TEST_P(ConsultPublicTest, LoggedInCitizenAsksWithoutProofOfWorkAndFindsTheQuestionInTheirList) {
  server_->add_user("dan@x.vn", auth::Role::citizen);
  server_->add_user("hangxom@x.vn", auth::Role::citizen);
  HttpClient c = server_->client();
  ASSERT_TRUE(c.login("dan@x.vn", kPassword));
  auto page = c.get("/tu-van");
  EXPECT_FALSE(has(page.body, "data-pow-challenge")) << "no proof of work for an account";
  EXPECT_TRUE(has(c.get("/tu-van/cua-toi").body, "Bạn chưa gửi câu hỏi nào."));
  Fields fields = {{"_csrf", c.csrf()},
                   {"form_token", antispam::issue_form_token(antispam::site_secret(database()), core::now_unix() - 10)},
                   {"title", kTitle}, {"body", kBody}, {"email", ""}, {"consent", "1"}, {"action", "send"}};
  auto sent = send(c, fields);
  ASSERT_EQ(sent.status, 201) << sent.body.substr(0, 3000);
  const std::string code = secret_path(sent).substr(17, 11);
  EXPECT_EQ(database().acquire()->query_one("SELECT email FROM questions WHERE code = ?", {code})->text(0), "dan@x.vn")
      << "the account's address when none is typed";

  auto mine = c.get("/tu-van/cua-toi");
  ASSERT_EQ(mine.status, 200);
  EXPECT_TRUE(has(mine.body, "<a href=\"/tu-van/theo-doi/" + code + "\">" + kTitle + "</a>")) << mine.body;
  EXPECT_FALSE(has(mine.body, "Bạn chưa gửi câu hỏi nào."));
  // The account opens it without the token; another account does not.
  EXPECT_EQ(c.get("/tu-van/theo-doi/" + code).status, 200);
  HttpClient neighbour = server_->client();
  ASSERT_TRUE(neighbour.login("hangxom@x.vn", kPassword));
  EXPECT_EQ(neighbour.get("/tu-van/theo-doi/" + code).status, 404);
  EXPECT_FALSE(has(neighbour.get("/tu-van/cua-toi").body, code));
  EXPECT_EQ(server_->client().get("/tu-van/cua-toi").status, 303) << "anonymous visitors log in first";
}

TEST_P(ConsultPublicTest, PreviewShowsWhatMayAlreadyAnswerWithoutStoringAnything) {
  HttpClient c = server_->client();
  c.get("/tu-van");
  auto r = send(c, {{"_csrf", c.csrf()},
                    {"title", "Đăng ký thường trú"},
                    {"body", "Điều kiện đăng ký thường trú tại chỗ ở hợp pháp thuộc quyền sở hữu của mình là gì?"},
                    {"email", ""},
                    {"action", "preview"}});
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 3000);
  EXPECT_TRUE(has(r.body, "Có thể đã có câu trả lời")) << r.body;
  EXPECT_TRUE(has(r.body, "Điều luật liên quan"));
  EXPECT_TRUE(std::regex_search(r.body, std::regex("<a href=\"/van-ban/[a-z0-9-]+/dieu-20(#khoan-1)?\">Điều 20 Luật Cư trú</a>"))) << r.body;
  EXPECT_TRUE(has(r.body, "value=\"Đăng ký thường trú\"")) << "the form keeps what was typed";
  EXPECT_TRUE(has(r.body, "data-pow-challenge")) << "a fresh challenge for the real send";
  auto empty = send(c, {{"_csrf", c.csrf()}, {"title", ""}, {"body", " "}, {"action", "preview"}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(has(empty.body, "Hãy nhập tiêu đề hoặc nội dung câu hỏi để tìm câu trả lời có sẵn."));
  EXPECT_EQ(count("SELECT COUNT(*) FROM questions"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM pow_spent"), 0);
}

// ---- E-mail ----------------------------------------------------------------------------------------

TEST_P(ConsultPublicTest, AskingMailsTheTrackingLinkToTheAskerAndTellsModerators) {
  auto moderators = count("SELECT COUNT(*) FROM users WHERE role = 'moderator' AND active = 1");
  ASSERT_GE(moderators, 1);
  auto receipt = ask_api(question_json("Nguoi.Hoi@Example.VN"));
  const std::string code = receipt["code"], token = receipt["token"];
  auto id = id_of(code);
  auto mails = smtp_.wait_for(static_cast<std::size_t>(moderators) + 1);
  ASSERT_EQ(mails.size(), static_cast<std::size_t>(moderators) + 1);

  auto to = [&](const std::string& address) -> std::optional<ReceivedMail> {
    for (const auto& m : mails)
      if (m.rcpt_to == std::vector<std::string>{address}) return m;
    return std::nullopt;
  };
  auto asker = to("nguoi.hoi@example.vn");
  ASSERT_TRUE(asker) << "the address is normalised";
  EXPECT_EQ(asker->header("Subject"), "[Tư vấn pháp luật] Đã nhận câu hỏi " + code);
  auto text = asker->text();
  EXPECT_TRUE(has(text, "Cổng thông tin đã nhận câu hỏi «" + std::string(kTitle) + "» của bạn.")) << text;
  EXPECT_TRUE(has(text, "Mã theo dõi: " + code));
  EXPECT_TRUE(has(text, std::string(kBaseUrl) + "/tu-van/theo-doi/" + code + "?token=" + token)) << text;
  EXPECT_TRUE(has(text, "Đường dẫn này là bí mật, chỉ dành cho bạn: không chuyển tiếp thư này."));
  EXPECT_TRUE(has(text, "vui lòng không trả lời thư."));

  auto moderator = to("kiemduyet@x.vn");
  ASSERT_TRUE(moderator);
  EXPECT_EQ(moderator->header("Subject"), "[Tư vấn pháp luật] Câu hỏi mới " + code);
  auto note = moderator->text();
  EXPECT_TRUE(has(note, "Có câu hỏi mới cần phân loại: " + std::string(kTitle))) << note;
  EXPECT_TRUE(has(note, std::string(kBaseUrl) + "/quan-tri/tu-van/" + std::to_string(id)));
  EXPECT_FALSE(has(note, token)) << "only the asker gets the secret link";
  EXPECT_FALSE(has(note, "nguoi.hoi")) << "nor the asker's address";

  // The answer is announced without the link: the asker has it already.
  answer(id);
  auto all = smtp_.wait_for(mails.size() + 2);  // the expert's assignment, the asker's answer
  std::optional<ReceivedMail> answered;
  for (const auto& m : all)
    if (m.header("Subject") == "[Tư vấn pháp luật] Đã có câu trả lời " + code) answered = m;
  ASSERT_TRUE(answered) << all.size();
  EXPECT_EQ(answered->rcpt_to, std::vector<std::string>{"nguoi.hoi@example.vn"});
  EXPECT_TRUE(has(answered->text(), "đã được trả lời")) << answered->text();
  EXPECT_FALSE(has(answered->text(), token));
  // Every mail was sent; the log names none of their links.
  for (int i = 0; i < 100 && count("SELECT COUNT(*) FROM mail_outbox WHERE status <> 'sent'") > 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(count("SELECT COUNT(*) FROM mail_outbox WHERE status <> 'sent'"), 0);
  EXPECT_FALSE(has(log_with("mail:"), token));
}

// ---- The public archive ------------------------------------------------------------------------

TEST_P(ConsultPublicTest, PublishedQuestionIsSearchableWithCitationsSimilarQuestionsAndNoContact) {
  auto first = ask_api({{"title", "Đăng ký thường trú khi mua nhà ở thành phố"},
                        {"question", "Tôi là Lê Thị Hoa, số điện thoại 0987 654 321. Tôi mua nhà ở thành phố thì "
                                     "đăng ký thường trú cần điều kiện gì?"},
                        {"email", "le.thi.hoa@example.vn"},
                        {"phone", "0987 654 321"},
                        {"publish", true}});
  auto second = ask_api({{"title", "Hồ sơ đăng ký thường trú tại nhà riêng"},
                         {"question", "Đăng ký thường trú tại nhà riêng cần những giấy tờ gì trong hồ sơ?"},
                         {"email", "nguoi.khac@example.vn"},
                         {"publish", true}});
  auto unpublished = ask_api(question_json("kin.dao@example.vn"));
  auto a = id_of(first["code"]), b = id_of(second["code"]), hidden = id_of(unpublished["code"]);
  for (auto id : {a, b, hidden}) answer(id);
  // The moderator's draft masks the personal data; the published text is the moderator's.
  auto draft = consult_->moderation.publish_draft(consult_->desk.view(moderator_, a)->question);
  EXPECT_FALSE(has(draft.body, "0987")) << draft.body;
  auto refused = consult_->moderation.publish(moderator_, actor(), a, {"Đăng ký thường trú khi mua nhà ở thành phố", "Tôi là Lê Thị Hoa, gọi 0987 654 321, đăng ký thường trú cần gì?", kAnswer});
  ASSERT_FALSE(refused);
  EXPECT_TRUE(has(refused.error().message, "Chưa thể công bố"));
  publish(a, "Đăng ký thường trú khi mua nhà ở thành phố",
          "Tôi mua nhà ở thành phố thì đăng ký thường trú tại nhà đó cần điều kiện gì?");
  publish(b, "Hồ sơ đăng ký thường trú tại nhà riêng", "Đăng ký thường trú tại nhà riêng cần những giấy tờ gì trong hồ sơ?");
  auto slug_a = *consult_->desk.view(moderator_, a)->question.public_slug;
  auto slug_b = *consult_->desk.view(moderator_, b)->question.public_slug;

  // The server's archive index learns of the publications from the change log.
  const std::string q = url_encode("đăng ký thường trú");
  json found;
  for (int i = 0; i < 100; ++i) {
    found = json::parse(server_->client().get("/api/v1/qa?q=" + q).body);
    if (found["total"] == 2) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(found["total"], 2) << found.dump();
  std::set<std::string> urls;
  for (const auto& item : found["items"]) urls.insert(item["url"]);
  EXPECT_EQ(urls, (std::set<std::string>{"/hoi-dap/" + slug_a, "/hoi-dap/" + slug_b}));
  EXPECT_EQ(found["items"][0]["field_name"], "Cư trú, hộ tịch");

  // The API: by field, without a query, bad parameters.
  EXPECT_EQ(json::parse(server_->client().get("/api/v1/qa?field=cu-tru-ho-tich&q=" + q).body)["total"], 2);
  EXPECT_EQ(json::parse(server_->client().get("/api/v1/qa?field=lao-dong&q=" + q).body)["total"], 0);
  auto listing = server_->client().get("/api/v1/qa?field=cu-tru-ho-tich");
  ASSERT_EQ(listing.status, 200);
  EXPECT_EQ(json::parse(listing.body)["total"], 2);
  EXPECT_FALSE(has(listing.body, "Lê Thị Hoa"));
  struct Bad {
    std::string query, message;
  };
  for (const auto& bad : std::vector<Bad>{{"field=" + url_encode("Đất đai"), "Tham số \"field\" không hợp lệ."},
                                          {"field=a%20b", "Tham số \"field\" không hợp lệ."},
                                          {"field=khong-co", "Lĩnh vực không có trong danh sách."},
                                          {"q=" + std::string(501, 'a'), "Tham số \"q\" tối đa 500 ký tự."},
                                          {"limit=0", ""},
                                          {"limit=abc", ""}}) {
    SCOPED_TRACE(bad.query);
    auto r = server_->client().get("/api/v1/qa?" + bad.query);
    EXPECT_EQ(r.status, 400) << r.body;
    auto j = json::parse(r.body);
    EXPECT_EQ(j["error"]["code"], "invalid_parameter");
    if (!bad.message.empty()) EXPECT_EQ(j["error"]["message"], bad.message);
  }

  // The archive page: search, by field, a bad field.
  auto archive = server_->client().get("/hoi-dap?q=" + q);
  ASSERT_EQ(archive.status, 200);
  EXPECT_TRUE(has(archive.body, "2 kết quả.")) << archive.body;
  EXPECT_TRUE(has(archive.body, "href=\"/hoi-dap/" + slug_a + "\""));
  EXPECT_TRUE(has(archive.body, "href=\"/hoi-dap/" + slug_b + "\""));
  EXPECT_FALSE(has(archive.body, "Lê Thị Hoa"));
  auto browse = server_->client().get("/hoi-dap?linh-vuc=cu-tru-ho-tich");
  EXPECT_EQ(browse.status, 200);
  EXPECT_TRUE(has(browse.body, "href=\"/hoi-dap/" + slug_b + "\""));
  auto bad_field = server_->client().get("/hoi-dap?linh-vuc=khong-co&q=" + q);
  EXPECT_EQ(bad_field.status, 400);
  EXPECT_TRUE(has(bad_field.body, "Lĩnh vực không có trong danh sách."));

  // One question's page: the anonymised text, the answer's articles linked, similar questions.
  auto page = server_->client().get("/hoi-dap/" + slug_a);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page.body, "<h1>Đăng ký thường trú khi mua nhà ở thành phố</h1>"));
  EXPECT_TRUE(has(page.body, "Tôi mua nhà ở thành phố thì đăng ký thường trú tại nhà đó cần điều kiện gì?"));
  EXPECT_TRUE(has(page.body, "Căn cứ pháp lý"));
  EXPECT_TRUE(std::regex_search(page.body, std::regex("<a href=\"/van-ban/[a-z0-9-]+/dieu-20#khoan-1\">[^<]*Điều 20[^<]*</a>")))
      << page.body;
  EXPECT_TRUE(std::regex_search(page.body, std::regex("<a href=\"/van-ban/[a-z0-9-]+/dieu-21\">[^<]*Điều 21[^<]*</a>")));
  for (const char* personal : {"Lê Thị Hoa", "0987", "le.thi.hoa", "example.vn"}) EXPECT_FALSE(has(page.body, personal)) << personal;
  auto similar_at = page.body.find("<h2 id=\"tuong-tu\">Câu hỏi tương tự</h2>");
  ASSERT_NE(similar_at, std::string::npos) << page.body;
  auto similar = page.body.substr(similar_at);
  EXPECT_TRUE(has(similar, "<a href=\"/hoi-dap/" + slug_b + "\">Hồ sơ đăng ký thường trú tại nhà riêng</a>")) << similar;
  EXPECT_FALSE(has(similar, "/hoi-dap/" + slug_a + "\"")) << "not itself";
  EXPECT_EQ(server_->client().get("/hoi-dap/khong-co-cau-hoi-nay").status, 404);

  // The asker's tracking page links to the published copy; the unpublished one is nowhere public.
  auto track = server_->client().get("/tu-van/theo-doi/" + first["code"].get<std::string>() + "?token=" + first["token"].get<std::string>());
  EXPECT_TRUE(has(track.body, "<a href=\"/hoi-dap/" + slug_a + "\">xem trong mục Hỏi đáp</a>")) << track.body;
  EXPECT_FALSE(has(server_->client().get("/hoi-dap").body, unpublished["code"].get<std::string>()));
}

INSTANTIATE_TEST_SUITE_P(Backends, ConsultPublicTest, ::testing::ValuesIn(backends()), backend_name);

// ---- Background duties, without a server (which would run them itself) ------------------------

class ConsultDutiesTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    config_.section<consult::Settings>().question_retention_days = 30;
    config_.section<consult::Settings>().question_pow_bits = 0;
    config_.rate_limits_enabled = false;
    auth_ = std::make_unique<auth::AuthService>(database(), config_);
    library_ = std::make_unique<library::LibraryService>(database(), feed_, config_.uploads_dir());
    ASSERT_TRUE(library_->import_file(kResidenceLaw, "cu-tru.json", {std::nullopt, "test"}).ok());
    consult_ = std::make_unique<consult::Consultation>(database(), feed_, *library_, config_, consult::Mailer{});
    intake_ = std::make_unique<consult::HandoffIntake>(database());
    admin_ = make_user(*auth_, "quantri@x.vn", auth::Role::admin);
    moderator_ = make_user(*auth_, "kiemduyet@x.vn", auth::Role::moderator);
    expert_ = make_user(*auth_, "luatsu@x.vn", auth::Role::expert);
    consult::ExpertInput in{"luatsu@x.vn", "jurist", "Luật gia Lê Thu Hà", "", "", "", {"cu-tru-ho-tich"}, true, 100, false};
    auto e = consult_->experts.save(admin_, {std::nullopt, "test"}, std::nullopt, in);
    ASSERT_TRUE(e) << e.error().message;
    ASSERT_TRUE(consult_->experts.verify(admin_, {std::nullopt, "test"}, e->id, true));
  }

  consult::AskReceipt ask(const std::string& email, bool with_photo) {
    consult::AskInput in;
    in.title = kTitle;
    in.body = kBody;
    in.email = email;
    in.phone = "0912 345 678";
    in.publish = true;
    in.consent = true;
    if (with_photo) in.attachments.push_back({"anh.png", png_with_author()});
    auto r = consult_->asking.ask(in, {std::nullopt, "10.0.0." + std::to_string(++serial_)}, std::nullopt);
    EXPECT_TRUE(r) << r.error().message;
    return *r;
  }
  void deliver(std::int64_t id) {
    ASSERT_TRUE(consult_->moderation.triage(moderator_, {std::nullopt, "test"}, id, "cu-tru-ho-tich", ""));
    auto r = consult_->answering.save_answer(expert_, {std::nullopt, "test"}, id, {kAnswer, kCitations});
    ASSERT_TRUE(r) << r.error().message;
  }
  void age(std::int64_t id, std::int64_t days) {
    database().acquire()->execute("UPDATE questions SET updated_at = ? WHERE id = ?", {core::now_unix() - days * 24 * 3600, id});
  }
  std::int64_t count(const std::string& sql, const std::vector<db::Value>& params = {}) {
    return database().acquire()->query_int(sql, params);
  }
  std::int64_t document_id() { return count("SELECT id FROM legal_documents ORDER BY id LIMIT 1"); }
  void handoff(const std::string& question, const std::string& candidates) {
    database().acquire()->execute(
        "INSERT INTO answer_handoffs (question, candidates, conversation_id, status, created_at) VALUES (?, ?, ?, 'new', ?)",
        {question, candidates, std::string("hoi-thoai-") + std::to_string(++serial_), core::now_unix()});
  }

  db::ChangeFeed feed_;
  std::unique_ptr<auth::AuthService> auth_;
  std::unique_ptr<library::LibraryService> library_;
  std::unique_ptr<consult::Consultation> consult_;
  std::unique_ptr<consult::HandoffIntake> intake_;  // not started: tests run its passes
  auth::User admin_, moderator_, expert_;
  int serial_ = 0;
};

TEST_P(ConsultDutiesTest, RetentionDeletesOldQuestionsAndKeepsOnlyTheAnonymisedCopyOfPublishedOnes) {
  auto delivered = ask("da.tra.loi@example.vn", true);
  auto published = ask("da.cong.bo@example.vn", true);
  auto recent = ask("moi.day@example.vn", false);
  auto open = ask("dang.xu.ly@example.vn", false);
  for (auto id : {delivered.id, published.id, recent.id}) deliver(id);
  ASSERT_TRUE(consult_->moderation.publish(moderator_, {std::nullopt, "test"}, published.id,
                                {"Đăng ký thường trú tại nhà riêng", "Mua nhà ở thành phố thì đăng ký thường trú cần điều kiện gì?", kAnswer}));
  // A follow-up to a published question, answered: it stays published, with a thread that names
  // the asker.
  ASSERT_TRUE(consult_->asking.follow_up({published.code, published.token, std::nullopt}, "Tôi là Trần Văn Cường, cho hỏi thêm về thời hạn."));
  ASSERT_TRUE(consult_->answering.save_answer(expert_, {std::nullopt, "test"}, published.id, {kAnswer, kCitations}));
  auto files = [&](std::int64_t id) { return consult::QuestionRepository(*database().acquire()).attachments(id); };
  auto delivered_file = consult_->attachments.path(files(delivered.id).at(0));
  auto published_file = consult_->attachments.path(files(published.id).at(0));
  ASSERT_TRUE(std::filesystem::exists(delivered_file));
  for (auto id : {delivered.id, published.id, open.id}) age(id, 31);
  age(recent.id, 29);

  EXPECT_EQ(consult_->duties.purge_expired(core::now_unix()), 2);
  // The delivered question is gone, with its file and its rows.
  EXPECT_EQ(count("SELECT COUNT(*) FROM questions WHERE id = ?", {delivered.id}), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM question_attachments WHERE question_id = ?", {delivered.id}), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM question_citations WHERE question_id = ?", {delivered.id}), 0);
  EXPECT_FALSE(std::filesystem::exists(delivered_file));
  EXPECT_FALSE(consult_->asking.open({delivered.code, delivered.token, std::nullopt}));
  // The published one keeps only its anonymised copy.
  auto row = database().acquire()->query_one(
      "SELECT title, body, email, phone, status, public_slug FROM questions WHERE id = ?", {published.id});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->text(0), "Đăng ký thường trú tại nhà riêng");
  EXPECT_EQ(row->text(1), "Mua nhà ở thành phố thì đăng ký thường trú cần điều kiện gì?");
  EXPECT_EQ(row->text(2), "");
  EXPECT_EQ(row->text(3), "");
  EXPECT_EQ(row->text(4), "published");
  EXPECT_EQ(count("SELECT COUNT(*) FROM question_messages WHERE question_id = ?", {published.id}), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM question_attachments WHERE question_id = ?", {published.id}), 0);
  EXPECT_FALSE(std::filesystem::exists(published_file));
  auto still_public = consult_->archive.published_question(row->text(5));
  ASSERT_TRUE(still_public);
  EXPECT_EQ(still_public->question.answer, kAnswer);
  EXPECT_EQ(still_public->citations.size(), 2u);
  // Within the period, or still open: untouched.
  EXPECT_EQ(count("SELECT COUNT(*) FROM questions WHERE id = ? AND email = 'moi.day@example.vn'", {recent.id}), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM questions WHERE id = ? AND email = 'dang.xu.ly@example.vn'", {open.id}), 1);
  // Running again finds nothing left to remove.
  EXPECT_EQ(consult_->duties.purge_expired(core::now_unix()), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM questions"), 3);
  EXPECT_TRUE(consult_->archive.published_question(row->text(5)));

  config_.section<consult::Settings>().question_retention_days = 0;  // kept for ever
  age(recent.id, 4000);
  EXPECT_EQ(consult_->duties.purge_expired(core::now_unix()), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM questions"), 3);
}

TEST_P(ConsultDutiesTest, HandoffsBecomeQuestionsWithTheirCandidateArticlesOnce) {
  auto doc = document_id();
  ASSERT_GT(doc, 0);
  // As src/answer/answer_service.cpp writes it: the document id as a string, with title, url, score.
  json candidates = json::array({
      {{"document_id", std::to_string(doc)}, {"document_title", "Luật Cư trú"}, {"article", "20"},
       {"url", "/van-ban/luat-cu-tru/dieu-20"}, {"score", 4.25}},
      {{"document_id", std::to_string(doc)}, {"document_title", "Luật Cư trú"}, {"article", "21"},
       {"url", "/van-ban/luat-cu-tru/dieu-21"}, {"score", 2.5}},
      {{"document_id", "999999"}, {"document_title", "Không có"}, {"article", "1"}, {"url", "/van-ban/x/dieu-1"}, {"score", 1.0}},
      {{"document_id", std::to_string(doc)}, {"document_title", "Luật Cư trú"}, {"article", "99"}, {"url", ""}, {"score", 0.5}},
  });
  const std::string text = "Tôi thuê nhà ở thành phố đã ba năm, chủ nhà đồng ý cho tôi nhập hộ khẩu thì tôi có được đăng ký "
                           "thường trú tại nhà thuê đó không, cần những giấy tờ gì?";
  handoff(text, candidates.dump());

  EXPECT_EQ(intake_->run_once(), 1);
  EXPECT_EQ(intake_->run_once(), 0) << "taken once";
  EXPECT_EQ(count("SELECT COUNT(*) FROM questions"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM answer_handoffs WHERE status = 'taken'"), 1);
  auto id = count("SELECT id FROM questions");
  auto v = consult_->desk.view(moderator_, id);
  ASSERT_TRUE(v);
  EXPECT_EQ(v->question.source, "handoff");
  EXPECT_EQ(v->question.status, consult::Status::fresh);
  EXPECT_EQ(v->question.body, text);
  EXPECT_TRUE(v->question.title.ends_with("…")) << v->question.title;
  EXPECT_TRUE(text.starts_with(v->question.title.substr(0, v->question.title.size() - std::string("…").size())));
  EXPECT_TRUE(v->question.email.empty());
  ASSERT_EQ(v->candidates.size(), 2u) << "unknown documents and articles are left out";
  EXPECT_EQ(v->candidates[0].article, "20");
  EXPECT_EQ(v->candidates[0].document_id, doc);
  EXPECT_EQ(v->candidates[1].article, "21");
  EXPECT_TRUE(v->citations.empty());
  EXPECT_EQ(v->events.at(0).action, "handoff");
  EXPECT_TRUE(has(v->events.at(0).detail, "2 điều luật gợi ý")) << v->events.at(0).detail;

  // Numbers as document ids, a malformed list, a short question, a long one without spaces: each
  // becomes a question (valid UTF-8 on both databases), none is lost or stops the others.
  handoff("Đăng ký tạm trú ở đâu?", json::array({{{"document_id", doc}, {"article", "20"}}}).dump());
  handoff("Hỏi về cư trú khi đi làm xa nhà thì đăng ký ra sao cho đúng?", "không phải JSON");
  std::string unbroken;
  for (int i = 0; i < 130; ++i) unbroken += "ạ";
  handoff("Hỏi " + unbroken, "[]");
  EXPECT_EQ(intake_->run_once(), 3);
  EXPECT_EQ(intake_->run_once(), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM questions WHERE source = 'handoff'"), 4);
  for (const auto& q : consult_->desk.queue(moderator_, consult::Status::fresh, 10, 0)) {
    SCOPED_TRACE(q.body);
    EXPECT_TRUE(core::is_valid_utf8(q.title)) << "never half a character";
    EXPECT_LE(core::utf8_length(q.title), 121u);
    auto view = consult_->desk.view(moderator_, q.id);
    if (q.body == "Đăng ký tạm trú ở đâu?") {
      EXPECT_EQ(q.title, "Đăng ký tạm trú ở đâu?");
      EXPECT_EQ(view->candidates.size(), 1u);
    } else {
      EXPECT_TRUE(q.body == text || view->candidates.empty());
    }
  }
}

TEST_P(ConsultDutiesTest, AHandOffSurvivesItsWorkerAndBecomesOneQuestion) {
  auto doc = document_id();
  const std::string text = "Người thuê nhà có được đăng ký thường trú tại nhà thuê khi chủ nhà đồng ý không?";
  answer::Handoff h{text, {{doc, "20", "Luật Cư trú", "/van-ban/luat-cu-tru/dieu-20", 4.25}, {doc, "99", "Luật Cư trú", "", 1.0}}, "hoi-thoai-1"};
  std::int64_t id = 0;
  {
    // Written in the caller's transaction, like every job: rolled back, it never existed.
    auto c = database().acquire();
    db::Transaction tx(*c);
    intake_->hand_off(*c, h);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM answer_handoffs"), 0);
  id = intake_->hand_off(*database().acquire(), h);
  EXPECT_EQ(count("SELECT COUNT(*) FROM answer_handoffs WHERE id = ? AND status = 'new' AND conversation_id = 'hoi-thoai-1'", {id}), 1);

  // A worker claims it and dies before taking it: nothing happens until its lease lapses.
  auto now = core::now_unix();
  ASSERT_TRUE(consult::handoff_queue().claim(*database().acquire(), now, 3600));
  EXPECT_EQ(intake_->run_once(), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM questions"), 0);
  database().acquire()->execute("UPDATE answer_handoffs SET next_attempt_at = ? WHERE id = ?", {now - 1, id});
  EXPECT_EQ(intake_->run_once(), 1);
  EXPECT_EQ(intake_->run_once(), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM answer_handoffs WHERE id = ? AND status = 'taken' AND attempts = 2", {id}), 1);
  ASSERT_EQ(count("SELECT COUNT(*) FROM questions WHERE source = 'handoff'"), 1);
  auto v = consult_->desk.view(moderator_, count("SELECT id FROM questions"));
  ASSERT_TRUE(v);
  EXPECT_EQ(v->question.body, text);
  EXPECT_EQ(v->question.title, text);
  ASSERT_EQ(v->candidates.size(), 1u) << "the article the library does not have is left out";
  EXPECT_EQ(v->candidates[0].document_id, doc);
  EXPECT_EQ(v->candidates[0].article, "20");

  // The dead worker's claim is fenced: finishing it late changes nothing.
  EXPECT_FALSE(consult::handoff_queue().complete(*database().acquire(), {id, 1}, core::now_unix()));
}

INSTANTIATE_TEST_SUITE_P(Backends, ConsultDutiesTest, ::testing::ValuesIn(backends()), backend_name);

// ---- Publication and follow-ups after it ------------------------------------------------------

class ConsultPublicationTest : public ConsultDutiesTest {
 protected:
  const auth::Actor actor_{std::nullopt, "test"};
  consult::AskerKey key(const consult::AskReceipt& r) { return {r.code, r.token, std::nullopt}; }
  consult::Question question(std::int64_t id) { return consult_->desk.view(moderator_, id)->question; }
  void require_review() {
    consult::ExpertInput in{"luatsu@x.vn", "jurist", "Luật gia Lê Thu Hà", "", "", "", {"cu-tru-ho-tich"}, true, 100, true};
    ASSERT_TRUE(consult_->experts.save(admin_, actor_, count("SELECT id FROM experts"), in));
  }
};

TEST_P(ConsultPublicationTest, TheAnswerIsCheckedForPersonalDataAndTheModeratorsCopyIsPublished) {
  auto asked = ask("nguoi.hoi@example.vn", false);
  ASSERT_TRUE(consult_->moderation.triage(moderator_, actor_, asked.id, "cu-tru-ho-tich", ""));
  const std::string personal_answer = std::string("Chào chị Nguyễn Thị Mai (số điện thoại 0987 654 321). ") + kAnswer;
  ASSERT_TRUE(consult_->answering.save_answer(expert_, actor_, asked.id, {personal_answer, kCitations}));

  // The draft masks the answer too; the expert's answer as written is refused for publication.
  auto draft = consult_->moderation.publish_draft(question(asked.id));
  EXPECT_FALSE(has(draft.answer, "0987")) << draft.answer;
  EXPECT_TRUE(has(draft.answer, "Điều 20 Luật Cư trú")) << draft.answer;
  auto refused = consult_->moderation.publish(moderator_, actor_, asked.id, {kTitle, kBody, personal_answer});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.at("answer"), "Còn 2 thông tin cá nhân (được tô màu): hãy xóa hoặc thay bằng mô tả chung.");
  EXPECT_EQ(count("SELECT COUNT(*) FROM questions WHERE public_slug IS NOT NULL"), 0);
  auto too_short = consult_->moderation.publish(moderator_, actor_, asked.id, {kTitle, kBody, "Xem luật."});
  ASSERT_FALSE(too_short);
  EXPECT_TRUE(too_short.error().fields.count("answer"));

  // The moderator's edit is what the public reads; the asker keeps the expert's own words.
  const std::string edited = std::string("Chào bạn. ") + kAnswer;
  ASSERT_TRUE(consult_->moderation.publish(moderator_, actor_, asked.id, {kTitle, kBody, edited}));
  auto slug = *question(asked.id).public_slug;
  auto public_view = consult_->archive.published_question(slug);
  ASSERT_TRUE(public_view);
  EXPECT_EQ(public_view->question.answer, edited);
  EXPECT_EQ(consult_->asking.open(key(asked))->question.answer, personal_answer);

  // Retention keeps only the published copy, answer included.
  age(asked.id, 31);
  EXPECT_EQ(consult_->duties.purge_expired(core::now_unix()), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM questions WHERE id = ? AND answer = public_answer", {asked.id}), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM questions WHERE answer LIKE '%0987%'"), 0);
}

TEST_P(ConsultPublicationTest, AFollowUpOnAPublishedQuestionIsAnsweredWhileItStaysPublic) {
  auto asked = ask("nguoi.hoi@example.vn", false);
  deliver(asked.id);
  ASSERT_TRUE(consult_->moderation.publish(moderator_, actor_, asked.id, {kTitle, kBody, kAnswer}));
  auto slug = *question(asked.id).public_slug;

  ASSERT_TRUE(consult_->asking.follow_up(key(asked), "Cho hỏi thêm: thời hạn giải quyết là bao lâu?"));
  EXPECT_EQ(question(asked.id).status, consult::Status::follow_up);
  EXPECT_TRUE(consult_->archive.published_question(slug)) << "still public while the expert replies";
  EXPECT_EQ(consult_->archive.count_published(std::nullopt), 1);

  auto replied = consult_->answering.save_answer(expert_, actor_, asked.id, {"Hồ sơ gồm tờ khai và giấy tờ chứng minh chỗ ở hợp pháp (Điều 21).", "Điều 21 Luật Cư trú"});
  ASSERT_TRUE(replied) << replied.error().message;
  EXPECT_EQ(replied->status, consult::Status::published);
  auto thread = consult_->asking.open(key(asked))->messages;
  ASSERT_EQ(thread.size(), 2u);
  EXPECT_EQ(thread[1].author, "expert");
  EXPECT_TRUE(consult_->archive.published_question(slug)->messages.empty()) << "the thread is never public";

  // Unpublishing works in any status; the question goes back to delivered.
  ASSERT_TRUE(consult_->asking.follow_up(key(asked), "Cho hỏi thêm lần nữa về lệ phí đăng ký."));
  ASSERT_TRUE(consult_->moderation.unpublish(moderator_, actor_, asked.id));
  EXPECT_FALSE(consult_->archive.published_question(slug));
  EXPECT_EQ(question(asked.id).status, consult::Status::follow_up);
  EXPECT_FALSE(consult_->moderation.unpublish(moderator_, actor_, asked.id)) << "not published any more";
}

TEST_P(ConsultPublicationTest, RepliesOfAnExpertWhoNeedsReviewWaitForAModerator) {
  require_review();
  auto asked = ask("nguoi.hoi@example.vn", false);
  deliver(asked.id);
  EXPECT_EQ(question(asked.id).status, consult::Status::answered);
  ASSERT_TRUE(consult_->moderation.approve(moderator_, actor_, asked.id));
  ASSERT_TRUE(consult_->asking.follow_up(key(asked), "Cho hỏi thêm: thời hạn giải quyết là bao lâu?"));

  const std::string reply = "Thời hạn giải quyết là 07 ngày làm việc kể từ ngày nhận đủ hồ sơ.";
  auto held = consult_->answering.save_answer(expert_, actor_, asked.id, {reply, "Điều 21 Luật Cư trú"});
  ASSERT_TRUE(held) << held.error().message;
  EXPECT_EQ(held->status, consult::Status::answered);
  EXPECT_EQ(consult_->asking.open(key(asked))->messages.size(), 1u) << "the asker does not see it yet";

  // Returned: the expert finds the draft and the note, and replies again.
  ASSERT_TRUE(consult_->moderation.return_answer(moderator_, actor_, asked.id, "Cần nêu rõ căn cứ."));
  EXPECT_EQ(question(asked.id).status, consult::Status::follow_up);
  EXPECT_EQ(question(asked.id).pending_reply, reply);
  const std::string better = reply + " Căn cứ: Điều 21 Luật Cư trú.";
  ASSERT_TRUE(consult_->answering.save_answer(expert_, actor_, asked.id, {better, "Điều 21 Luật Cư trú"}));
  EXPECT_EQ(consult_->asking.open(key(asked))->messages.size(), 1u);

  auto approved = consult_->moderation.approve(moderator_, actor_, asked.id);
  ASSERT_TRUE(approved) << approved.error().message;
  EXPECT_EQ(approved->status, consult::Status::delivered);
  EXPECT_TRUE(approved->pending_reply.empty());
  auto thread = consult_->asking.open(key(asked))->messages;
  ASSERT_EQ(thread.size(), 2u);
  EXPECT_EQ(thread[1].body, better);
  EXPECT_TRUE(has(consult_->asking.open(key(asked))->question.answer, "Điều 20")) << "the first answer is unchanged";
}

INSTANTIATE_TEST_SUITE_P(Backends, ConsultPublicationTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
