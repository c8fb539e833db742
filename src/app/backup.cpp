#include "app/backup.h"

#include "app/modules.h"

#include "core/json_depth.h"
#include "core/process.h"
#include "core/random.h"
#include "core/resources.h"
#include "core/time.h"
#include "db/migrate.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

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

namespace {
// Any problem found while checking an archive: nothing has been changed yet.
[[noreturn]] void refuse(const std::string& why) {
  throw std::runtime_error("bản sao lưu không dùng được, dữ liệu hiện có được giữ nguyên: " + why);
}

// Every name in the archive is relative and stays inside it (no "/" at the start, no ".."). Read
// with `tar -t` before anything is extracted.
void check_member_names(const std::string& in_file, const fs::path& scratch) {
  fs::path listing = scratch / "listing.txt";
  if (core::run_program({"sh", "-c", "tar -tzf \"$0\" > \"$1\"", in_file, listing.string()}) != 0)
    throw std::runtime_error("tệp sao lưu hỏng hoặc không phải .tar.gz: " + in_file);
  std::ifstream names(listing);
  std::string name;
  while (std::getline(names, name)) {
    if (name.starts_with("/")) refuse("tệp " + name + " có đường dẫn tuyệt đối");
    for (const auto& part : fs::path(name))
      if (part == "..") refuse("tệp " + name + " trỏ ra ngoài bản sao lưu");
  }
}

// Only plain files and folders: a link could make the copy of uploads read or write elsewhere.
void check_member_kinds(const fs::path& root) {
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    auto status = it->symlink_status();
    if (!fs::is_regular_file(status) && !fs::is_directory(status))
      refuse("tệp " + fs::relative(it->path(), root).string() + " là liên kết hoặc tệp đặc biệt");
  }
}

// The archive's tables and columns, each checked against this database's schema: an unknown
// table or column refuses the archive, so no name from the archive ever reaches SQL.
struct ArchiveTable {
  std::vector<std::string> columns;  // live column names, in the archive's order
  std::size_t rows = 0;              // as the manifest says
};

std::map<std::string, ArchiveTable> check_tables(db::Connection& c, const nlohmann::json& manifest) {
  const auto& tables = manifest.find("tables");
  if (tables == manifest.end() || !tables->is_object()) refuse("manifest.json không có danh sách bảng");
  std::map<std::string, ArchiveTable> out;
  const auto& ours = backup_tables();
  for (const auto& [table, about] : tables->items()) {
    auto known = std::find(ours.begin(), ours.end(), table);
    if (known == ours.end()) refuse("bảng \"" + table + "\" không thuộc bản sao lưu của PhoBien");
    if (!about.is_object() || !about.contains("columns") || !about["columns"].is_array() || !about.contains("rows") ||
        !about["rows"].is_number_unsigned())
      refuse("mô tả bảng " + table + " trong manifest.json không hợp lệ");
    auto live = column_names(c, *known);
    ArchiveTable t;
    for (const auto& col : about["columns"]) {
      auto match = col.is_string() ? std::find(live.begin(), live.end(), col.get<std::string>()) : live.end();
      if (match == live.end()) refuse("bảng " + table + " có cột \"" + (col.is_string() ? col.get<std::string>() : col.dump()) + "\" không có trong cơ sở dữ liệu");
      if (std::find(t.columns.begin(), t.columns.end(), *match) != t.columns.end()) refuse("bảng " + table + " có cột trùng tên");
      t.columns.push_back(*match);
    }
    if (t.columns.empty()) refuse("bảng " + table + " không có cột nào");
    t.rows = about["rows"].get<std::size_t>();
    out.emplace(*known, std::move(t));
  }
  return out;
}

// One row of database.jsonl, checked: a table of the manifest, as many values as its columns,
// each null or a string.
struct ArchiveRow {
  std::string table;
  db::Params values;
};

ArchiveRow read_row(const std::string& line, std::size_t number, const std::map<std::string, ArchiveTable>& tables) {
  auto where = [&] { return "dòng " + std::to_string(number) + " của database.jsonl"; };
  if (!core::json_depth_within(line, 4)) refuse(where() + " không hợp lệ");
  auto row = nlohmann::json::parse(line, nullptr, false);
  if (!row.is_object() || !row.contains("t") || !row["t"].is_string() || !row.contains("v") || !row["v"].is_array())
    refuse(where() + " không hợp lệ");
  auto table = tables.find(row["t"].get<std::string>());
  if (table == tables.end()) refuse(where() + " thuộc bảng không có trong manifest.json");
  if (row["v"].size() != table->second.columns.size()) refuse(where() + " có số giá trị khác số cột");
  ArchiveRow out{table->first, {}};
  for (const auto& v : row["v"]) {
    if (v.is_null()) out.values.push_back(db::Value(db::Null{}));
    else if (v.is_string()) out.values.push_back(db::Value(v.get<std::string>()));
    else refuse(where() + " có giá trị không phải chuỗi");
  }
  return out;
}

// Reads database.jsonl once, whole, and compares each table's count with the manifest's.
void check_rows(const fs::path& file, const std::map<std::string, ArchiveTable>& tables) {
  std::ifstream in(file);
  std::map<std::string, std::size_t> counted;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) counted[read_row(line, ++number, tables).table]++;
  if (in.bad()) refuse("không đọc được database.jsonl");
  for (const auto& [table, t] : tables)
    if (counted[table] != t.rows)
      refuse("bảng " + table + " có " + std::to_string(counted[table]) + " dòng, manifest.json ghi " + std::to_string(t.rows) +
             " (tệp bị cắt hoặc bị sửa)");
}

// Copies the archive's uploads into `uploads_dir` without replacing any file there: uploads are
// written once under random names, so an existing name is the same file; a restore that fails
// later leaves only files no row refers to (the orphan clean-up removes them).
void copy_uploads(const fs::path& from, const fs::path& uploads_dir) {
  if (!fs::exists(from)) return;
  fs::create_directories(uploads_dir);
  fs::copy(from, uploads_dir, fs::copy_options::recursive | fs::copy_options::skip_existing);
}
}  // namespace

std::string restore(db::Database& database, const std::string& uploads_dir, const std::string& in_file) {
  if (!fs::is_regular_file(in_file)) throw std::runtime_error("không tìm thấy tệp sao lưu " + in_file);
  TempDir tmp;
  const fs::path root = tmp.path / "archive";
  fs::create_directories(root);
  // 1. Check everything, change nothing.
  check_member_names(in_file, tmp.path);
  if (core::run_program({"tar", "-xzf", in_file, "-C", root.string(), "--no-same-owner", "--no-same-permissions"}) != 0)
    throw std::runtime_error("tệp sao lưu hỏng hoặc không phải .tar.gz: " + in_file);
  check_member_kinds(root);
  for (const char* required : {"manifest.json", "database.jsonl"})
    if (!fs::is_regular_file(root / required)) refuse("thiếu tệp " + std::string(required));
  nlohmann::json manifest;
  {
    std::ifstream in(root / "manifest.json");
    manifest = nlohmann::json::parse(in, nullptr, false);
  }
  if (!manifest.is_object()) refuse("manifest.json không hợp lệ");
  if (manifest.value("format", 0) != 1) refuse("định dạng sao lưu không được hỗ trợ");

  db::migrate(database);
  auto c = database.acquire();
  auto ours = applied_migrations(*c);
  if (!manifest.contains("migrations") || !manifest["migrations"].is_array()) refuse("manifest.json thiếu danh sách migration");
  for (const auto& m : manifest["migrations"])
    if (!m.is_string() || std::find(ours.begin(), ours.end(), m.get<std::string>()) == ours.end())
      throw std::runtime_error("bản sao lưu được tạo bởi phiên bản PhoBien mới hơn (migration " + m.dump() + ")");
  const auto tables = check_tables(*c, manifest);
  check_rows(root / "database.jsonl", tables);

  // 2. Files first (never replacing one), then every row in one transaction.
  copy_uploads(root / "uploads", uploads_dir);
  std::size_t total_rows = 0;
  db::Transaction tx(*c);
  const auto& all = backup_tables();
  for (auto it = all.rbegin(); it != all.rend(); ++it) c->execute("DELETE FROM " + *it);
  std::map<std::string, std::string> insert_sql;
  for (const auto& [table, t] : tables) {
    std::string names, marks;
    for (const auto& col : t.columns) {
      names += (names.empty() ? "" : ", ") + col;
      marks += marks.empty() ? "?" : ", ?";
    }
    insert_sql[table] = "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")";
  }
  std::ifstream in(root / "database.jsonl");
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    auto row = read_row(line, ++number, tables);
    c->execute(insert_sql.at(row.table), row.values);
    ++total_rows;
  }
  if (c->dialect() == db::Dialect::postgres) {
    // Serial columns continue after the restored ids.
    for (const auto& [table, t] : tables) {
      if (std::find(t.columns.begin(), t.columns.end(), "id") == t.columns.end()) continue;
      auto seq = c->query_one("SELECT pg_get_serial_sequence(?, 'id')", {table});
      if (seq && !seq->is_null(0))
        c->query("SELECT setval(?, COALESCE((SELECT MAX(id) FROM " + table + "), 0) + 1, false)", {seq->text(0)});
    }
  }
  // Work that was in flight when the backup was taken (mail, chat replies) is not done again.
  for (const auto& t : all_tables())
    if (!t.after_restore.empty()) c->execute(t.after_restore);
  c->execute("INSERT INTO change_log (topic, at) VALUES ('restore', ?)", {core::now_unix()});
  tx.commit();
  return "Đã khôi phục " + std::to_string(total_rows) + " dòng dữ liệu từ " + in_file;
}

}  // namespace app
