// `phobien restore` cannot destroy data: every broken archive (missing or truncated file, wrong
// counts, a crafted column name, a link, a path out of the archive) is refused before anything is
// touched, on a database that already holds a site; and work queued in a backup is not redone.
#include "support/fixtures.h"
#include "support/process.h"
#include "support/test_database.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

namespace {

using namespace testing_support;
namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

int shell(const std::string& command) { return std::system(command.c_str()); }

class RestoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    source_ = std::make_unique<TestDatabase>(GetParam());
    if (!source_->available()) GTEST_SKIP() << "PHOBIEN_TEST_PG_URL is not set";
    auto c = source_->database().acquire();
    c->execute("INSERT INTO categories (slug, name) VALUES ('trong-sao-luu', 'Trong bản sao lưu')");
    c->execute("INSERT INTO mail_outbox (recipient, subject, body, status, next_attempt_at, created_at) "
               "VALUES ('a@example.vn', 'Chờ gửi', 'x', 'queued', 0, 0)");
    c->execute("INSERT INTO mail_outbox (recipient, subject, body, status, next_attempt_at, created_at, sent_at) "
               "VALUES ('b@example.vn', 'Đã gửi', 'x', 'sent', 0, 0, 1)");
    fs::create_directories(source_->data_dir() + "/uploads/covers");
    write_file(source_->data_dir() + "/uploads/covers/anh.gif", "GIF89a");
    backup_ = make_temp_dir() + "/sao-luu.tar.gz";
    auto made = run_phobien({"backup", "--database", source_->url(), "--data", source_->data_dir(), "--out", backup_});
    ASSERT_EQ(made.exit_code, 0) << made.output;

    // The site a bad archive must leave alone: the backup restored, then a change of its own.
    target_ = std::make_unique<TestDatabase>(GetParam());
    auto restored = run_phobien({"restore", backup_, "--database", target_->url(), "--data", target_->data_dir()});
    ASSERT_EQ(restored.exit_code, 0) << restored.output;
    target_->database().acquire()->execute("INSERT INTO categories (slug, name) VALUES ('sau-sao-luu', 'Sau bản sao lưu')");
    write_file(target_->data_dir() + "/uploads/covers/anh.gif", "GIF89a-moi");
  }

  std::int64_t count(const std::string& sql) { return target_->database().acquire()->query_int(sql); }

  // The backup unpacked, changed by `edit`, packed again with `tar_flags`; then restored.
  CommandResult restore_edited(const std::function<void(const fs::path&)>& edit, const std::string& tar_flags = "") {
    fs::path dir = make_temp_dir();
    EXPECT_EQ(shell("tar -xzf '" + backup_ + "' -C '" + dir.string() + "'"), 0);
    edit(dir);
    std::string edited = make_temp_dir() + "/sua.tar.gz";
    EXPECT_EQ(shell("cd '" + dir.string() + "' && tar " + tar_flags + " -czf '" + edited + "' $(ls -A)"), 0);
    return run_phobien({"restore", edited, "--database", target_->url(), "--data", target_->data_dir()});
  }

  void expect_refused_and_untouched(const CommandResult& r, const std::string& reason) {
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("dữ liệu hiện có được giữ nguyên"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(reason), std::string::npos) << r.output;
    EXPECT_EQ(count("SELECT COUNT(*) FROM categories WHERE slug = 'sau-sao-luu'"), 1) << "the site's own change is still there";
    EXPECT_EQ(count("SELECT COUNT(*) FROM categories WHERE slug = 'trong-sao-luu'"), 1);
    EXPECT_EQ(read_file(target_->data_dir() + "/uploads/covers/anh.gif"), "GIF89a-moi");
  }

  std::unique_ptr<TestDatabase> source_, target_;
  std::string backup_;
};

TEST_P(RestoreTest, QueuedMailInABackupIsNotSentAgain) {
  EXPECT_EQ(count("SELECT COUNT(*) FROM mail_outbox WHERE status = 'queued'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mail_outbox WHERE status = 'failed' AND last_error LIKE 'restored from a backup%'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mail_outbox WHERE status = 'sent'"), 1);
}

TEST_P(RestoreTest, AMissingFileIsRefused) {
  expect_refused_and_untouched(restore_edited([](const fs::path& d) { fs::remove(d / "database.jsonl"); }), "thiếu tệp database.jsonl");
  expect_refused_and_untouched(restore_edited([](const fs::path& d) { fs::remove(d / "manifest.json"); }), "thiếu tệp manifest.json");
}

TEST_P(RestoreTest, ATruncatedOrMiscountedArchiveIsRefused) {
  expect_refused_and_untouched(restore_edited([](const fs::path& d) {
                                 std::string rows = read_file(d / "database.jsonl");
                                 rows.erase(rows.rfind('\n', rows.size() - 2) + 1);  // the last row gone
                                 write_file(d / "database.jsonl", rows);
                               }),
                               "tệp bị cắt hoặc bị sửa");
  expect_refused_and_untouched(restore_edited([](const fs::path& d) {
                                 std::string rows = read_file(d / "database.jsonl");
                                 write_file(d / "database.jsonl", rows.substr(0, rows.size() / 2));  // cut mid-row
                               }),
                               "database.jsonl");
  expect_refused_and_untouched(restore_edited([](const fs::path& d) {
                                 auto m = nlohmann::json::parse(read_file(d / "manifest.json"));
                                 m["tables"]["categories"]["rows"] = m["tables"]["categories"]["rows"].get<int>() + 1;
                                 write_file(d / "manifest.json", m.dump());
                               }),
                               "bảng categories có");
}

TEST_P(RestoreTest, ACraftedColumnOrTableNameNeverReachesSql) {
  expect_refused_and_untouched(restore_edited([](const fs::path& d) {
                                 auto m = nlohmann::json::parse(read_file(d / "manifest.json"));
                                 m["tables"]["categories"]["columns"][0] = "id) VALUES (1); DROP TABLE users; --";
                                 write_file(d / "manifest.json", m.dump());
                               }),
                               "không có trong cơ sở dữ liệu");
  expect_refused_and_untouched(restore_edited([](const fs::path& d) {
                                 auto m = nlohmann::json::parse(read_file(d / "manifest.json"));
                                 m["tables"]["users; DROP TABLE posts"] = {{"columns", {"id"}}, {"rows", 0}};
                                 write_file(d / "manifest.json", m.dump());
                               }),
                               "không thuộc bản sao lưu");
  EXPECT_GT(count("SELECT COUNT(*) FROM users") + 1, 0) << "the users table is still there";
}

TEST_P(RestoreTest, LinksAndPathsOutOfTheArchiveAreRefused) {
  expect_refused_and_untouched(restore_edited([](const fs::path& d) {
                                 fs::create_symlink("/etc/passwd", d / "uploads" / "covers" / "lien-ket.gif");
                               }),
                               "liên kết");
  fs::path outside = make_temp_dir();
  expect_refused_and_untouched(restore_edited(
                                   [&](const fs::path& d) {
                                     write_file(outside / "ngoai.txt", "x");
                                     fs::create_directories(d / "uploads" / "sub");
                                     // Packed below as "uploads/sub/../../../<outside>/ngoai.txt"-like: a member with "..".
                                     fs::copy_file(outside / "ngoai.txt", d / "ngoai.txt");
                                   },
                                   "-P --transform 's,^ngoai.txt,uploads/../../ngoai.txt,'"),
                               "trỏ ra ngoài bản sao lưu");
}

INSTANTIATE_TEST_SUITE_P(Backends, RestoreTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
