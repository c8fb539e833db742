#pragma once
// Decompression of zlib, gzip and raw deflate data with a ceiling: hostile files pack gigabytes
// into kilobytes.
#include <tl/expected.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace core {

enum class InflateFailure { corrupt, too_large };

// zlib (RFC 1950) or gzip (RFC 1952) data, told apart by its header. Refused as too_large as soon
// as the output passes max_bytes (memory stays within max_bytes and one 64 KiB step); corrupt
// covers truncated data too.
tl::expected<std::string, InflateFailure> inflate_bytes(std::string_view in, std::size_t max_bytes);

// Raw deflate data (RFC 1951, no header or checksum), as in ZIP entries; the same ceiling. Bytes
// after the end of the deflate stream are ignored.
tl::expected<std::string, InflateFailure> inflate_raw(std::string_view in, std::size_t max_bytes);

}  // namespace core
