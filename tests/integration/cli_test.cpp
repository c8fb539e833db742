// The `phobien` program as an operator uses it: flags, errors, accounts, backup and restore.
#include "app/backup.h"
#include "support/fixtures.h"
#include "support/process.h"
#include "support/test_server.h"

#include <filesystem>
#include <fstream>

namespace {

using namespace testing_support;

TEST(Cli, UnknownFlagFailsWithAMessage) {
  auto r = run_phobien({"serve", "--no-such-flag"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("no-such-flag"), std::string::npos) << r.output;
}

TEST(Cli, BadListenAddressFails) {
  auto r = run_phobien({"serve", "--data", make_temp_dir(), "--listen", "127.0.0.1:99999"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("cổng không hợp lệ"), std::string::npos) << r.output;
}

TEST(Cli, PortInUseFailsClearly) {
  TestServer server("sqlite");
  auto r = run_phobien({"serve", "--data", make_temp_dir(), "--listen", "127.0.0.1:" + std::to_string(server.port())});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("đang được một chương trình khác dùng"), std::string::npos) << r.output;
}

TEST(Cli, UnreachableDatabaseFailsClearly) {
  auto r = run_phobien({"serve", "--database", "postgresql://u:hunter2@127.0.0.1:1/x?connect_timeout=2", "--listen", "127.0.0.1:0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("cannot connect to PostgreSQL"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("hunter2"), std::string::npos) << "no password in messages";
}

TEST(Cli, UserAddReadsThePasswordFromStdin) {
  auto dir = make_temp_dir();
  auto ok = run_phobien({"user", "add", "--data", dir, "--email", "bt@tinh.gov.vn", "--role", "editor", "--name", "Lê Văn Biên"},
                        std::string(kPassword) + "\n");
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_NE(ok.output.find("Biên tập viên"), std::string::npos);
  auto dup = run_phobien({"user", "add", "--data", dir, "--email", "bt@tinh.gov.vn", "--role", "editor"}, std::string(kPassword) + "\n");
  EXPECT_EQ(dup.exit_code, 1);
  EXPECT_NE(dup.output.find("đã được đăng ký"), std::string::npos) << dup.output;
  auto bad_role = run_phobien({"user", "add", "--data", dir, "--email", "x@y.vn", "--role", "boss"}, std::string(kPassword) + "\n");
  EXPECT_EQ(bad_role.exit_code, 1);
  auto short_pw = run_phobien({"user", "add", "--data", dir, "--email", "x@y.vn", "--role", "citizen"}, "123\n");
  EXPECT_EQ(short_pw.exit_code, 1);
  EXPECT_NE(short_pw.output.find("ít nhất 10 ký tự"), std::string::npos) << short_pw.output;
}

// An organisation tree in a new data folder: a province with one agency and one commune.
std::string data_with_units() {
  auto dir = make_temp_dir();
  auto tree = dir + "/tree.json";
  std::ofstream(tree) << R"({"units": [{"code": "46", "name": "Thành phố Huế", "level": "province"},
    {"code": "46-STP", "name": "Sở Tư pháp", "level": "agency", "parent": "46"},
    {"code": "19753", "name": "Phường Thuận Hóa", "level": "commune", "parent": "46"}]})";
  auto imported = run_phobien({"import-units", "--data", dir, tree});
  EXPECT_EQ(imported.exit_code, 0) << imported.output;
  return dir;
}

TEST(Cli, UserAddPutsTheAccountInItsUnitOnlyWhenTheUnitExists) {
  auto dir = data_with_units();
  auto ok = run_phobien({"user", "add", "--data", dir, "--email", "xa@hue.gov.vn", "--role", "reporter", "--unit", "19753"},
                        std::string(kPassword) + "\n");
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  auto unknown = run_phobien({"user", "add", "--data", dir, "--email", "khac@hue.gov.vn", "--role", "reporter", "--unit", "99999"},
                             std::string(kPassword) + "\n");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.output.find("không có đơn vị mang mã 99999"), std::string::npos) << unknown.output;
  // Refused before the account was made: the same e-mail can be added once the unit is right.
  auto again = run_phobien({"user", "add", "--data", dir, "--email", "khac@hue.gov.vn", "--role", "reporter", "--unit", "46-STP"},
                           std::string(kPassword) + "\n");
  EXPECT_EQ(again.exit_code, 0) << again.output;
}

TEST(Cli, TokensArePrintedOnceListedAndRevoked) {
  auto dir = data_with_units();
  auto bad_scope = run_phobien({"token", "add", "--data", dir, "--unit", "46", "--scope", "stats:write"});
  EXPECT_EQ(bad_scope.exit_code, 1);
  EXPECT_NE(bad_scope.output.find("Phạm vi «stats:write» không hợp lệ"), std::string::npos) << bad_scope.output;
  EXPECT_EQ(run_phobien({"token", "add", "--data", dir, "--unit", "99", "--scope", "stats:read"}).exit_code, 1);
  auto added = run_phobien({"token", "add", "--data", dir, "--unit", "46", "--scope", "stats:read", "--label", "Bộ Tư pháp"});
  ASSERT_EQ(added.exit_code, 0) << added.output;
  auto at = added.output.find("pbt_");
  ASSERT_NE(at, std::string::npos);
  const std::string secret = added.output.substr(at, added.output.find_first_of(" \n", at) - at);
  auto listed = run_phobien({"token", "list", "--data", dir});
  EXPECT_NE(listed.output.find("Bộ Tư pháp"), std::string::npos);
  EXPECT_NE(listed.output.find("đang dùng"), std::string::npos);
  EXPECT_EQ(listed.output.find(secret), std::string::npos) << "the secret is never shown again";
  EXPECT_EQ(run_phobien({"token", "revoke", "--data", dir, "1"}).exit_code, 0);
  EXPECT_NE(run_phobien({"token", "list", "--data", dir}).output.find("đã thu hồi"), std::string::npos);
  EXPECT_EQ(run_phobien({"token", "revoke", "--data", dir, "1"}).exit_code, 1);
  // A receiver's token for a province that sends to it: the province is not in its own tree.
  auto sender = run_phobien({"token", "add", "--data", dir, "--unit", "79", "--scope", "stats:submit"});
  EXPECT_EQ(sender.exit_code, 0) << sender.output;
  EXPECT_NE(run_phobien({"token", "list", "--data", dir}).output.find("79\tstats:submit"), std::string::npos);
  EXPECT_EQ(run_phobien({"token", "add", "--data", dir, "--unit", "'; x", "--scope", "stats:submit"}).exit_code, 1);
}

TEST(Cli, ThePlanOfTheSeedImportsOnce) {
  auto dir = make_temp_dir();
  std::ofstream(dir + "/tree.json") << R"({"units": [{"code": "46", "name": "Thành phố Huế", "level": "province"},
    {"code": "46-STP", "name": "Sở Tư pháp", "level": "agency", "parent": "46"},
    {"code": "46-SVHTTDL", "name": "Sở Văn hóa, Thể thao và Du lịch", "level": "agency", "parent": "46"},
    {"code": "46-SNV", "name": "Sở Nội vụ", "level": "agency", "parent": "46"},
    {"code": "46-SKHCN", "name": "Sở Khoa học và Công nghệ", "level": "agency", "parent": "46"},
    {"code": "46-SGDDT", "name": "Sở Giáo dục và Đào tạo", "level": "agency", "parent": "46"}]})";
  ASSERT_EQ(run_phobien({"import-units", "--data", dir, dir + "/tree.json"}).exit_code, 0);
  const auto plan = std::string(PHOBIEN_SOURCE_DIR) + "/content/plans/kh-1655-ubnd.json";
  auto first = run_phobien({"import-plan", "--data", dir, plan}, "", {{"PHOBIEN_PROVINCE", "46"}});
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("✓ Đã nhập kế hoạch 1655/KH-UBND: 12 nhiệm vụ."), std::string::npos) << first.output;
  auto again = run_phobien({"import-plan", "--data", dir, plan}, "", {{"PHOBIEN_PROVINCE", "46"}});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.output.find("Đã có kế hoạch số 1655/KH-UBND."), std::string::npos) << again.output;
  // Without the province, its agencies are unknown: nothing is stored.
  auto elsewhere = run_phobien({"import-plan", "--data", make_temp_dir(), plan});
  EXPECT_EQ(elsewhere.exit_code, 1);
}

TEST(Cli, MigrateIsIdempotent) {
  auto dir = make_temp_dir();
  auto first = run_phobien({"migrate", "--data", dir});
  EXPECT_EQ(first.exit_code, 0);
  EXPECT_NE(first.output.find("0001_foundation.sql"), std::string::npos);
  auto second = run_phobien({"migrate", "--data", dir});
  EXPECT_EQ(second.exit_code, 0);
  EXPECT_NE(second.output.find("phiên bản mới nhất"), std::string::npos);
}

TEST(Cli, ImportBankReportsEveryProblemAndStoresNothingOfABrokenFile) {
  auto dir = make_temp_dir();
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir + "/" + name) << text;
    return dir + "/" + name;
  };
  auto good = write("bo-de.json", R"([{"question_id": "1", "question_type": "Đúng/Sai", "text": "Câu hỏi mẫu?", "answer": "Đúng"}])");
  auto broken = write("hong.json", R"([{"question_id": "1", "question_type": "Đúng/Sai", "text": "Câu khác?", "answer": "Đúng"},
                                      {"question_id": "2", "question_type": "Trắc nghiệm", "text": "Thiếu lựa chọn?", "answer": "A"}])");
  auto r = run_phobien({"import-bank", "--data", dir, good, broken});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("✓ " + good + ": đã nhập 1 câu hỏi (chờ duyệt)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("✗ " + broken + ": 1 lỗi, không nhập câu nào"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("mục 2, trường choices:"), std::string::npos) << r.output;
  auto again = run_phobien({"import-bank", "--data", dir, good});
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("đã nhập 0 câu hỏi (chờ duyệt), đã có từ trước 1"), std::string::npos) << again.output;
  // The spreadsheet template saved as CSV by Vietnamese Excel: semicolons.
  auto sheet = write("tuan-1.csv", "Loại câu hỏi;Nội dung câu hỏi;Đáp án\r\nĐúng/Sai;Công dân có quyền tự do cư trú.;Đúng\r\n"
                                   "Một đáp án;Thiếu lựa chọn;B\r\n");
  auto csv = run_phobien({"import-bank", "--data", dir, sheet});
  EXPECT_EQ(csv.exit_code, 1) << csv.output;
  EXPECT_NE(csv.output.find("dòng 3, trường Đáp án:"), std::string::npos) << "spreadsheet rows are lines: " << csv.output;

  auto course = write("khoa-hoc.json", R"({"title": "Kỹ năng tin học cơ bản", "audience": "staff",
    "lessons": [{"title": "Tệp và thư mục", "text": "Đặt tên tệp có ngày."}]})");
  auto created = run_phobien({"create-course", "--data", dir, course});
  EXPECT_EQ(created.exit_code, 0) << created.output;
  EXPECT_NE(created.output.find("✓ Đã tạo khóa học «Kỹ năng tin học cơ bản» (id 1, 1 bài): /khoa-hoc/ky-nang-tin-hoc-co-ban"),
            std::string::npos) << created.output;
  auto missing = write("khong-co-dieu.json", R"({"title": "Tìm hiểu Luật Cư trú", "lessons": [{"title": "Điều 99", "article": "Điều 99 Luật Cư trú"}]})");
  auto refused = run_phobien({"create-course", "--data", dir, missing});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.output.find("lessons.1: Không tìm thấy «Điều 99 Luật Cư trú» trong tủ sách pháp luật."), std::string::npos)
      << refused.output;
}

class BackupTest : public ::testing::TestWithParam<std::string> {};

TEST_P(BackupTest, BackupWhileServingThenRestoreIntoAnEmptyDatabase) {
  TestServer source(GetParam());
  if (!source.available()) GTEST_SKIP() << "PHOBIEN_TEST_PG_URL is not set";
  // Content with an upload, so the copy must carry files too.
  source.add_user("bt@x.vn", auth::Role::editor);
  HttpClient editor = source.client();
  ASSERT_TRUE(editor.login("bt@x.vn", kPassword));
  editor.get("/quan-tri/bai-viet/moi");
  auto created = editor.post_multipart("/quan-tri/bai-viet/moi",
                                       {{"_csrf", editor.csrf()}, {"title", "Bài có ảnh"}, {"category", "tin-tuc"}, {"body_md", "Nội dung"}},
                                       "cover", "a.gif", "GIF89a....");
  ASSERT_EQ(created.status, 303);

  auto file = make_temp_dir() + "/sao-luu.tar.gz";
  auto backup = run_phobien({"backup", "--database", source.config().database_url, "--data", source.config().data_dir, "--out", file});
  ASSERT_EQ(backup.exit_code, 0) << backup.output;
  EXPECT_EQ(source.client().get("/healthz").status, 200) << "the server kept serving";

  for (const std::string& target_backend : {std::string("sqlite"), GetParam()}) {
    TestDatabase target(target_backend);
    auto restored = run_phobien({"restore", file, "--database", target.url(), "--data", target.data_dir()});
    ASSERT_EQ(restored.exit_code, 0) << restored.output;
    auto s = source.database().acquire();
    auto t = target.database().acquire();
    for (const char* table : {"users", "posts", "post_versions", "categories", "audit_log", "post_tags"}) {
      std::string q = std::string("SELECT COUNT(*) FROM ") + table;
      EXPECT_EQ(s->query_int(q), t->query_int(q)) << table << " restored into " << target_backend;
    }
    auto cover = t->query_one("SELECT cover_image FROM posts WHERE title = 'Bài có ảnh'");
    ASSERT_TRUE(cover);
    EXPECT_TRUE(std::filesystem::exists(target.data_dir() + "/uploads/covers/" + cover->text(0)));
    // New rows get fresh ids after a restore (PostgreSQL sequences continue).
    EXPECT_NO_THROW(t->execute("INSERT INTO categories (slug, name) VALUES ('sau-khoi-phuc', 'Sau khôi phục')"));
  }
}

TEST_P(BackupTest, RestoreRejectsGarbage) {
  TestDatabase target(GetParam());
  if (!target.available()) GTEST_SKIP() << "PHOBIEN_TEST_PG_URL is not set";
  auto file = make_temp_dir() + "/hong.tar.gz";
  std::ofstream(file) << "not a tarball";
  auto r = run_phobien({"restore", file, "--database", target.url(), "--data", target.data_dir()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("tệp sao lưu hỏng"), std::string::npos) << r.output;
}

// A table added by a migration must be backed up, or left out on purpose: never forgotten.
TEST_P(BackupTest, EveryTableIsBackedUpOrLeftOutOnPurpose) {
  TestServer server(GetParam());
  if (!server.available()) GTEST_SKIP() << "PHOBIEN_TEST_PG_URL is not set";
  auto c = server.database().acquire();
  std::vector<db::Row> rows = c->dialect() == db::Dialect::sqlite
                                  ? c->query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                                  : c->query("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");
  ASSERT_FALSE(rows.empty());
  for (const auto& r : rows) {
    auto known = [&](const std::vector<std::string>& list) { return std::find(list.begin(), list.end(), r.text(0)) != list.end(); };
    EXPECT_TRUE(known(app::backup_tables()) || known(app::tables_not_backed_up())) << r.text(0);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, BackupTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
