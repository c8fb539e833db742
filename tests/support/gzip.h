#pragma once
// Compressing helpers shared by the importer tests (src/library/importers_test.cpp), the ZIP and
// XLSX reader tests (support/zip_writer.h) and the fuzz seed generator (fuzz/seeds.cpp). In the
// global namespace so that they are called unqualified.
#include <zlib.h>

#include <string>
#include <string_view>

// `s` deflated by zlib at compression `level`, framed as deflateInit2's `window_bits` say:
// 16 + MAX_WBITS for gzip, -MAX_WBITS for raw deflate (ZIP entries).
inline std::string deflate_with(std::string_view s, int window_bits, int level = Z_DEFAULT_COMPRESSION) {
  z_stream zs{};
  deflateInit2(&zs, level, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
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

// `s` as one gzip member (RFC 1952) written by zlib at compression `level`.
inline std::string gzip(std::string_view s, int level = Z_DEFAULT_COMPRESSION) { return deflate_with(s, 16 + MAX_WBITS, level); }
