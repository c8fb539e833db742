#include "core/file_store.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <stdlib.h>

namespace core {

namespace fs = std::filesystem;

class FileStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "phobien-store-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string dir() const { return (root_ / "consult").string(); }
  static std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  // A file last written `hours` ago.
  void put(const std::string& name, int hours) {
    std::ofstream(dir() + "/" + name) << "x";
    fs::last_write_time(dir() + "/" + name, fs::file_time_type::clock::now() - std::chrono::hours(hours));
  }
  static std::int64_t hours_ago(int hours) {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count() -
           hours * 3600;
  }

  fs::path root_;
};

TEST_F(FileStoreTest, WritesUnderARandomNameWithNothingLeftBehind) {
  FileStore store(dir());
  auto a = store.write("%PDF-1.4 nội dung", "pdf");
  auto b = store.write("%PDF-1.4 nội dung", "pdf");
  EXPECT_NE(a, b);
  EXPECT_TRUE(a.ends_with(".pdf")) << a;
  EXPECT_EQ(read(store.path(a)), "%PDF-1.4 nội dung");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir()), fs::directory_iterator()), 2) << "no temporary file remains";
  store.remove({{0, "", a, "", 0}, {0, "", "da-xoa.pdf", "", 0}});
  EXPECT_FALSE(fs::exists(store.path(a)));
  EXPECT_TRUE(fs::exists(store.path(b)));
}

TEST_F(FileStoreTest, WriteFailureThrowsAndLeavesNoFile) {
  fs::create_directories(root_);
  std::ofstream(root_ / "not-a-directory") << "x";
  FileStore store((root_ / "not-a-directory").string());
  EXPECT_ANY_THROW(store.write("data", "pdf"));
}

TEST_F(FileStoreTest, OrphansOlderThanTheGracePeriodGo) {
  FileStore store(dir());
  fs::create_directories(dir());
  put("referenced-old.pdf", 48);
  put("orphan-old.pdf", 48);
  put("orphan-new.pdf", 1);     // perhaps a question still being stored
  put("crashed.png.tmp", 48);   // a write that never finished
  EXPECT_EQ(store.remove_orphans({"referenced-old.pdf"}, hours_ago(24)), 2);
  EXPECT_TRUE(fs::exists(store.path("referenced-old.pdf")));
  EXPECT_TRUE(fs::exists(store.path("orphan-new.pdf")));
  EXPECT_FALSE(fs::exists(store.path("orphan-old.pdf")));
  EXPECT_FALSE(fs::exists(store.path("crashed.png.tmp")));
  EXPECT_EQ(store.remove_orphans({"referenced-old.pdf"}, hours_ago(24)), 0) << "nothing left to remove";
}

TEST_F(FileStoreTest, NoDirectoryYetIsNothingToClean) {
  FileStore store(dir());
  EXPECT_EQ(store.remove_orphans({}, hours_ago(0)), 0);
}

}  // namespace core
