#pragma once
// Removes personal metadata (EXIF, XMP, text chunks, PDF document information) from uploaded
// files while checking that their structure is whole. Images: the container structure only, no
// pixel is decoded, so what is kept is byte for byte what was sent. PDF: rewritten by qpdf in a
// confined child process (pdf_metadata.cpp).
// Decree 13/2023/NĐ-CP: a citizen's photo must not publish where and when it was taken, nor a
// PDF the name of whoever typed it.
#include <tl/expected.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace core {

enum class StripFailure {
  malformed,        // broken or truncated structure
  active_content,   // PDF with JavaScript, launch actions or embedded files
  encrypted,        // PDF with /Encrypt: its strings and streams cannot be inspected
  too_complex,      // PDF that needs more time, memory or objects than its budget
};

struct Stripped {
  std::string data;
  std::vector<std::string> removed;  // for the audit log: "EXIF", "XMP", "PDF Info", ...
};

using StripResult = tl::expected<Stripped, StripFailure>;

// JPEG: drops APP1 (Exif, XMP), APP2 other than ICC_PROFILE, APP3–APP13, APP15, APP14 other than
// Adobe, COM, APP0 other than JFIF, the JFIF thumbnail, and anything after EOI.
StripResult strip_jpeg_metadata(std::string_view data);
// PNG: checks every CRC; drops tEXt, zTXt, iTXt, eXIf, tIME and anything after IEND.
StripResult strip_png_metadata(std::string_view data);
// WebP: drops the EXIF and XMP chunks, clears their VP8X flags, rewrites the RIFF size.
StripResult strip_webp_metadata(std::string_view data);
// PDF: removes the document information, XMP and PieceInfo, keeps only the objects the document
// still uses, refuses active content and encryption. Budget and limits are in pdf_metadata.cpp.
StripResult strip_pdf_metadata(std::string_view data);

}  // namespace core
