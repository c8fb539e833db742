#pragma once
// Fixtures shared by the attachment tests (src/core/attachment_test.cpp, pdf_metadata_test.cpp):
// the personal data that phones and office programs put in files, byte helpers, and PDFs written
// object by object with correct cross-reference tables.
#include "core/attachment.h"

#include <fmt/format.h>
#include <zlib.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace attachment_fixtures {

using namespace std::string_literals;
using core::CleanAttachment;
using core::Result;

inline const std::string kPerson = "Nguyễn Văn A";

inline std::string be16(std::uint32_t v) { return {static_cast<char>(v >> 8), static_cast<char>(v & 0xFF)}; }
inline std::string be32(std::uint32_t v) { return be16(v >> 16) + be16(v & 0xFFFF); }
inline std::string zlib_compress(std::string_view s) {
  uLongf size = compressBound(s.size());
  std::string out(size, '\0');
  compress(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(s.data()), s.size());
  out.resize(size);
  return out;
}
inline bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

inline std::string error_of(const Result<CleanAttachment>& r) { return r ? "(accepted)" : r.error().message; }

// ---- PDF fixtures -------------------------------------------------------------------------------

// Writes objects with a correct classic xref table, or a cross-reference stream.
struct PdfWriter {
  std::string out = "%PDF-1.5\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;  // of object n+1

  int object(std::string_view body) {
    offsets.push_back(out.size());
    out += fmt::format("{} 0 obj\n{}\nendobj\n", offsets.size(), body);
    return static_cast<int>(offsets.size());
  }
  int stream(std::string_view dict, std::string_view data) {
    return object(fmt::format("<< {} /Length {} >>\nstream\n{}\nendstream", dict, data.size(), data));
  }
  std::string finish(std::string_view trailer) {
    std::size_t xref = out.size();
    out += fmt::format("xref\n0 {}\n0000000000 65535 f \n", offsets.size() + 1);
    for (std::size_t at : offsets) out += fmt::format("{:010} 00000 n \n", at);
    out += fmt::format("trailer\n<< /Size {} {} >>\nstartxref\n{}\n%%EOF\n", offsets.size() + 1, trailer, xref);
    return out;
  }
  // A cross-reference stream (PDF 1.5): entries of 1+4+2 bytes. `in_stream` maps object numbers
  // stored in an object stream to (stream object, index).
  std::string finish_with_xref_stream(std::string_view dict, const std::map<int, std::pair<int, int>>& in_stream) {
    std::size_t xref = out.size();
    int self = static_cast<int>(offsets.size()) + 1;
    std::string rows = "\x00\x00\x00\x00\x00\xFF\xFF"s;
    for (int n = 1; n <= self; ++n) {
      auto compressed = in_stream.find(n);
      if (compressed != in_stream.end()) rows += "\x02"s + be32(compressed->second.first) + be16(compressed->second.second);
      else rows += "\x01"s + be32(static_cast<std::uint32_t>(n == self ? xref : offsets[n - 1])) + be16(0);
    }
    offsets.push_back(xref);
    out += fmt::format("{} 0 obj\n<< /Type /XRef /Size {} /W [1 4 2] {} /Length {} >>\nstream\n", self, self + 1, dict, rows.size());
    out += rows + "\nendstream\nendobj\n";
    out += fmt::format("startxref\n{}\n%%EOF\n", xref);
    return out;
  }
};

inline std::string xmp_packet() {
  return "<?xpacket begin=\"\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><dc:creator>" + kPerson +
         "</dc:creator><pdf:Producer>Microsoft Word</pdf:Producer></x:xmpmeta><?xpacket end=\"w\"?>";
}

// "Đơn của Nguyễn" as UTF-16BE hex, the way Word writes non-Latin titles.
inline const std::string kTitleHex = "<FEFF011001A1006E00200063007501A700610020004E00670075007901C5006E>";

// A one-page PDF as office programs write it: document information and an XMP packet.
inline std::string office_pdf(std::string_view catalog_extra = "") {
  PdfWriter w;
  w.object(fmt::format("<< /Type /Catalog /Pages 2 0 R /Metadata 4 0 R {} >>", catalog_extra));
  w.object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  w.object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>");
  w.stream("/Type /Metadata /Subtype /XML", xmp_packet());
  w.object("<< /Author (" + kPerson + ") /Title " + kTitleHex +
           " /Creator (Microsoft\\256 Word \\(Nguyen's PC\\)) /Producer 6 0 R /CreationDate (D:20240501103000+07'00') "
           "/Company (UBND xã An Bình) /Trapped /False >>");
  w.object("(Producer of Nguyen)");
  return w.finish("/Root 1 0 R /Info 5 0 R");
}

}  // namespace attachment_fixtures
