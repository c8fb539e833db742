#pragma once
// Reading a ZIP archive (PKWARE APPNOTE) held in memory, as uploaded: the central directory
// found from the End Of Central Directory record, entries stored (method 0) or deflated
// (method 8). Hostile archives get a clear failure and bounded memory: at most kMaxZipEntries
// entries, an entry's output capped by the caller's max_bytes while it is inflated (whatever its
// header says), every offset checked against the buffer, each entry's size and CRC-32 checked.
// Not supported: ZIP64, archives split over disks, encrypted entries, other compression methods.
#include <tl/expected.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace core {

enum class ZipFailure {
  not_a_zip,    // no End Of Central Directory record and no ZIP signature at the start
  corrupt,      // a truncated or inconsistent archive: offsets outside the buffer, bad sizes or CRC
  unsupported,  // ZIP64, several disks, an encrypted entry, a method other than stored or deflate
  too_large,    // more than kMaxZipEntries entries, or an entry whose content passes max_bytes
  missing,      // no entry of that name
};

inline constexpr std::size_t kMaxZipEntries = 10'000;

// One entry as the central directory describes it.
struct ZipEntry {
  std::string name;
  std::uint16_t flags = 0;
  std::uint16_t method = 0;
  std::uint32_t crc32 = 0;
  std::uint32_t compressed_size = 0;
  std::uint32_t size = 0;
  std::uint32_t local_header_offset = 0;
};

// An archive whose central directory has been read and checked. It keeps a view of the bytes
// given to open(): they must outlive it.
class ZipArchive {
 public:
  // Fails when the central directory cannot be read, or names an entry twice (corrupt).
  static tl::expected<ZipArchive, ZipFailure> open(std::string_view bytes);

  const std::vector<ZipEntry>& entries() const { return entries_; }
  // The entry named exactly `name` (names are case-sensitive, '/'-separated), or nullptr.
  const ZipEntry* find(std::string_view name) const;
  // The content of the entry named `name`: too_large as soon as it passes max_bytes, so at most
  // max_bytes (and one 64 KiB step) is ever allocated for it.
  tl::expected<std::string, ZipFailure> read(std::string_view name, std::size_t max_bytes) const;

 private:
  tl::expected<std::string, ZipFailure> read(const ZipEntry& entry, std::size_t max_bytes) const;

  std::string_view bytes_;
  std::vector<ZipEntry> entries_;
};

// The names of the entries of `zip`, in the central directory's order.
tl::expected<std::vector<std::string>, ZipFailure> zip_entry_names(std::string_view zip);
// One entry of `zip` (ZipArchive::open, then read).
tl::expected<std::string, ZipFailure> read_zip_entry(std::string_view zip, std::string_view name, std::size_t max_bytes);

}  // namespace core
