#pragma once
// gzip-compressing helper shared by the importer tests (src/library/importers_test.cpp) and the
// fuzz seed generator (fuzz/seeds.cpp). In the global namespace so that both call it unqualified.
#include <zlib.h>

#include <string>
#include <string_view>

// `s` as one gzip member (RFC 1952) written by zlib at compression `level`.
inline std::string gzip(std::string_view s, int level = Z_DEFAULT_COMPRESSION) {
  z_stream zs{};
  deflateInit2(&zs, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(compressBound(static_cast<uLong>(s.size())) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
  zs.avail_in = static_cast<uInt>(s.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}
