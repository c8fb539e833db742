// The consultation back office over HTTP, on SQLite and PostgreSQL: a question triaged by a
// moderator, assigned automatically to a verified expert of its field, answered with a citation
// checked against the library, read by the asker, and published once the personal data is gone;
// bad input gives the form again with a Vietnamese message; and who may use which route, role by
// role, as one table.
#include "consult/consultation.h"
#include "consult/question_repository.h"
#include "library/library_service.h"
#include "support/fixtures.h"
#include "support/test_server.h"
#include "consult/settings.h"

#include <gtest/gtest.h>
#include <zlib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

namespace {

using namespace testing_support;
using Fields = std::vector<std::pair<std::string, std::string>>;

const char* kCorpus = R"([
  {"id": "Luật Cư trú", "articles": [
    {"id": "5", "text": "Bảo đảm quyền tự do cư trú của công dân\n\n1. Công dân được bảo đảm quyền tự do cư trú theo quy định của Luật này.\n2. Quyền tự do cư trú chỉ bị hạn chế trong các trường hợp do luật định."},
    {"id": "20", "text": "Điều kiện đăng ký thường trú\n\n1. Công dân có chỗ ở hợp pháp thuộc quyền sở hữu của mình thì được đăng ký thường trú tại chỗ ở hợp pháp đó.\n2. Công dân được đăng ký thường trú tại chỗ ở hợp pháp không thuộc quyền sở hữu của mình khi được chủ hộ đồng ý."}]}
])";

const char* kAnswer =
    "Theo khoản 1 Điều 20 Luật Cư trú, công dân có chỗ ở hợp pháp thuộc quyền sở hữu của mình thì được đăng ký "
    "thường trú tại chỗ ở đó. Bạn mang giấy tờ chứng minh quyền sở hữu nhà đến cơ quan đăng ký cư trú.";
const char* kCitation = "khoản 1 Điều 20 Luật Cư trú";

class ConsultAdminTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam(), [](core::Config& c) {
      c.rate_limits_enabled = false;
      c.section<consult::Settings>().question_pow_bits = 0;  // proof of work is tested with the public routes
    });
    if (!server_->available()) GTEST_SKIP() << "PHOBIEN_TEST_PG_URL is not set: PostgreSQL tests need a server (make test starts one)";
    // The demo content's lawyer would take questions: this test controls the registry itself.
    server_->database().acquire()->execute("DELETE FROM experts");
    library_ = std::make_unique<library::LibraryService>(server_->database(), feed_, server_->config().uploads_dir());
    ASSERT_TRUE(library_->import_file(kCorpus, "cu-tru.json", {std::nullopt, "test"}).ok());
    consult_ = std::make_unique<consult::Consultation>(server_->database(), feed_, *library_, server_->config(), consult::Mailer{});

    admin_ = server_->add_user("quantri@x.vn", auth::Role::admin);
    moderator_ = server_->add_user("kiemduyet@x.vn", auth::Role::moderator);
    server_->add_user("dan@x.vn", auth::Role::citizen);
    server_->add_user("bientap@x.vn", auth::Role::editor);
    server_->add_user("duyet@x.vn", auth::Role::reviewer);
    server_->add_user("thongke@x.vn", auth::Role::reporter);
    server_->add_user("luatsu@x.vn", auth::Role::expert);
    server_->add_user("luatgia@x.vn", auth::Role::expert);
    server_->add_user("chuaxacminh@x.vn", auth::Role::expert);
    // A: residence law, verified (gets the residence questions); B: labour law, verified;
    // C: residence law too, but not verified, so never chosen.
    expert_a_ = register_expert("luatsu@x.vn", "Luật sư Trần Minh Đức", "cu-tru-ho-tich", true);
    expert_b_ = register_expert("luatgia@x.vn", "Luật gia Lê Thu Hà", "lao-dong", true);
    expert_c_ = register_expert("chuaxacminh@x.vn", "Luật sư Phạm Quang", "cu-tru-ho-tich", false);

    // The server learns of the import from the change log: wait until its search has the law.
    for (int i = 0; i < 100; ++i) {
      auto r = server_->client().get("/api/v1/search?q=" + url_encode("đăng ký thường trú"));
      if (r.status == 200 && !nlohmann::json::parse(r.body)["hits"].empty()) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }

  std::int64_t register_expert(const std::string& email, const std::string& name, const std::string& field, bool verified) {
    consult::ExpertInput in{email, "lawyer", name, "Đoàn Luật sư tỉnh", "LS-" + std::to_string(++serial_), "", {field}, true, 100, false};
    auto e = consult_->experts.save(admin_, actor(), std::nullopt, in);
    EXPECT_TRUE(e) << (e ? "" : e.error().message);
    if (verified) EXPECT_TRUE(consult_->experts.verify(admin_, actor(), e->id, true));
    return e->id;
  }
  auth::Actor actor() { return {std::nullopt, "10.1.2.3"}; }
  auth::User user(const std::string& email) {
    auto row = server_->database().acquire()->query_one("SELECT id FROM users WHERE email = ?", {email});
    auth::User u;
    u.id = row->int64(0);
    u.email = email;
    u.role = email == "quantri@x.vn" ? auth::Role::admin : email == "kiemduyet@x.vn" ? auth::Role::moderator : auth::Role::expert;
    return u;
  }

  consult::AskReceipt ask(const std::string& body = "Tôi là Nguyễn Văn An, điện thoại 0912 345 678. Tôi có nhà riêng "
                                                    "ở thành phố thì đăng ký thường trú tại đó cần điều kiện gì?") {
    consult::AskInput in;
    in.title = "Điều kiện đăng ký thường trú tại nhà riêng";
    in.body = body;
    in.email = "nguoihoi" + std::to_string(++serial_) + "@example.vn";
    in.publish = true;
    in.consent = true;
    auto r = consult_->asking.ask(in, actor(), std::nullopt);
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return *r;
  }
  // A question brought to `status` through the service, assigned to expert A where it has an expert.
  std::int64_t question_in(consult::Status status) {
    auto id = ask().id;
    if (status == consult::Status::fresh) return id;
    // "khac" has no expert: the question waits for the explicit assignment below.
    EXPECT_TRUE(consult_->moderation.triage(moderator_, actor(), id, "khac", ""));
    EXPECT_TRUE(consult_->moderation.assign(moderator_, actor(), id, expert_a_));
    if (status == consult::Status::assigned) return id;
    auto answered = consult_->answering.save_answer(user("luatsu@x.vn"), actor(), id, {kAnswer, kCitation});
    EXPECT_TRUE(answered) << (answered ? "" : answered.error().message);
    if (answered->status != status && answered->status == consult::Status::answered)
      EXPECT_TRUE(consult_->moderation.approve(moderator_, actor(), id));
    if (status == consult::Status::published) {
      auto draft = consult_->moderation.publish_draft(consult_->desk.view(moderator_, id)->question);
      EXPECT_TRUE(consult_->moderation.publish(moderator_, actor(), id, draft));
    }
    EXPECT_EQ(status_of(id), status);
    return id;
  }
  consult::Status status_of(std::int64_t id) { return consult_->desk.view(moderator_, id)->question.status; }
  void set_review_required(std::int64_t expert_id, bool on) {
    auto e = *consult_->experts.find(expert_id);
    consult::ExpertInput in{e.email, "lawyer", e.full_name, e.organisation, e.credential, e.bio, e.fields, e.available, e.capacity, on};
    ASSERT_TRUE(consult_->experts.save(admin_, actor(), expert_id, in));
  }
  // An attachment row and its file, as the upload module would leave them.
  std::int64_t attach(std::int64_t question_id, const std::string& data) {
    consult::Attachment a{0, "Giấy chứng nhận nhà ở.pdf", "q" + std::to_string(question_id) + "-" + std::to_string(++serial_) + ".pdf",
                          "application/pdf", static_cast<std::int64_t>(data.size())};
    auto path = consult_->attachments.path(a);
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << data;
    auto c = server_->database().acquire();
    consult::QuestionRepository(*c).add_attachment(question_id, a, 1);
    return c->query_one("SELECT MAX(id) FROM question_attachments WHERE question_id = ?", {question_id})->int64(0);
  }

  HttpClient login(const std::string& email) {
    HttpClient c = server_->client();
    EXPECT_TRUE(c.login(email, kPassword)) << email;
    return c;
  }
  static HttpResponse post(HttpClient& c, const std::string& target, Fields fields) {
    fields.insert(fields.begin(), {"_csrf", c.csrf()});
    return c.post_form(target, fields);
  }
  static bool has(const HttpResponse& r, const std::string& s) { return r.body.find(s) != std::string::npos; }
  static std::string q_url(std::int64_t id) { return "/quan-tri/tu-van/" + std::to_string(id); }

  db::ChangeFeed feed_;
  std::unique_ptr<TestServer> server_;
  std::unique_ptr<library::LibraryService> library_;
  std::unique_ptr<consult::Consultation> consult_;
  auth::User admin_, moderator_;
  std::int64_t expert_a_ = 0, expert_b_ = 0, expert_c_ = 0;
  int serial_ = 0;
};

TEST_P(ConsultAdminTest, TriageAssignsAnswerReachesAskerAndPublicationWaitsForThePersonalDataCheck) {
  auto receipt = ask();
  HttpClient mod = login("kiemduyet@x.vn");
  auto queue = mod.get("/quan-tri/tu-van?trang-thai=new");
  ASSERT_EQ(queue.status, 200);
  EXPECT_TRUE(has(queue, receipt.code));
  EXPECT_TRUE(has(queue, "Quá hạn")) << "moderators have the overdue tab";

  auto page = mod.get(q_url(receipt.id));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "0912345678") || has(page, "nguoihoi")) << "moderators see the contact";
  EXPECT_TRUE(has(page, "action=\"" + q_url(receipt.id) + "/phan-loai\""));

  auto triaged = post(mod, q_url(receipt.id) + "/phan-loai", {{"field", "cu-tru-ho-tich"}, {"note", ""}});
  ASSERT_EQ(triaged.status, 303) << triaged.body;
  EXPECT_EQ(triaged.header("location"), q_url(receipt.id) + "?thong-bao=da-phan-loai-phan-cong");
  auto after = mod.get(*triaged.header("location"));
  EXPECT_TRUE(has(after, "Đã phân loại câu hỏi và tự động phân công cho chuyên gia phù hợp."));
  auto q = consult_->desk.view(moderator_, receipt.id)->question;
  EXPECT_EQ(q.status, consult::Status::assigned);
  ASSERT_TRUE(q.expert_id);
  EXPECT_EQ(*q.expert_id, expert_a_) << "the verified expert of the field, not the unverified one";
  EXPECT_TRUE(q.due_at);

  HttpClient expert = login("luatsu@x.vn");
  auto mine = expert.get("/quan-tri/tu-van");
  EXPECT_TRUE(has(mine, receipt.code));
  auto form = expert.get(q_url(receipt.id));
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(has(form, "Soạn câu trả lời"));
  EXPECT_TRUE(has(form, "nguoihoi")) << "the assigned expert sees the contact";
  EXPECT_TRUE(has(form, "/static/consult-admin.js"));
  // The picker without JavaScript: the same page with the hits as citation lines.
  auto picked = expert.get(q_url(receipt.id) + "?tim-dieu=" + url_encode("đăng ký thường trú"));
  ASSERT_EQ(picked.status, 200);
  EXPECT_TRUE(has(picked, "<code class=\"citation-line\">Điều 20 Luật Cư trú</code>")) << picked.body;

  auto wrong = post(expert, q_url(receipt.id) + "/tra-loi", {{"answer", kAnswer}, {"citations", "Điều 99 Luật Cư trú"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_TRUE(has(wrong, "Trích dẫn «Điều 99 Luật Cư trú» không có trong tủ sách pháp luật")) << wrong.body;
  EXPECT_TRUE(has(wrong, "Có trích dẫn không tìm thấy trong tủ sách pháp luật.")) << "next to the field";
  EXPECT_TRUE(has(wrong, "Bạn mang giấy tờ chứng minh quyền sở hữu nhà")) << "what was typed is kept";
  EXPECT_EQ(status_of(receipt.id), consult::Status::assigned);

  // What the picker writes resolves like what an expert types.
  auto answered = post(expert, q_url(receipt.id) + "/tra-loi",
                       {{"answer", kAnswer}, {"citations", std::string(kCitation) + "\nĐiều 20 Luật Cư trú\n"}});
  ASSERT_EQ(answered.status, 303) << answered.body;
  EXPECT_EQ(answered.header("location"), q_url(receipt.id) + "?thong-bao=da-tra-loi");

  auto seen = consult_->asking.open({receipt.code, receipt.token, std::nullopt});
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->question.status, consult::Status::delivered);
  EXPECT_NE(seen->question.answer.find("Điều 20 Luật Cư trú"), std::string::npos);
  ASSERT_EQ(seen->citations.size(), 2u);
  EXPECT_EQ(seen->citations[0].article, "20");
  EXPECT_EQ(seen->citations[0].clause, "1");

  // Publication: the original with its personal data marked, the form with the masked draft.
  auto review = mod.get(q_url(receipt.id));
  ASSERT_EQ(review.status, 200);
  EXPECT_TRUE(has(review, "<mark class=\"pii\" title=\"[số điện thoại]\">0912 345 678</mark>")) << review.body;
  EXPECT_TRUE(has(review, "<mark class=\"pii\" title=\"[họ tên]\">Nguyễn Văn An</mark>"));
  EXPECT_TRUE(has(review, "[số điện thoại]"));
  EXPECT_TRUE(has(review, "<textarea id=\"publish-answer\" name=\"answer\"")) << "the answer is edited before publishing too";
  auto leaking = post(mod, q_url(receipt.id) + "/cong-bo",
                      {{"title", "Điều kiện đăng ký thường trú tại nhà riêng"},
                       {"body", "Tôi có nhà riêng, gọi 0912 345 678, thì đăng ký thường trú cần điều kiện gì?"},
                       {"answer", kAnswer}});
  EXPECT_EQ(leaking.status, 422);
  EXPECT_TRUE(has(leaking, "Chưa thể công bố: kiểm tra các ô được đánh dấu.")) << leaking.body;
  EXPECT_TRUE(has(leaking, "Còn 1 thông tin cá nhân (được tô màu): hãy xóa hoặc thay bằng mô tả chung."));
  EXPECT_TRUE(has(leaking, "gọi <mark class=\"pii\" title=\"[số điện thoại]\">0912 345 678</mark>")) << "the refused text, marked";
  EXPECT_EQ(status_of(receipt.id), consult::Status::delivered);

  auto published = post(mod, q_url(receipt.id) + "/cong-bo",
                        {{"title", "Điều kiện đăng ký thường trú tại nhà riêng"},
                         {"body", "Tôi có nhà riêng ở thành phố thì đăng ký thường trú tại đó cần điều kiện gì?"},
                         {"answer", kAnswer}});
  ASSERT_EQ(published.status, 303) << published.body;
  EXPECT_EQ(published.header("location"), q_url(receipt.id) + "?thong-bao=da-cong-bo");
  q = consult_->desk.view(moderator_, receipt.id)->question;
  EXPECT_EQ(q.status, consult::Status::published);
  EXPECT_EQ(q.public_body.find("0912"), std::string::npos);
  EXPECT_TRUE(has(mod.get(q_url(receipt.id)), "Gỡ khỏi mục Hỏi đáp pháp luật"));
}

TEST_P(ConsultAdminTest, UnverifiedExpertCannotAnswer) {
  auto id = question_in(consult::Status::assigned);
  HttpClient admin = login("quantri@x.vn");
  admin.get("/quan-tri/chuyen-gia");
  auto unverified = post(admin, "/quan-tri/chuyen-gia/" + std::to_string(expert_a_) + "/xac-minh", {{"verified", "0"}});
  ASSERT_EQ(unverified.status, 303);
  EXPECT_EQ(unverified.header("location"), "/quan-tri/chuyen-gia/" + std::to_string(expert_a_) + "?thong-bao=da-bo-xac-minh");

  HttpClient expert = login("luatsu@x.vn");
  auto page = expert.get(q_url(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(has(page, "chưa được xác minh"));
  EXPECT_FALSE(has(page, "action=\"" + q_url(id) + "/tra-loi\"")) << "no answer form";
  auto r = post(expert, q_url(id) + "/tra-loi", {{"answer", kAnswer}, {"citations", kCitation}});
  EXPECT_EQ(r.status, 403);
  EXPECT_TRUE(has(r, "Chỉ chuyên gia đã được xác minh mới trả lời câu hỏi.")) << r.body;
  HttpClient never = login("chuaxacminh@x.vn");
  EXPECT_EQ(post(never, q_url(id) + "/tra-loi", {{"answer", kAnswer}, {"citations", kCitation}}).status, 403);
  EXPECT_EQ(status_of(id), consult::Status::assigned);
}

TEST_P(ConsultAdminTest, ReviewReturnsWithANoteOrApproves) {
  set_review_required(expert_a_, true);
  auto id = question_in(consult::Status::answered);
  HttpClient mod = login("kiemduyet@x.vn");
  auto page = mod.get(q_url(id));
  EXPECT_TRUE(has(page, "Duyệt và gửi cho người hỏi"));
  auto no_note = post(mod, q_url(id) + "/tra-lai", {{"note", ""}});
  EXPECT_EQ(no_note.status, 422);
  EXPECT_TRUE(has(no_note, "Cần ghi nhận xét (ít nhất 5 ký tự)."));
  auto returned = post(mod, q_url(id) + "/tra-lai", {{"note", "Cần nêu rõ giấy tờ chứng minh chỗ ở hợp pháp."}});
  ASSERT_EQ(returned.status, 303);
  EXPECT_EQ(status_of(id), consult::Status::assigned);
  HttpClient expert = login("luatsu@x.vn");
  auto again = expert.get(q_url(id));
  EXPECT_TRUE(has(again, "Nhận xét của kiểm duyệt viên: Cần nêu rõ giấy tờ chứng minh chỗ ở hợp pháp."));
  EXPECT_TRUE(has(again, "Bạn mang giấy tờ chứng minh quyền sở hữu nhà")) << "the answer to revise is in the form";
  ASSERT_EQ(post(expert, q_url(id) + "/tra-loi", {{"answer", kAnswer}, {"citations", kCitation}}).header("location"),
            q_url(id) + "?thong-bao=cho-duyet");
  auto approved = post(mod, q_url(id) + "/duyet", {});
  ASSERT_EQ(approved.status, 303);
  EXPECT_EQ(status_of(id), consult::Status::delivered);
}

TEST_P(ConsultAdminTest, BadInputGivesTheFormAgainNeverAServerError) {
  auto id = ask().id;
  auto other = ask().id;
  HttpClient mod = login("kiemduyet@x.vn");
  mod.get("/quan-tri/tu-van");
  struct Case {
    std::string path;
    Fields form;
    int status;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"/phan-loai", {{"field", "khong-co"}}, 422, "Hãy chọn lĩnh vực của câu hỏi."},
      {"/phan-loai", {}, 422, "Lĩnh vực không hợp lệ."},
      {"/tu-choi", {{"reason", " "}}, 422, "Cần ghi lý do (ít nhất 5 ký tự)."},
      {"/gop", {{"into", "TV-KHONGCO"}}, 422, "Không tìm thấy câu hỏi để gộp vào."},
      {"/phan-cong", {{"expert", "abc"}}, 409, "Hãy phân loại câu hỏi trước khi phân công."},
      {"/duyet", {}, 409, "Câu hỏi không chờ duyệt."},
      {"/cong-bo", {{"title", "x"}, {"body", "y"}}, 422, "Chưa thể công bố"},
      {"/go-cong-bo", {}, 409, "Câu hỏi chưa được công bố."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.path);
    auto r = post(mod, q_url(id) + c.path, c.form);
    EXPECT_EQ(r.status, c.status);
    EXPECT_TRUE(has(r, c.message)) << r.body;
    EXPECT_TRUE(has(r, "<h1>Điều kiện đăng ký thường trú tại nhà riêng</h1>")) << "the question page again";
  }
  EXPECT_EQ(status_of(id), consult::Status::fresh);
  // Lower-case tracking codes are accepted.
  auto code = consult_->desk.view(moderator_, other)->question.code;
  std::string lower = code;
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  EXPECT_EQ(post(mod, q_url(id) + "/gop", {{"into", lower}}).status, 303);
  EXPECT_EQ(status_of(id), consult::Status::merged);

  EXPECT_EQ(mod.get("/quan-tri/tu-van?trang-thai=khong-co").status, 400);
  EXPECT_EQ(mod.get("/quan-tri/tu-van?trang=0").status, 400);
  EXPECT_EQ(mod.get("/quan-tri/tu-van/abc").status, 404);
  EXPECT_EQ(mod.get("/quan-tri/tu-van/999999").status, 404);
  EXPECT_EQ(post(mod, "/quan-tri/tu-van/999999/phan-loai", {{"field", "dan-su"}}).status, 404);
  EXPECT_EQ(mod.get(q_url(id) + "/tep/999999").status, 404);

  HttpClient admin = login("quantri@x.vn");
  admin.get("/quan-tri/chuyen-gia");
  auto bad = post(admin, "/quan-tri/chuyen-gia",
                  {{"email", "khongco@x.vn"}, {"kind", "lawyer"}, {"full_name", "A"}, {"capacity", "nhiều"}});
  EXPECT_EQ(bad.status, 422);
  for (const char* m : {"Vui lòng kiểm tra lại các ô được đánh dấu.", "Không có tài khoản với thư điện tử này",
                        "Luật sư cần ghi số thẻ luật sư.", "Chọn ít nhất một lĩnh vực.", "Số câu hỏi đồng thời từ 1 đến 100.",
                        "value=\"nhiều\""})
    EXPECT_TRUE(has(bad, m)) << m;
  EXPECT_EQ(admin.get("/quan-tri/chuyen-gia/999999").status, 404);
  EXPECT_EQ(post(admin, "/quan-tri/chuyen-gia/999999/xac-minh", {{"verified", "1"}}).status, 404);
}

// A PNG 1×1 with a text chunk naming its author: the photo must lose it before it is stored.
std::string png_with_author(const std::string& author) {
  auto be32 = [](std::uint32_t v) {
    return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
  };
  auto chunk = [&](const std::string& type, const std::string& body) {
    std::string tb = type + body;
    return be32(static_cast<std::uint32_t>(body.size())) + tb + be32(crc32(0, reinterpret_cast<const Bytef*>(tb.data()), tb.size()));
  };
  std::string pixels = std::string("\x00\x80", 2);
  uLongf size = compressBound(pixels.size());
  std::string idat(size, '\0');
  compress(reinterpret_cast<Bytef*>(idat.data()), &size, reinterpret_cast<const Bytef*>(pixels.data()), pixels.size());
  idat.resize(size);
  return std::string("\x89PNG\r\n\x1A\n", 8) + chunk("IHDR", be32(1) + be32(1) + std::string("\x08\x00\x00\x00\x00", 5)) +
         chunk("tEXt", std::string("Author\0", 7) + author) + chunk("IDAT", idat) + chunk("IEND", "");
}

TEST_P(ConsultAdminTest, ExpertPhotoIsStoredWithoutItsMetadataAndShown) {
  server_->add_user("anh@x.vn", auth::Role::expert);
  HttpClient admin = login("quantri@x.vn");
  admin.get("/quan-tri/chuyen-gia");
  std::vector<std::pair<std::string, std::string>> fields = {
      {"_csrf", admin.csrf()}, {"email", "anh@x.vn"}, {"kind", "jurist"}, {"full_name", "Trần Thị Ảnh"},
      {"fields", "dat-dai"},   {"capacity", "3"}};
  auto pdf = admin.post_multipart("/quan-tri/chuyen-gia", fields, "photo", "anh.pdf", "%PDF-1.4\n%%EOF\n");
  EXPECT_EQ(pdf.status, 422) << pdf.body;
  auto created = admin.post_multipart("/quan-tri/chuyen-gia", fields, "photo", "anh.png", png_with_author("Trần Thị Ảnh GPS"));
  ASSERT_EQ(created.status, 303) << created.body;
  auto photo = server_->database().acquire()->query_one(
      "SELECT e.photo FROM experts e JOIN users u ON u.id = e.user_id WHERE u.email = 'anh@x.vn'");
  ASSERT_TRUE(photo && !photo->is_null(0));
  auto served = admin.get("/uploads/experts/" + photo->text(0));
  EXPECT_EQ(served.status, 200);
  EXPECT_EQ(served.header("content-type"), "image/png");
  EXPECT_TRUE(served.body.starts_with("\x89PNG"));
  EXPECT_EQ(served.body.find("GPS"), std::string::npos) << "the text chunk is gone";
  EXPECT_NE(admin.get("/quan-tri/chuyen-gia").body.find("/uploads/experts/" + photo->text(0)), std::string::npos);
  EXPECT_EQ(admin.get("/uploads/experts/..%2Fx.png").status, 404);
}

TEST_P(ConsultAdminTest, QueueShowsOverdueQuestionsAndExpertsOnlyTheirOwn) {
  auto late = question_in(consult::Status::assigned);
  server_->database().acquire()->execute("UPDATE questions SET due_at = ? WHERE id = ?", {std::int64_t{86400}, late});
  auto late_code = consult_->desk.view(moderator_, late)->question.code;
  auto labour = ask("Công ty không trả lương làm thêm giờ cho tôi trong ba tháng liền thì tôi phải làm gì?");
  ASSERT_TRUE(consult_->moderation.triage(moderator_, actor(), labour.id, "lao-dong", ""));

  HttpClient mod = login("kiemduyet@x.vn");
  auto overdue = mod.get("/quan-tri/tu-van?trang-thai=qua-han");
  ASSERT_EQ(overdue.status, 200);
  EXPECT_TRUE(has(overdue, late_code));
  EXPECT_TRUE(has(overdue, "02/01/1970 (quá hạn)")) << overdue.body;
  EXPECT_TRUE(has(overdue, "<tr class=\"overdue\">"));
  EXPECT_FALSE(has(overdue, labour.code));

  HttpClient a = login("luatsu@x.vn"), b = login("luatgia@x.vn");
  auto mine = a.get("/quan-tri/tu-van");
  EXPECT_TRUE(has(mine, late_code));
  EXPECT_FALSE(has(mine, labour.code));
  EXPECT_FALSE(has(mine, "Quá hạn</a>")) << "the overdue tab is the moderators'";
  EXPECT_EQ(a.get("/quan-tri/tu-van?trang-thai=qua-han").status, 400);
  auto theirs = b.get("/quan-tri/tu-van");
  EXPECT_TRUE(has(theirs, labour.code));
  EXPECT_FALSE(has(theirs, late_code));
  EXPECT_TRUE(has(login("chuaxacminh@x.vn").get("/quan-tri/tu-van"), "chưa được xác minh"));
}

TEST_P(ConsultAdminTest, NavigationShowsConsultationToThoseWhoMayUseIt) {
  const std::string desk = "href=\"/quan-tri/tu-van\"", registry = "href=\"/quan-tri/chuyen-gia\"";
  auto admin = login("quantri@x.vn").get("/quan-tri");
  EXPECT_TRUE(has(admin, desk));
  EXPECT_TRUE(has(admin, registry));
  auto mod = login("kiemduyet@x.vn").get("/quan-tri");
  EXPECT_TRUE(has(mod, desk));
  EXPECT_FALSE(has(mod, registry));
  auto expert = login("luatsu@x.vn").get("/quan-tri");
  EXPECT_TRUE(has(expert, desk));
  auto editor = login("bientap@x.vn").get("/quan-tri");
  EXPECT_FALSE(has(editor, desk));
  EXPECT_FALSE(has(editor, registry));
}

TEST_P(ConsultAdminTest, AttachmentIsADownloadForThoseWhoMaySeeTheQuestion) {
  auto id = question_in(consult::Status::assigned);
  static const char kBytes[] = "%PDF-1.4\n\x00\x01\xff binary";
  const std::string pdf(kBytes, sizeof kBytes - 1);
  auto attachment = attach(id, pdf);
  auto url = q_url(id) + "/tep/" + std::to_string(attachment);
  HttpClient expert = login("luatsu@x.vn");
  auto page = expert.get(q_url(id));
  EXPECT_TRUE(has(page, "href=\"" + url + "\"")) << page.body;
  EXPECT_TRUE(has(page, "Giấy chứng nhận nhà ở.pdf"));
  auto r = expert.get(url);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body, pdf);
  EXPECT_EQ(r.header("content-type"), "application/pdf");
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  auto disposition = r.header("content-disposition").value_or("");
  EXPECT_TRUE(disposition.starts_with("attachment; filename=\"")) << disposition;
  EXPECT_NE(disposition.find("filename*=UTF-8''Gi%E1%BA%A5y"), std::string::npos) << disposition;
  EXPECT_EQ(login("luatgia@x.vn").get(url).status, 403);
  // Another question's attachment id under this question's path is not found.
  auto elsewhere = attach(question_in(consult::Status::assigned), "x");
  EXPECT_EQ(expert.get(q_url(id) + "/tep/" + std::to_string(elsewhere)).status, 404);
}

// Who may use which route. L: login redirect, F: 403, OK: 200, GO: 303 elsewhere than the login.
enum Expect { L, F, OK, GO };

TEST_P(ConsultAdminTest, PermissionMatrix) {
  set_review_required(expert_a_, true);  // so that a question can wait in review (answered)
  const std::vector<std::string> roles = {"anonymous", "citizen", "editor", "reviewer", "reporter",
                                          "moderator", "expert-assigned", "expert-not-assigned", "admin"};
  const std::map<std::string, std::string> accounts = {
      {"citizen", "dan@x.vn"},       {"editor", "bientap@x.vn"},          {"reviewer", "duyet@x.vn"},
      {"reporter", "thongke@x.vn"},  {"moderator", "kiemduyet@x.vn"},     {"expert-assigned", "luatsu@x.vn"},
      {"expert-not-assigned", "luatgia@x.vn"}, {"admin", "quantri@x.vn"}};
  struct Row {
    std::string route;
    std::vector<Expect> expect;  // in the order of `roles`
  };
  // The questions are assigned to expert A ("expert-assigned") where their status has an expert.
  const std::vector<Row> matrix = {
      //  route                                              anon cit  edit rev  rep  mod  ex+  ex-  admin
      {"GET  /quan-tri/tu-van",                              {L,   F,   F,   F,   F,   OK,  OK,  OK,  OK}},
      {"GET  /quan-tri/tu-van/{assigned}",                   {L,   F,   F,   F,   F,   OK,  OK,  F,   OK}},
      {"GET  /quan-tri/tu-van/{assigned}/tep/{file}",        {L,   F,   F,   F,   F,   OK,  OK,  F,   OK}},
      {"POST /quan-tri/tu-van/{new}/phan-loai",              {L,   F,   F,   F,   F,   GO,  F,   F,   GO}},
      {"POST /quan-tri/tu-van/{new}/tu-choi",                {L,   F,   F,   F,   F,   GO,  F,   F,   GO}},
      {"POST /quan-tri/tu-van/{new}/gop",                    {L,   F,   F,   F,   F,   GO,  F,   F,   GO}},
      {"POST /quan-tri/tu-van/{assigned}/phan-cong",         {L,   F,   F,   F,   F,   GO,  F,   F,   GO}},
      {"POST /quan-tri/tu-van/{assigned}/tra-loi",           {L,   F,   F,   F,   F,   F,   GO,  F,   F}},
      {"POST /quan-tri/tu-van/{answered}/duyet",             {L,   F,   F,   F,   F,   GO,  F,   F,   GO}},
      {"POST /quan-tri/tu-van/{answered}/tra-lai",           {L,   F,   F,   F,   F,   GO,  F,   F,   GO}},
      {"POST /quan-tri/tu-van/{delivered}/cong-bo",          {L,   F,   F,   F,   F,   GO,  F,   F,   GO}},
      {"POST /quan-tri/tu-van/{published}/go-cong-bo",       {L,   F,   F,   F,   F,   GO,  F,   F,   GO}},
      {"GET  /quan-tri/chuyen-gia",                          {L,   F,   F,   F,   F,   F,   F,   F,   OK}},
      {"POST /quan-tri/chuyen-gia",                          {L,   F,   F,   F,   F,   F,   F,   F,   GO}},
      {"GET  /quan-tri/chuyen-gia/{expert}",                 {L,   F,   F,   F,   F,   F,   F,   F,   OK}},
      {"POST /quan-tri/chuyen-gia/{expert}",                 {L,   F,   F,   F,   F,   F,   F,   F,   GO}},
      {"POST /quan-tri/chuyen-gia/{expert}/xac-minh",        {L,   F,   F,   F,   F,   F,   F,   F,   GO}},
  };

  std::map<std::string, HttpClient> clients;
  for (const auto& role : roles) {
    if (role == "anonymous") {
      clients.emplace(role, server_->client());
      clients.at(role).get("/dang-nhap");  // a CSRF cookie, so POSTs reach the route
    } else {
      clients.emplace(role, login(accounts.at(role)));
    }
  }
  auto replace = [](std::string s, const std::string& from, const std::string& to) {
    return s.replace(s.find(from), from.size(), to);
  };
  int serial = 0;
  // Everything a cell needs, fresh for each cell so that one role's step does not change the
  // status the next role finds.
  auto prepare = [&](const std::string& route, Fields& form) {
    std::string path = route.substr(5);
    std::optional<std::int64_t> question;
    for (auto [token, status] : {std::pair{"{new}", consult::Status::fresh}, std::pair{"{assigned}", consult::Status::assigned},
                                 std::pair{"{answered}", consult::Status::answered},
                                 std::pair{"{delivered}", consult::Status::delivered},
                                 std::pair{"{published}", consult::Status::published}})
      if (path.find(token) != std::string::npos) {
        question = question_in(status);
        path = replace(path, token, std::to_string(*question));
      }
    if (path.find("{file}") != std::string::npos) path = replace(path, "{file}", std::to_string(attach(*question, "%PDF-1.4")));
    if (path.find("{expert}") != std::string::npos) path = replace(path, "{expert}", std::to_string(expert_b_));
    if (path.ends_with("/phan-loai")) form = {{"field", "cu-tru-ho-tich"}};
    if (path.ends_with("/tu-choi")) form = {{"reason", "Câu hỏi không thuộc phạm vi tư vấn."}};
    if (path.ends_with("/gop")) form = {{"into", ask().code}};
    if (path.ends_with("/phan-cong")) form = {{"expert", std::to_string(expert_a_)}};
    if (path.ends_with("/tra-loi")) form = {{"answer", kAnswer}, {"citations", kCitation}};
    if (path.ends_with("/tra-lai")) form = {{"note", "Cần bổ sung căn cứ pháp lý."}};
    if (path.ends_with("/cong-bo")) form = {{"title", "Điều kiện đăng ký thường trú tại nhà riêng"},
                                            {"body", "Có nhà riêng ở thành phố thì đăng ký thường trú cần điều kiện gì?"},
                                            {"answer", kAnswer}};
    if (path == "/quan-tri/chuyen-gia") {
      std::string email = "moi" + std::to_string(++serial) + "@x.vn";
      server_->add_user(email, auth::Role::expert);
      form = {{"email", email}, {"kind", "jurist"}, {"full_name", "Luật gia Mới " + std::to_string(serial)}, {"fields", "dan-su"},
              {"fields", "dat-dai"}, {"capacity", "3"}, {"available", "1"}};
    }
    if (path.starts_with("/quan-tri/chuyen-gia/") && !path.ends_with("/xac-minh"))
      form = {{"email", "luatgia@x.vn"}, {"kind", "jurist"}, {"full_name", "Luật gia Lê Thu Hà"}, {"fields", "lao-dong"},
              {"capacity", "100"}, {"available", "1"}};
    if (path.ends_with("/xac-minh")) form = {{"verified", "1"}};
    return std::pair{path, question};
  };

  for (const auto& row : matrix) {
    ASSERT_EQ(row.expect.size(), roles.size()) << row.route;
    for (std::size_t i = 0; i < roles.size(); ++i) {
      SCOPED_TRACE(row.route + " as " + roles[i]);
      Fields form;
      auto [path, question] = prepare(row.route, form);
      std::optional<consult::Status> before;
      if (question) before = status_of(*question);
      auto& client = clients.at(roles[i]);
      auto r = row.route.starts_with("GET") ? client.get(path) : post(client, path, form);
      auto location = r.header("location").value_or("");
      switch (row.expect[i]) {
        case L:
          EXPECT_EQ(r.status, 303);
          EXPECT_TRUE(location.starts_with("/dang-nhap?tiep=")) << location;
          break;
        case F: EXPECT_EQ(r.status, 403) << r.body.substr(0, 300); break;
        case OK: EXPECT_EQ(r.status, 200) << r.body.substr(0, 300); break;
        case GO:
          EXPECT_EQ(r.status, 303) << r.body.substr(0, 2000);
          EXPECT_FALSE(location.starts_with("/dang-nhap")) << location;
          break;
      }
      // A refused step changes nothing.
      if (row.expect[i] != GO && question) EXPECT_EQ(status_of(*question), *before);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ConsultAdminTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
