#pragma once
// Fixtures shared by the attachment tests (src/core/attachment_test.cpp, pdf_metadata_test.cpp)
// and the fuzz seed generator (fuzz/seeds.cpp): the personal data that phones and office programs
// put in files, byte helpers, JPEG, PNG and WebP images built byte by byte, and PDFs written
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
// The location that phones write into Exif (and the PNG, WebP fixtures into their metadata).
inline const std::string kGps = "GPSLatitude 21.0285N GPSLongitude 105.8542E";

inline std::string be16(std::uint32_t v) { return {static_cast<char>(v >> 8), static_cast<char>(v & 0xFF)}; }
inline std::string be32(std::uint32_t v) { return be16(v >> 16) + be16(v & 0xFFFF); }
// Little-endian 32 bits, as RIFF (WebP) sizes are written.
inline std::string le32(std::uint32_t v) {
  return {static_cast<char>(v & 0xFF), static_cast<char>((v >> 8) & 0xFF), static_cast<char>((v >> 16) & 0xFF), static_cast<char>(v >> 24)};
}
inline std::string zlib_compress(std::string_view s) {
  uLongf size = compressBound(s.size());
  std::string out(size, '\0');
  compress(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(s.data()), s.size());
  out.resize(size);
  return out;
}
inline bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

inline std::string error_of(const Result<CleanAttachment>& r) { return r ? "(accepted)" : r.error().message; }

// ---- JPEG fixtures ------------------------------------------------------------------------------

// A JPEG marker segment: FF, marker, big-endian length (payload + 2), payload.
inline std::string segment(std::uint8_t marker, std::string_view payload) {
  return "\xFF"s + static_cast<char>(marker) + be16(static_cast<std::uint32_t>(payload.size() + 2)) + std::string(payload);
}

// An 8x8 grey JPEG that decoders accept: one-code Huffman tables, one block with DC 0 and EOB.
inline std::string jpeg_image_segments() {
  std::string out = segment(0xDB, "\x00"s + std::string(64, '\x01'));              // DQT
  out += segment(0xC0, "\x08\x00\x08\x00\x08\x01\x01\x11\x00"s);                   // SOF0 8x8, one component
  out += segment(0xC4, "\x00"s + "\x01" + std::string(15, '\0') + "\x00"s);         // DHT DC0: one code
  out += segment(0xC4, "\x10"s + "\x01" + std::string(15, '\0') + "\x00"s);         // DHT AC0: EOB only
  out += segment(0xDA, "\x01\x01\x00\x00\x3F\x00"s);                               // SOS
  out += "\x3F";                                                                   // bits 0 0, padded with ones
  return out + "\xFF\xD9";
}

// An APP1 Exif payload with the location and the owner's name.
inline std::string exif_payload() { return "Exif\0\0MM\0*\0\0\0\x08"s + kGps + " Artist " + kPerson; }

// A JPEG as a phone writes it: JFIF, Exif, XMP, ICC, MPF, IPTC, Adobe, a comment, and a second image after EOI.
inline std::string phone_jpeg() {
  std::string jfif = "JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00"s;
  std::string out = "\xFF\xD8"s;
  out += segment(0xE0, jfif);
  out += segment(0xE1, exif_payload());
  out += segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>"s + kPerson + "</dc:creator></x:xmpmeta>");
  out += segment(0xE2, "ICC_PROFILE\0\x01\x01ICC-PROFILE-BYTES"s);
  out += segment(0xE2, "MPF\0II*\0"s);
  out += segment(0xED, "Photoshop 3.0\08BIM\x04\x04 By-line "s + kPerson);
  out += segment(0xEE, "Adobe\0\x64\0\0\0\0\0"s);
  out += segment(0xFE, "Chụp bởi " + kPerson);
  out += jpeg_image_segments();
  // What phones append after EOI: a second image with its own Exif (MPF).
  return out + "\xFF\xD8" + segment(0xE1, exif_payload()) + "\xFF\xD9";
}

// ---- PNG fixtures -------------------------------------------------------------------------------

// A PNG chunk: big-endian length, type, body, CRC-32 of type and body.
inline std::string png_chunk(std::string_view type, std::string_view body) {
  std::string tb = std::string(type) + std::string(body);
  return be32(static_cast<std::uint32_t>(body.size())) + tb + be32(crc32(0, reinterpret_cast<const Bytef*>(tb.data()), tb.size()));
}

// The eight bytes every PNG file starts with.
inline const std::string kPngSignature = "\x89PNG\r\n\x1A\n"s;

// A 1x1 grey PNG with text, XMP, time and Exif chunks, and the rest of a screenshot after IEND.
inline std::string png_with_text() {
  std::string ihdr = be32(1) + be32(1) + "\x08\x00\x00\x00\x00"s;  // 1x1, 8-bit grey
  return kPngSignature + png_chunk("IHDR", ihdr) + png_chunk("tEXt", "Author\0"s + kPerson) +
         png_chunk("iTXt", "XML:com.adobe.xmp\0\0\0\0\0<dc:creator>"s + kPerson + "</dc:creator>") +
         png_chunk("tIME", "\x07\xE8\x05\x01\x0A\x00\x00"s) + png_chunk("eXIf", "MM\0*"s + kGps) +
         png_chunk("IDAT", zlib_compress("\x00\x80"s)) + png_chunk("zTXt", "Comment\0\0"s + zlib_compress(kGps)) + png_chunk("IEND", "") +
         "rest of the uncropped screenshot";
}

// ---- WebP fixtures ------------------------------------------------------------------------------

// A RIFF chunk: fourcc, little-endian size, body, padded to an even length.
inline std::string riff_chunk(std::string_view fourcc, std::string_view body) {
  return std::string(fourcc) + le32(static_cast<std::uint32_t>(body.size())) + std::string(body) + (body.size() % 2 ? "\0"s : "");
}

// A 1x1 lossless image bitstream (VP8L chunk body) as cwebp writes it.
inline const std::string kVp8l = "\x2F\x00\x00\x00\x00\x07\x50\xC0\x02\x16\xB0\xFF\x81\x88\xE8\x7F\x00"s;

// A WebP file: the RIFF/WEBP header around `chunks`.
inline std::string webp_file(std::string_view chunks) {
  return "RIFF" + le32(static_cast<std::uint32_t>(chunks.size() + 4)) + "WEBP" + std::string(chunks);
}

// A 1x1 lossless image (as cwebp writes it) in an extended container with Exif and XMP.
inline std::string webp_with_exif() {
  std::string vp8x = "\x0C\0\0\0\0\0\0\0\0\0"s;  // EXIF and XMP flags, canvas 1x1
  return webp_file(riff_chunk("VP8X", vp8x) + riff_chunk("VP8L", kVp8l) + riff_chunk("EXIF", "MM\0*"s + kGps) +
                   riff_chunk("XMP ", "<dc:creator>" + kPerson + "</dc:creator>"));
}

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

// A page-less PDF whose catalog carries `catalog_entries` (actions, names, ...).
inline std::string pdf_with_catalog(std::string_view catalog_entries) {
  PdfWriter w;
  w.object(fmt::format("<< /Type /Catalog /Pages 2 0 R {} >>", catalog_entries));
  w.object("<< /Type /Pages /Kids [] /Count 0 >>");
  return w.finish("/Root 1 0 R");
}

// Objects 3.. packed into one compressed object stream (object 2), with a cross-reference stream.
inline std::string pdf_with_object_stream(const std::vector<std::string>& packed, std::string_view xref_dict) {
  std::string header, body;
  std::map<int, std::pair<int, int>> in_stream;
  for (std::size_t i = 0; i < packed.size(); ++i) {
    int number = static_cast<int>(i) + 3;
    header += fmt::format("{} {} ", number, body.size());
    body += packed[i] + "\n";
    in_stream[number] = {2, static_cast<int>(i)};
  }
  std::string compressed = zlib_compress(header + body);
  PdfWriter w;
  w.object("<< /Type /Catalog /Pages 3 0 R >>");
  w.stream(fmt::format("/Type /ObjStm /N {} /First {} /Filter /FlateDecode", packed.size(), header.size()), compressed);
  w.offsets.resize(w.offsets.size() + packed.size());  // numbers taken by the packed objects
  return w.finish_with_xref_stream(xref_dict, in_stream);
}

}  // namespace attachment_fixtures
