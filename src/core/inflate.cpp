#include "core/inflate.h"

#include <zlib.h>

#include <algorithm>
#include <climits>

namespace core {

namespace {

// window_bits as inflateInit2 takes them: 32 + MAX_WBITS for a zlib or gzip header, -MAX_WBITS
// for raw deflate.
tl::expected<std::string, InflateFailure> inflate_with(std::string_view in, std::size_t max_bytes, int window_bits) {
  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) return tl::unexpected(InflateFailure::corrupt);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  std::string out;
  char buf[1 << 16];
  int rc;
  do {
    if (zs.avail_in == 0 && !in.empty()) {  // zlib counts input in uInt: feed it a piece at a time
      zs.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size(), UINT_MAX));
      in.remove_prefix(zs.avail_in);
    }
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&zs);
      return tl::unexpected(InflateFailure::corrupt);
    }
    if (out.size() + (sizeof buf - zs.avail_out) > max_bytes) {
      inflateEnd(&zs);
      return tl::unexpected(InflateFailure::too_large);
    }
    out.append(buf, sizeof buf - zs.avail_out);
  } while (rc != Z_STREAM_END);
  inflateEnd(&zs);
  return out;
}

}  // namespace

tl::expected<std::string, InflateFailure> inflate_bytes(std::string_view in, std::size_t max_bytes) {
  return inflate_with(in, max_bytes, 32 + MAX_WBITS);  // 32: zlib or gzip header
}

tl::expected<std::string, InflateFailure> inflate_raw(std::string_view in, std::size_t max_bytes) {
  return inflate_with(in, max_bytes, -MAX_WBITS);
}

}  // namespace core
