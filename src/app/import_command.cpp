#include "app/import_command.h"

#include "consult/archive_import.h"
#include "core/time.h"
#include "db/change_feed.h"
#include "learning/bank_files.h"
#include "learning/question_bank.h"
#include "library/library_service.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace app {

namespace fs = std::filesystem;

namespace {
bool importable(const fs::path& p) {
  auto name = p.filename().string();
  return name.ends_with(".json") || name.ends_with(".json.gz") || name.ends_with(".md") || name.ends_with(".txt");
}

std::vector<fs::path> expand(const std::vector<std::string>& paths, std::ostream& out, int& failures) {
  std::vector<fs::path> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> found;
      for (const auto& e : fs::recursive_directory_iterator(p, ec))
        if (e.is_regular_file() && importable(e.path())) found.push_back(e.path());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(p, ec)) {
      files.emplace_back(p);
    } else {
      out << "✗ " << p << ": không tìm thấy tệp\n";
      ++failures;
    }
  }
  return files;
}
}  // namespace

int import_paths(db::Database& database, const std::vector<std::string>& paths, std::ostream& out) {
  int failures = 0;
  db::ChangeFeed changes;  // a separate process: running servers see the change log
  library::LibraryService service(database, changes);
  auto started = std::chrono::steady_clock::now();
  std::size_t documents = 0, articles = 0;
  for (const auto& path : expand(paths, out, failures)) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto report = service.import_file(buffer.str(), path.string(), {std::nullopt, "cli"});
    if (!report.ok()) {
      out << "✗ " << path.string() << ": " << report.error->where << ": " << report.error->message << " (không nhập gì từ tệp này)\n";
      ++failures;
      continue;
    }
    std::size_t file_articles = 0, created = 0;
    for (const auto& d : report.documents) {
      file_articles += d.counts.articles;
      created += d.created;
    }
    out << "✓ " << path.string() << " (" << report.format << "): " << report.documents.size() << " văn bản ("
        << created << " mới, " << report.documents.size() - created << " cập nhật), " << file_articles << " điều\n";
    for (const auto& d : report.documents)
      for (const auto& note : d.notes) out << "    " << d.title << ": " << note << "\n";
    documents += report.documents.size();
    articles += file_articles;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  out << "Tổng cộng: " << documents << " văn bản, " << articles << " điều, " << failures << " tệp lỗi, "
      << static_cast<int>(seconds * 1000) / 1000.0 << " giây\n";
  return failures;
}

int import_qa_file(db::Database& database, const std::string& path, bool publish, std::ostream& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out << "✗ " << path << ": không đọc được tệp (cannot read the file)\n";
    return 1;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  db::ChangeFeed changes;  // running servers see the change log
  consult::ArchiveImportOptions options;
  auto name = fs::path(path).filename().string();
  options.archive = name.substr(0, name.find('.'));
  options.publish = publish;
  auto started = std::chrono::steady_clock::now();
  auto report = consult::import_qa_archive(database, changes, buffer.str(), options, core::now_unix());
  if (!report) {
    out << "✗ " << path << ": " << report.error().message << " (không nhập gì)\n";
    return 1;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const auto& r = *report;
  out << "✓ " << path << ": " << r.items << " mục, đã nhập " << r.imported;
  if (publish) out << " (công bố " << r.published << ", chờ kiểm duyệt vì có thông tin cá nhân " << r.held << ")";
  else out << " (chờ kiểm duyệt để công bố)";
  out << ", đã có từ trước " << r.already << ", bỏ qua vì điều luật chưa có trong tủ sách " << r.unresolved
      << ", không hợp lệ " << r.invalid << ", " << static_cast<int>(seconds * 1000) / 1000.0 << " giây\n";
  out << "  " << r.items << " items: imported " << r.imported;
  if (publish) out << " (published " << r.published << ", held for review " << r.held << ")";
  out << ", already imported " << r.already << ", skipped for articles not in the library " << r.unresolved
      << ", invalid " << r.invalid << "\n";
  if (!r.unknown_articles.empty()) {
    out << "  Điều luật không có trong tủ sách (articles not in the library, " << r.unknown_articles.size() << "):";
    for (std::size_t i = 0; i < r.unknown_articles.size() && i < 30; ++i) out << (i ? "; " : " ") << r.unknown_articles[i];
    if (r.unknown_articles.size() > 30) out << "; …";
    out << "\n";
  }
  for (const auto& p : r.problems) out << "  " << p << "\n";
  return 0;
}

int import_bank_files(db::Database& database, const std::vector<std::string>& paths, bool publish, std::ostream& out) {
  learning::QuestionBank bank(database);
  int failures = 0;
  for (const auto& path : paths) {
    std::error_code size_error;
    if (fs::file_size(path, size_error) > learning::kMaxBankFileBytes && !size_error) {
      out << "✗ " << path << ": tệp lớn quá " << (learning::kMaxBankFileBytes >> 20) << " MB (file too large)\n";
      ++failures;
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    std::string text;
    if (in) {
      std::stringstream buffer;
      buffer << in.rdbuf();
      text = buffer.str();
    }
    if (!in) {
      out << "✗ " << path << ": không đọc được tệp (cannot read the file)\n";
      ++failures;
      continue;
    }
    auto parsed = learning::parse_bank_file(text, fs::path(path).filename().string());
    auto result = bank.import(parsed, {publish, {std::nullopt, "cli"}}, core::now_unix());
    if (!result.problems.empty()) {
      out << "✗ " << path << ": " << result.problems.size() << " lỗi, không nhập câu nào (" << result.problems.size()
          << " problems, nothing imported):\n";
      std::size_t shown = 0;
      for (const auto& p : result.problems) {
        if (++shown > 50) {
          out << "  … và " << result.problems.size() - 50 << " lỗi khác\n";
          break;
        }
        out << "  " << learning::describe(p, parsed.row_word) << "\n";
      }
      ++failures;
      continue;
    }
    out << "✓ " << path << ": đã nhập " << result.imported << " câu hỏi" << (publish ? " (đã duyệt)" : " (chờ duyệt)")
        << ", đã có từ trước " << result.already << ", bỏ qua " << result.skipped << " câu tự luận\n";
  }
  return failures;
}

}  // namespace app
