#include "core/file_store.h"

#include "core/random.h"

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <unordered_set>

#include <fcntl.h>
#include <unistd.h>

namespace core {

namespace fs = std::filesystem;

namespace {

// Writes and flushes a new file; false (with nothing half-done but the file itself) on any error.
bool write_synced(const fs::path& path, std::string_view data) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) return false;
  bool ok = true;
  for (std::size_t done = 0; ok && done < data.size();) {
    auto n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) ok = false;
    else done += static_cast<std::size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  return ::close(fd) == 0 && ok;
}

// Makes the rename itself durable. Best effort: some file systems cannot sync a directory.
void sync_directory(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

std::int64_t unix_seconds(fs::file_time_type t) {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::file_clock::to_sys(t).time_since_epoch()).count();
}

}  // namespace

FileStore::FileStore(std::string dir) : dir_(std::move(dir)) {}

std::string FileStore::path(const std::string& stored_name) const { return dir_ + "/" + stored_name; }

std::string FileStore::write(std::string_view data, const std::string& extension) {
  fs::create_directories(dir_);
  std::string name = core::random_token(16) + "." + extension;
  fs::path tmp = path(name + ".tmp");
  std::error_code ec;
  if (!write_synced(tmp, data)) {
    fs::remove(tmp, ec);
    throw std::runtime_error("cannot write " + tmp.string());
  }
  fs::rename(tmp, path(name), ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw std::runtime_error("cannot rename " + tmp.string());
  }
  sync_directory(dir_);
  return name;
}

void FileStore::remove(const std::vector<StoredFile>& files) {
  for (const auto& f : files) {
    std::error_code ec;
    fs::remove(path(f), ec);
  }
}

int FileStore::remove_orphans(const std::vector<std::string>& referenced, std::int64_t before) {
  const std::unordered_set<std::string> keep(referenced.begin(), referenced.end());
  int removed = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    std::error_code file_ec;
    if (!entry.is_regular_file(file_ec) || keep.count(entry.path().filename().string())) continue;
    auto written = entry.last_write_time(file_ec);
    if (file_ec || unix_seconds(written) >= before) continue;
    if (fs::remove(entry.path(), file_ec)) ++removed;
  }
  return removed;
}

}  // namespace core
