#include "support/test_database.h"

#include "core/random.h"
#include "db/migrate.h"

#include <cstdlib>
#include <filesystem>

namespace testing_support {

namespace fs = std::filesystem;

std::string make_temp_dir() {
  auto dir = fs::temp_directory_path() / ("phobien-test-" + core::random_token(8));
  fs::create_directories(dir);
  return dir.string();
}

std::vector<std::string> backends() { return {"sqlite", "postgres"}; }

std::string backend_name(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

TestDatabase::TestDatabase(const std::string& backend) : backend_(backend), dir_(make_temp_dir()) {
  if (backend == "sqlite") {
    url_ = "sqlite:" + dir_ + "/phobien.db";
    return;
  }
  const char* base = std::getenv("PHOBIEN_TEST_PG_URL");
  if (!base || !*base) return;
  schema_ = "t_" + core::sha256_hex(core::random_token(8)).substr(0, 16);
  auto admin = db::open_database(base, 1);
  admin->acquire()->execute_script("CREATE SCHEMA " + schema_);
  std::string url = base;
  url += (url.find('?') == std::string::npos ? "?" : "&");
  url += "options=-csearch_path%3D" + schema_;
  url_ = url;
}

TestDatabase::~TestDatabase() {
  database_.reset();
  if (!schema_.empty()) {
    try {
      db::open_database(std::getenv("PHOBIEN_TEST_PG_URL"), 1)->acquire()->execute_script("DROP SCHEMA " + schema_ + " CASCADE");
    } catch (...) {
    }
  }
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

db::Database& TestDatabase::database() {
  if (!database_) {
    database_ = db::open_database(url_, 8);
    db::migrate(*database_);
  }
  return *database_;
}

}  // namespace testing_support
