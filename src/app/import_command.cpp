#include "app/import_command.h"

#include "db/change_feed.h"
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

}  // namespace app
