#include "core/zip_reader.h"

#include "core/inflate.h"

#include <zlib.h>

#include <algorithm>
#include <optional>

namespace core {

namespace {

// Record signatures, the records' fixed sizes (APPNOTE 4.3), the longest archive comment.
enum : std::uint32_t {
  kLocalHeader = 0x04034b50,
  kCentralHeader = 0x02014b50,
  kEndOfCentralDirectory = 0x06054b50,
  kZip64Locator = 0x07064b50,
};
enum : std::size_t { kLocalHeaderSize = 30, kCentralHeaderSize = 46, kEndSize = 22, kZip64LocatorSize = 20, kMaxComment = 0xFFFF };
// General purpose flags, and the methods read.
enum : std::uint16_t { kEncrypted = 0x0001, kStrongEncryption = 0x0040, kStored = 0, kDeflated = 8 };

// Little-endian fields; the caller has checked that they lie inside the buffer.
std::uint16_t u16(std::string_view b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}
std::uint32_t u32(std::string_view b, std::size_t at) {
  return u16(b, at) | static_cast<std::uint32_t>(u16(b, at + 2)) << 16;
}

// True when [at, at + size) lies inside a buffer of `total` bytes (no overflow).
bool inside(std::size_t at, std::size_t size, std::size_t total) { return at <= total && size <= total - at; }

// The position of the End Of Central Directory record: the last one whose comment fits in the
// buffer, searched back over at most a maximal comment.
std::optional<std::size_t> find_end_record(std::string_view b) {
  if (b.size() < kEndSize) return std::nullopt;
  std::size_t lowest = b.size() - kEndSize > kMaxComment ? b.size() - kEndSize - kMaxComment : 0;
  for (std::size_t at = b.size() - kEndSize + 1; at-- > lowest;)
    if (u32(b, at) == kEndOfCentralDirectory && u16(b, at + 20) <= b.size() - at - kEndSize) return at;
  return std::nullopt;
}

// The central directory header at `at`, which lies inside `directory`; `at` moves past it.
tl::expected<ZipEntry, ZipFailure> central_entry(std::string_view directory, std::size_t& at) {
  if (!inside(at, kCentralHeaderSize, directory.size()) || u32(directory, at) != kCentralHeader)
    return tl::unexpected(ZipFailure::corrupt);
  ZipEntry e;
  e.flags = u16(directory, at + 8);
  e.method = u16(directory, at + 10);
  e.crc32 = u32(directory, at + 16);
  e.compressed_size = u32(directory, at + 20);
  e.size = u32(directory, at + 24);
  std::size_t name_size = u16(directory, at + 28);
  std::size_t rest = name_size + u16(directory, at + 30) + u16(directory, at + 32);  // name, extra field, comment
  std::uint16_t disk = u16(directory, at + 34);
  e.local_header_offset = u32(directory, at + 42);
  if (!inside(at + kCentralHeaderSize, rest, directory.size())) return tl::unexpected(ZipFailure::corrupt);
  e.name.assign(directory.substr(at + kCentralHeaderSize, name_size));
  at += kCentralHeaderSize + rest;
  if (e.compressed_size == 0xFFFFFFFF || e.size == 0xFFFFFFFF || e.local_header_offset == 0xFFFFFFFF || disk == 0xFFFF)
    return tl::unexpected(ZipFailure::unsupported);  // ZIP64 values
  if (disk != 0) return tl::unexpected(ZipFailure::unsupported);
  return e;
}

}  // namespace

tl::expected<ZipArchive, ZipFailure> ZipArchive::open(std::string_view bytes) {
  std::optional<std::size_t> end = find_end_record(bytes);
  if (!end)  // a ZIP that lost its end (a cut download) is corrupt; anything else is not a ZIP
    return tl::unexpected(bytes.starts_with("PK\x03\x04") ? ZipFailure::corrupt : ZipFailure::not_a_zip);
  if (*end >= kZip64LocatorSize && u32(bytes, *end - kZip64LocatorSize) == kZip64Locator)
    return tl::unexpected(ZipFailure::unsupported);
  std::uint16_t disk = u16(bytes, *end + 4), directory_disk = u16(bytes, *end + 6);
  std::size_t disk_count = u16(bytes, *end + 8), count = u16(bytes, *end + 10);
  std::uint32_t directory_size = u32(bytes, *end + 12), directory_offset = u32(bytes, *end + 16);
  if (count == 0xFFFF || directory_size == 0xFFFFFFFF || directory_offset == 0xFFFFFFFF)
    return tl::unexpected(ZipFailure::unsupported);  // ZIP64 values
  if (disk != 0 || directory_disk != 0 || disk_count != count) return tl::unexpected(ZipFailure::unsupported);
  if (count > kMaxZipEntries) return tl::unexpected(ZipFailure::too_large);
  if (!inside(directory_offset, directory_size, *end)) return tl::unexpected(ZipFailure::corrupt);

  ZipArchive archive;
  archive.bytes_ = bytes;
  std::string_view directory = bytes.substr(directory_offset, directory_size);
  std::size_t at = 0;
  archive.entries_.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    auto entry = central_entry(directory, at);
    if (!entry) return tl::unexpected(entry.error());
    archive.entries_.push_back(std::move(*entry));
  }
  std::vector<std::string_view> names;
  names.reserve(count);
  for (const ZipEntry& e : archive.entries_) names.push_back(e.name);
  std::sort(names.begin(), names.end());
  if (std::adjacent_find(names.begin(), names.end()) != names.end()) return tl::unexpected(ZipFailure::corrupt);
  return archive;
}

const ZipEntry* ZipArchive::find(std::string_view name) const {
  auto it = std::find_if(entries_.begin(), entries_.end(), [&](const ZipEntry& e) { return e.name == name; });
  return it == entries_.end() ? nullptr : &*it;
}

tl::expected<std::string, ZipFailure> ZipArchive::read(std::string_view name, std::size_t max_bytes) const {
  const ZipEntry* entry = find(name);
  if (!entry) return tl::unexpected(ZipFailure::missing);
  return read(*entry, max_bytes);
}

tl::expected<std::string, ZipFailure> ZipArchive::read(const ZipEntry& e, std::size_t max_bytes) const {
  if (e.flags & (kEncrypted | kStrongEncryption)) return tl::unexpected(ZipFailure::unsupported);
  if (e.method != kStored && e.method != kDeflated) return tl::unexpected(ZipFailure::unsupported);
  if (e.size > max_bytes) return tl::unexpected(ZipFailure::too_large);
  std::size_t at = e.local_header_offset;
  if (!inside(at, kLocalHeaderSize, bytes_.size()) || u32(bytes_, at) != kLocalHeader) return tl::unexpected(ZipFailure::corrupt);
  std::size_t name_size = u16(bytes_, at + 26), extra_size = u16(bytes_, at + 28);
  std::size_t data = at + kLocalHeaderSize + name_size + extra_size;
  if (!inside(at + kLocalHeaderSize, name_size + extra_size, bytes_.size()) || !inside(data, e.compressed_size, bytes_.size()) ||
      bytes_.substr(at + kLocalHeaderSize, name_size) != e.name)
    return tl::unexpected(ZipFailure::corrupt);
  std::string_view packed = bytes_.substr(data, e.compressed_size);

  std::string out;
  if (e.method == kStored) {
    if (e.compressed_size != e.size) return tl::unexpected(ZipFailure::corrupt);
    out.assign(packed);
  } else {
    auto inflated = inflate_raw(packed, max_bytes);
    if (!inflated)
      return tl::unexpected(inflated.error() == InflateFailure::too_large ? ZipFailure::too_large : ZipFailure::corrupt);
    out = std::move(*inflated);
  }
  if (out.size() != e.size ||
      crc32(crc32(0, nullptr, 0), reinterpret_cast<const Bytef*>(out.data()), static_cast<uInt>(out.size())) != e.crc32)
    return tl::unexpected(ZipFailure::corrupt);
  return out;
}

tl::expected<std::vector<std::string>, ZipFailure> zip_entry_names(std::string_view zip) {
  return ZipArchive::open(zip).map([](const ZipArchive& archive) {
    std::vector<std::string> names;
    for (const ZipEntry& e : archive.entries()) names.push_back(e.name);
    return names;
  });
}

tl::expected<std::string, ZipFailure> read_zip_entry(std::string_view zip, std::string_view name, std::size_t max_bytes) {
  return ZipArchive::open(zip).and_then([&](const ZipArchive& archive) { return archive.read(name, max_bytes); });
}

}  // namespace core
