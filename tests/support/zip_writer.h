#pragma once
// A minimal ZIP writer for the ZIP and XLSX reader tests (src/core/zip_reader_test.cpp,
// xlsx_reader_test.cpp) and the fuzz seeds (fuzz/seeds.cpp): entries stored or deflated, and
// entries whose headers say what a test wants (a lying size, a wrong CRC, an encryption flag).
#include "support/gzip.h"

#include <zlib.h>

#include <cstdint>
#include <string>
#include <string_view>

class ZipWriter {
 public:
  // What the headers of an entry declare, whatever its payload is.
  struct Header {
    std::uint16_t method = 8;
    std::uint16_t flags = 0;
    std::uint32_t crc = 0;
    std::uint32_t size = 0;
  };

  static std::uint32_t crc_of(std::string_view data) {
    auto bytes = reinterpret_cast<const Bytef*>(data.data());
    return static_cast<std::uint32_t>(crc32(crc32(0, nullptr, 0), bytes, static_cast<uInt>(data.size())));
  }

  // `data` deflated (raw deflate, method 8) or stored (method 0).
  ZipWriter& add(std::string_view name, std::string_view data, bool deflated = true) {
    Header h{static_cast<std::uint16_t>(deflated ? 8 : 0), 0, crc_of(data), static_cast<std::uint32_t>(data.size())};
    return add_raw(name, deflated ? deflate_with(data, -MAX_WBITS) : std::string(data), h);
  }

  // `payload` written as it is (already compressed or not), under the headers `h`.
  ZipWriter& add_raw(std::string_view name, std::string_view payload, const Header& h) {
    // version needed, flags, method, time, date, CRC-32, sizes, name length, no extra field
    std::string fixed = u16(20) + u16(h.flags) + u16(h.method) + u16(0) + u16(0x21) + u32(h.crc) +
                        u32(static_cast<std::uint32_t>(payload.size())) + u32(h.size) +
                        u16(static_cast<std::uint16_t>(name.size())) + u16(0);
    central_ += u32(0x02014b50) + u16(20) + fixed + u16(0) + u16(0) + u16(0) + u32(0) + u32(static_cast<std::uint32_t>(out_.size())) +
                std::string(name);
    out_ += u32(0x04034b50) + fixed + std::string(name) + std::string(payload);
    ++count_;
    return *this;
  }

  // The archive: entries, central directory, End Of Central Directory record.
  std::string finish(std::string_view comment = "") const {
    return out_ + central_ + u32(0x06054b50) + u16(0) + u16(0) + u16(count_) + u16(count_) +
           u32(static_cast<std::uint32_t>(central_.size())) + u32(static_cast<std::uint32_t>(out_.size())) +
           u16(static_cast<std::uint16_t>(comment.size())) + std::string(comment);
  }

  static std::string u16(std::uint16_t v) { return {static_cast<char>(v & 0xFF), static_cast<char>(v >> 8)}; }
  static std::string u32(std::uint32_t v) { return u16(static_cast<std::uint16_t>(v & 0xFFFF)) + u16(static_cast<std::uint16_t>(v >> 16)); }

 private:
  std::string out_, central_;
  std::uint16_t count_ = 0;
};
