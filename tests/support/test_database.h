#pragma once
// Fresh, isolated databases for tests on every backend: a new SQLite file, or a new schema in
// the PostgreSQL server named by PHOBIEN_TEST_PG_URL (make test starts one when none is set).
#include "db/database.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace testing_support {

class TestDatabase {
 public:
  // backend: "sqlite" or "postgres". Skips (via `available`) when PostgreSQL is not configured.
  explicit TestDatabase(const std::string& backend);
  ~TestDatabase();
  bool available() const { return !url_.empty(); }
  const std::string& url() const { return url_; }
  const std::string& data_dir() const { return dir_; }
  // Opens (once) and migrates.
  db::Database& database();

 private:
  std::string backend_;
  std::string dir_;
  std::string url_;
  std::string schema_;
  std::unique_ptr<db::Database> database_;
};

std::vector<std::string> backends();
// A temporary directory removed at the end of the test.
std::string make_temp_dir();
std::string backend_name(const ::testing::TestParamInfo<std::string>& info);

}  // namespace testing_support
