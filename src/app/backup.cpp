#include "app/backup.h"

#include "app/modules.h"

#include "core/process.h"
#include "core/random.h"
#include "core/resources.h"
#include "core/time.h"
#include "db/migrate.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace app {

namespace fs = std::filesystem;

const std::vector<std::string>& backup_tables() {
  static const std::vector<std::string> tables = [] {
    std::vector<std::string> names;
    for (const auto& t : all_tables())
      if (t.backed_up) names.push_back(t.table);
    return names;
  }();
  return tables;
}

const std::vector<std::string>& tables_not_backed_up() {
  static const std::vector<std::string> tables = [] {
    std::vector<std::string> names;
    for (const auto& t : all_tables())
      if (!t.backed_up) names.push_back(t.table);
    return names;
  }();
  return tables;
}

namespace {
struct TempDir {
  fs::path path;
  TempDir() : path(fs::temp_directory_path() / ("phobien-backup-" + core::random_token(8))) { fs::create_directories(path); }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::vector<std::string> column_names(db::Connection& c, const std::string& table) {
  std::vector<std::string> cols;
  if (c.dialect() == db::Dialect::sqlite) {
    for (const auto& r : c.query("SELECT name FROM pragma_table_info(?) ORDER BY cid", {table})) cols.push_back(r.text(0));
  } else {
    for (const auto& r : c.query("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                                 "AND table_name = ? ORDER BY ordinal_position", {table}))
      cols.push_back(r.text(0));
  }
  return cols;
}

std::vector<std::string> applied_migrations(db::Connection& c) {
  std::vector<std::string> names;
  for (const auto& r : c.query("SELECT name FROM schema_migrations ORDER BY name")) names.push_back(r.text(0));
  return names;
}
}  // namespace

std::string backup(db::Database& database, const std::string& uploads_dir, const std::string& out_file) {
  TempDir tmp;
  nlohmann::json manifest = {{"format", 1}, {"created_at", core::format_rfc3339(core::now_unix())}};
  std::size_t total_rows = 0;
  {
    auto c = database.acquire();
    // One snapshot for every table, without blocking writers.
    c->execute_script(c->dialect() == db::Dialect::postgres ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");
    manifest["migrations"] = applied_migrations(*c);
    std::ofstream out(tmp.path / "database.jsonl", std::ios::binary);
    for (const auto& table : backup_tables()) {
      auto cols = column_names(*c, table);
      if (cols.empty()) throw std::runtime_error("bảng " + table + " không tồn tại");
      std::string list;
      for (const auto& col : cols) list += (list.empty() ? "" : ", ") + col;
      auto rows = c->query("SELECT " + list + " FROM " + table + " ORDER BY 1");
      manifest["tables"][table] = {{"columns", cols}, {"rows", rows.size()}};
      for (const auto& r : rows) {
        nlohmann::json values = nlohmann::json::array();
        for (std::size_t i = 0; i < r.size(); ++i) values.push_back(r.is_null(i) ? nlohmann::json(nullptr) : nlohmann::json(r.text(i)));
        out << nlohmann::json{{"t", table}, {"v", values}}.dump() << '\n';
      }
      total_rows += rows.size();
    }
    c->rollback();
    if (!out) throw std::runtime_error("không ghi được tệp tạm");
  }
  std::ofstream(tmp.path / "manifest.json") << manifest.dump(2) << '\n';
  // Uploads are written once under random names and never changed, so a plain copy taken after
  // the snapshot holds every file the snapshot refers to.
  fs::create_directories(tmp.path / "uploads");
  if (fs::exists(uploads_dir)) fs::copy(uploads_dir, tmp.path / "uploads", fs::copy_options::recursive);

  fs::path out_path = fs::absolute(out_file);
  fs::path partial = out_path.string() + ".partial";
  if (core::run_program({"tar", "-czf", partial.string(), "-C", tmp.path.string(), "manifest.json", "database.jsonl", "uploads"}) != 0)
    throw std::runtime_error("tar không tạo được tệp sao lưu " + out_path.string());
  fs::rename(partial, out_path);
  return "Đã sao lưu " + std::to_string(total_rows) + " dòng dữ liệu và tệp tải lên vào " + out_path.string();
}

std::string restore(db::Database& database, const std::string& uploads_dir, const std::string& in_file) {
  if (!fs::is_regular_file(in_file)) throw std::runtime_error("không tìm thấy tệp sao lưu " + in_file);
  TempDir tmp;
  if (core::run_program({"tar", "-xzf", in_file, "-C", tmp.path.string()}) != 0)
    throw std::runtime_error("tệp sao lưu hỏng hoặc không phải .tar.gz: " + in_file);
  nlohmann::json manifest;
  try {
    std::ifstream in(tmp.path / "manifest.json");
    manifest = nlohmann::json::parse(in);
  } catch (const std::exception&) {
    throw std::runtime_error("tệp sao lưu thiếu manifest.json hợp lệ: " + in_file);
  }
  if (manifest.value("format", 0) != 1) throw std::runtime_error("định dạng sao lưu không được hỗ trợ");

  db::migrate(database);
  auto c = database.acquire();
  auto ours = applied_migrations(*c);
  for (const auto& m : manifest["migrations"])
    if (std::find(ours.begin(), ours.end(), m.get<std::string>()) == ours.end())
      throw std::runtime_error("bản sao lưu được tạo bởi phiên bản PhoBien mới hơn (migration " + m.get<std::string>() + ")");

  std::size_t total_rows = 0;
  db::Transaction tx(*c);
  const auto& tables = backup_tables();
  for (auto it = tables.rbegin(); it != tables.rend(); ++it) c->execute("DELETE FROM " + *it);
  std::ifstream in(tmp.path / "database.jsonl");
  std::string line;
  std::map<std::string, std::string> insert_sql;
  for (const auto& table : tables) {
    const auto& cols = manifest["tables"][table]["columns"];
    std::string names, marks;
    for (const auto& col : cols) {
      names += (names.empty() ? "" : ", ") + col.get<std::string>();
      marks += marks.empty() ? "?" : ", ?";
    }
    insert_sql[table] = "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")";
  }
  while (std::getline(in, line)) {
    auto row = nlohmann::json::parse(line);
    auto sql = insert_sql.find(row.at("t").get<std::string>());
    if (sql == insert_sql.end()) throw std::runtime_error("bảng không xác định trong bản sao lưu");
    db::Params params;
    for (const auto& v : row.at("v")) params.push_back(v.is_null() ? db::Value(db::Null{}) : db::Value(v.get<std::string>()));
    c->execute(sql->second, params);
    ++total_rows;
  }
  if (c->dialect() == db::Dialect::postgres) {
    // Serial columns continue after the restored ids.
    for (const auto& table : tables) {
      const auto& cols = manifest["tables"][table]["columns"];
      if (std::find(cols.begin(), cols.end(), "id") == cols.end()) continue;
      auto seq = c->query_one("SELECT pg_get_serial_sequence(?, 'id')", {table});
      if (seq && !seq->is_null(0))
        c->query("SELECT setval(?, COALESCE((SELECT MAX(id) FROM " + table + "), 0) + 1, false)", {seq->text(0)});
    }
  }
  c->execute("INSERT INTO change_log (topic, at) VALUES ('restore', ?)", {core::now_unix()});
  tx.commit();

  if (fs::exists(tmp.path / "uploads")) {
    fs::create_directories(uploads_dir);
    fs::copy(tmp.path / "uploads", uploads_dir, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  }
  return "Đã khôi phục " + std::to_string(total_rows) + " dòng dữ liệu từ " + in_file;
}

}  // namespace app
