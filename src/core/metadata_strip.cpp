// Image metadata stripping: JPEG segments, PNG chunks, WebP RIFF chunks. PDF is in pdf_metadata.cpp.
#include "core/metadata_strip.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <optional>

namespace core {
namespace {

tl::unexpected<StripFailure> malformed() { return tl::unexpected(StripFailure::malformed); }

std::uint8_t byte_at(std::string_view d, std::size_t at) { return static_cast<std::uint8_t>(d[at]); }
std::uint32_t be16(std::string_view d, std::size_t at) { return (byte_at(d, at) << 8) | byte_at(d, at + 1); }
std::uint32_t be32(std::string_view d, std::size_t at) { return (be16(d, at) << 16) | be16(d, at + 2); }
std::uint32_t le32(std::string_view d, std::size_t at) {
  return byte_at(d, at) | (byte_at(d, at + 1) << 8) | (byte_at(d, at + 2) << 16) | (static_cast<std::uint32_t>(byte_at(d, at + 3)) << 24);
}
void append_le32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
bool starts_with(std::string_view d, std::string_view prefix) { return d.substr(0, prefix.size()) == prefix; }

// The audit log lists each kind once.
void note(Stripped& out, std::string what) {
  if (std::find(out.removed.begin(), out.removed.end(), what) == out.removed.end()) out.removed.push_back(std::move(what));
}

// ---- JPEG -------------------------------------------------------------------------------------

bool is_frame_marker(std::uint8_t m) { return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC; }
bool is_restart_marker(std::uint8_t m) { return m >= 0xD0 && m <= 0xD7; }

// What an APPn or COM segment holds when it is to be dropped; empty when it is kept. ICC profiles
// and the Adobe segment stay because without them colours come out wrong.
std::string jpeg_segment_to_drop(std::uint8_t marker, std::string_view payload) {
  if (marker == 0xFE) return "JPEG comment";
  if (marker < 0xE0 || marker > 0xEF) return "";
  switch (marker) {
    case 0xE0: return starts_with(payload, std::string_view("JFIF\0", 5)) ? "" : "APP0";
    case 0xE1:
      if (starts_with(payload, std::string_view("Exif\0", 5))) return "EXIF";
      return starts_with(payload, "http://ns.adobe.com/") ? "XMP" : "APP1";
    case 0xE2:
      if (starts_with(payload, std::string_view("ICC_PROFILE\0", 12))) return "";
      return starts_with(payload, std::string_view("MPF\0", 4)) ? "MPF" : "APP2";  // MPF: extra images after EOI
    case 0xED: return starts_with(payload, "Photoshop 3.0") ? "IPTC" : "APP13";
    case 0xEE: return starts_with(payload, "Adobe") ? "" : "APP14";
    default: return "APP" + std::to_string(marker - 0xE0);
  }
}

// JFIF may carry a thumbnail, which can show the photo as it was before it was cropped: keep the
// 14-byte header with a 0x0 thumbnail.
std::string jfif_without_thumbnail(std::string_view payload, Stripped& out) {
  std::string app0("\xFF\xE0\x00\x10", 4);
  app0.append(payload.substr(0, 12));
  app0.append(2, '\0');
  if (payload.size() > 14 || byte_at(payload, 12) != 0 || byte_at(payload, 13) != 0) note(out, "JFIF thumbnail");
  return app0;
}

// Entropy-coded data ends at the first marker that is neither a stuffed 0xFF00 nor a restart.
std::optional<std::size_t> entropy_end(std::string_view d, std::size_t pos) {
  while ((pos = d.find('\xFF', pos)) != std::string_view::npos && pos + 1 < d.size()) {
    std::uint8_t next = byte_at(d, pos + 1);
    if (next == 0x00 || is_restart_marker(next)) pos += 2;
    else if (next == 0xFF) pos += 1;  // fill byte before a marker
    else return pos;
  }
  return std::nullopt;
}

}  // namespace

// Walks the segments from SOI to EOI. Scans are copied verbatim up to the next marker, and the
// walk goes on after them (progressive JPEGs interleave tables and scans). Whatever follows EOI is
// dropped: phones put a second full-size JPEG with its own Exif (MPF) or a video there.
StripResult strip_jpeg_metadata(std::string_view d) {
  if (!starts_with(d, "\xFF\xD8")) return malformed();
  Stripped out;
  out.data.append("\xFF\xD8", 2);
  std::size_t pos = 2;
  bool seen_frame = false, seen_scan = false;
  while (true) {
    if (pos >= d.size() || byte_at(d, pos) != 0xFF) return malformed();
    while (pos < d.size() && byte_at(d, pos) == 0xFF) ++pos;  // fill bytes
    if (pos >= d.size()) return malformed();
    std::uint8_t marker = byte_at(d, pos++);
    if (marker == 0xD9) {
      if (!seen_scan) return malformed();
      out.data.append("\xFF\xD9", 2);
      if (pos < d.size()) note(out, "trailing data");
      return out;
    }
    if (marker == 0x01 || is_restart_marker(marker)) {  // standalone markers have no length
      out.data.push_back('\xFF');
      out.data.push_back(static_cast<char>(marker));
      continue;
    }
    if (marker == 0x00 || marker == 0xD8 || pos + 2 > d.size()) return malformed();
    std::size_t length = be16(d, pos);
    if (length < 2 || pos + length > d.size()) return malformed();
    std::string_view segment = d.substr(pos - 2, length + 2);
    std::string_view payload = d.substr(pos + 2, length - 2);
    pos += length;

    if (is_frame_marker(marker)) seen_frame = true;
    if (marker == 0xDA) {
      if (!seen_frame) return malformed();
      seen_scan = true;
      auto end = entropy_end(d, pos);
      if (!end) return malformed();  // truncated: no marker ends the scan
      out.data.append(segment);
      out.data.append(d.substr(pos, *end - pos));
      pos = *end;
      continue;
    }
    std::string drop = jpeg_segment_to_drop(marker, payload);
    if (!drop.empty()) note(out, drop);
    else if (marker == 0xE0) {
      if (payload.size() < 14) return malformed();
      out.data.append(jfif_without_thumbnail(payload, out));
    } else out.data.append(segment);
  }
}

// ---- PNG --------------------------------------------------------------------------------------

namespace {

// Chunks that carry words, dates or Exif; the rest draw the image.
std::string png_chunk_to_drop(std::string_view type, std::string_view body) {
  if (type == "tEXt" || type == "zTXt") return "PNG text";
  if (type == "iTXt") return starts_with(body, std::string_view("XML:com.adobe.xmp\0", 18)) ? "XMP" : "PNG text";
  if (type == "eXIf") return "EXIF";
  if (type == "tIME") return "PNG time";
  return "";
}

bool is_chunk_type(std::string_view type) {
  return std::all_of(type.begin(), type.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); });
}

}  // namespace

// Chunks are copied whole with their CRC, so what is kept needs no re-encoding. Data after IEND
// is dropped: a cropped screenshot can keep the rest of the original picture there.
StripResult strip_png_metadata(std::string_view d) {
  constexpr std::string_view signature("\x89PNG\r\n\x1A\n", 8);
  if (!starts_with(d, signature)) return malformed();
  Stripped out;
  out.data.append(signature);
  std::size_t pos = signature.size();
  bool seen_data = false;
  while (true) {
    if (d.size() - pos < 12) return malformed();  // truncated before IEND
    std::uint32_t length = be32(d, pos);
    if (length > 0x7FFFFFFFu || length > d.size() - pos - 12) return malformed();
    std::string_view type = d.substr(pos + 4, 4);
    std::string_view body = d.substr(pos + 8, length);
    std::string_view type_and_body = d.substr(pos + 4, 4 + length);
    auto crc = crc32(0, reinterpret_cast<const Bytef*>(type_and_body.data()), static_cast<uInt>(type_and_body.size()));
    if (!is_chunk_type(type) || crc != be32(d, pos + 8 + length)) return malformed();
    std::string_view chunk = d.substr(pos, 12 + length);
    bool first = pos == signature.size();
    pos += chunk.size();

    if (first != (type == "IHDR") || (first && length != 13)) return malformed();
    if (type == "IDAT") seen_data = true;
    if (std::string drop = png_chunk_to_drop(type, body); !drop.empty()) {
      note(out, drop);
      continue;
    }
    out.data.append(chunk);
    if (type == "IEND") {
      if (!seen_data) return malformed();
      if (pos < d.size()) note(out, "trailing data");
      return out;
    }
  }
}

// ---- WebP -------------------------------------------------------------------------------------

namespace {
constexpr std::uint8_t kVp8xExifFlag = 0x08;
constexpr std::uint8_t kVp8xXmpFlag = 0x04;
}  // namespace

// RIFF chunks are copied whole (with their pad byte); the container is rebuilt around them.
StripResult strip_webp_metadata(std::string_view d) {
  if (d.size() < 12 || !starts_with(d, "RIFF") || d.substr(8, 4) != "WEBP") return malformed();
  std::uint32_t riff_size = le32(d, 4);
  if (riff_size < 4 || riff_size > d.size() - 8) return malformed();  // truncated
  const std::size_t end = 8 + std::size_t{riff_size};
  Stripped out;
  std::string chunks;
  std::optional<std::size_t> vp8x_flags;  // offset of the VP8X flags byte in `chunks`
  bool has_image = false;
  for (std::size_t pos = 12; pos < end;) {
    if (end - pos < 8) return malformed();
    std::string_view fourcc = d.substr(pos, 4);
    std::size_t size = le32(d, pos + 4);
    std::size_t padded = size + (size & 1);
    if (padded > end - pos - 8) return malformed();
    std::string_view chunk = d.substr(pos, 8 + padded);
    pos += chunk.size();

    if (fourcc == "EXIF" || fourcc == "XMP ") {
      note(out, fourcc == "EXIF" ? "EXIF" : "XMP");
      continue;
    }
    if (fourcc == "VP8X") {
      if (!chunks.empty() || size < 10) return malformed();  // VP8X must come first
      vp8x_flags = 8;
    }
    if (fourcc == "VP8 " || fourcc == "VP8L" || fourcc == "ANMF") has_image = true;
    chunks.append(chunk);
  }
  if (!has_image) return malformed();
  // Readers trust these flags: a flag without its chunk is a broken file.
  if (vp8x_flags) chunks[*vp8x_flags] = static_cast<char>(byte_at(chunks, *vp8x_flags) & ~(kVp8xExifFlag | kVp8xXmpFlag));
  if (end < d.size()) note(out, "trailing data");
  out.data.append("RIFF");
  append_le32(out.data, static_cast<std::uint32_t>(chunks.size() + 4));
  out.data.append("WEBP");
  out.data.append(chunks);
  return out;
}

}  // namespace core
