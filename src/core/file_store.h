#pragma once
// Uploaded files of one kind under one directory (citizens' attachments in <uploads>/consult,
// expert photos in <uploads>/experts, evidence of plan tasks in <uploads>/plans), each under a
// random name; the database rows (StoredFile) say which belong to what.
//
// Writing is crash-safe: the bytes go to "<name>.tmp", are flushed to disk (fsync), the file is
// renamed to its name and the directory is flushed, so a name never shows a half-written file.
// Callers write files before the transaction that adds their rows (PendingFiles removes them again
// when it fails); a crash in between leaves a file no row references, which remove_orphans deletes
// once it is older than a grace period (a scheduled duty). Thread-safe: every call works on
// distinct random names, and removing a file that is already gone is no error.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// A file as its row records it.
struct StoredFile {
  std::int64_t id = 0;
  std::string display_name;  // core::attachment_display_name: safe to show and to offer as a download name
  std::string stored_name;   // the name in the store's directory
  std::string content_type;  // set by the upload check (core/attachment.h)
  std::int64_t size = 0;
};

// How long a file no row references is kept before it counts as orphaned: a file is written before
// the transaction that adds its row, an upload in progress is seconds old, so a day leaves room for
// any transaction and for clocks that disagree a little.
inline constexpr std::int64_t kOrphanGraceSeconds = 24 * 3600;

class FileStore {
 public:
  explicit FileStore(std::string dir);

  const std::string& dir() const { return dir_; }
  std::string path(const std::string& stored_name) const;
  std::string path(const StoredFile& a) const { return path(a.stored_name); }

  // Stores `data` as a new file named "<random>.<extension>" and returns the name; throws
  // std::runtime_error when the file cannot be written (nothing is left behind).
  std::string write(std::string_view data, const std::string& extension);
  // Best effort: files that are already gone are skipped.
  void remove(const std::vector<StoredFile>& files);
  // Deletes every file of the directory (left-over ".tmp" files too) whose name is not in
  // `referenced` and that was last written before `before` (Unix seconds). Returns how many.
  int remove_orphans(const std::vector<std::string>& referenced, std::int64_t before);

 private:
  std::string dir_;
};

// Attachments written before the transaction that makes them reachable: removed again when this
// goes out of scope, unless keep() was called after the commit.
class PendingFiles {
 public:
  explicit PendingFiles(FileStore& store) : store_(store) {}
  PendingFiles(const PendingFiles&) = delete;
  PendingFiles& operator=(const PendingFiles&) = delete;
  ~PendingFiles() {
    if (!kept_) store_.remove(files);
  }
  void keep() { kept_ = true; }

  std::vector<StoredFile> files;

 private:
  FileStore& store_;
  bool kept_ = false;
};

}  // namespace core
