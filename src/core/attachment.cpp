#include "core/attachment.h"

#include "core/media.h"
#include "core/metadata_strip.h"
#include "core/strings.h"
#include "core/utf8.h"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace core {
namespace {

constexpr std::size_t kMaxNameBytes = 120;
constexpr std::string_view kFallbackStem = "tep-dinh-kem";
constexpr std::string_view kAccepted = "chỉ nhận PDF, JPEG, PNG, WebP";
constexpr std::array<std::string_view, 4> kAcceptedTypes = {"pdf", "jpg", "png", "webp"};

bool is_accepted(std::string_view type) { return std::find(kAcceptedTypes.begin(), kAcceptedTypes.end(), type) != kAcceptedTypes.end(); }

bool is_ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Drops what must never reach a page or a file system: invalid UTF-8, control and format
// characters (U+202E can make "gpj.exe" read as "exe.jpg"), line separators and slashes.
std::string without_unsafe_characters(std::string_view s) {
  std::string out;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto length = static_cast<std::int32_t>(s.size());
  for (std::int32_t i = 0; i < length;) {
    std::int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || c == '/' || c == '\\') continue;
    auto category = u_charType(c);
    if (category == U_CONTROL_CHAR || category == U_FORMAT_CHAR || category == U_LINE_SEPARATOR || category == U_PARAGRAPH_SEPARATOR)
      continue;
    out.append(s.substr(start, i - start));
  }
  return out;
}

// Leading dots would make a hidden file; trailing ones and spaces are lost by some systems.
std::string trimmed(std::string_view s) { return std::string(trim(s, " .")); }

std::string truncated_utf8(std::string s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;  // not inside a code point
  s.resize(end);
  return s;
}

// The name the citizen will recognise, made safe: the base name only, NFC.
std::string safe_base_name(std::string_view filename) {
  if (auto slash = filename.find_last_of("/\\"); slash != std::string_view::npos) filename.remove_prefix(slash + 1);
  return trimmed(nfc(without_unsafe_characters(filename)));
}

// ".pdf" is an extension; ".2024" and ". bản sao" are not: a dot in a date names no type.
std::size_t extension_dot(std::string_view name) {
  std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return std::string_view::npos;
  std::string_view ext = name.substr(dot + 1);
  bool plain = !ext.empty() && ext.size() <= 5 && std::all_of(ext.begin(), ext.end(), is_ascii_alnum);
  return plain && std::any_of(ext.begin(), ext.end(), is_ascii_alpha) ? dot : std::string_view::npos;
}

// Lower-cased extension, or "" when the name has none.
std::string extension_of(std::string_view name) {
  std::size_t dot = extension_dot(name);
  if (dot == std::string_view::npos) return "";
  std::string ext(name.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext;
}

bool extension_matches(std::string_view ext, std::string_view type) {
  return ext == type || (type == "jpg" && (ext == "jpeg" || ext == "jpe" || ext == "jfif"));
}

bool claims_accepted_type(std::string_view ext) {
  return std::any_of(kAcceptedTypes.begin(), kAcceptedTypes.end(), [&](std::string_view type) { return extension_matches(ext, type); });
}

std::string_view content_label(std::string_view kind) {
  if (kind == "jpg") return "ảnh JPEG";
  if (kind == "png") return "ảnh PNG";
  if (kind == "webp") return "ảnh WebP";
  if (kind == "pdf") return "tài liệu PDF";
  if (kind == "gif") return "ảnh GIF";
  if (kind == "html") return "trang web (HTML)";
  if (kind == "svg") return "ảnh SVG";
  if (kind == "xml") return "tệp XML";
  if (kind == "script") return "tệp lệnh (script)";
  return "tệp";
}

std::string guillemets(std::string_view name) { return "«" + std::string(name.empty() ? "không tên" : name) + "»"; }

// `kind` is what the content is when it is not accepted: "gif", "html", "svg", "xml", "script"
// or nothing known.
std::string type_refusal(std::string_view name, std::string_view ext, const std::optional<std::string>& kind) {
  if (!kind) return fmt::format("Tệp {} không phải ảnh hay PDF hợp lệ ({}).", guillemets(name), kAccepted);
  std::string subject = claims_accepted_type(ext)
                            ? fmt::format("Tệp {} có đuôi .{} nhưng nội dung là {}", guillemets(name), ext, content_label(*kind))
                            : fmt::format("Tệp {} là {}", guillemets(name), content_label(*kind));
  if (*kind == "gif") return fmt::format("{}; loại tệp này không được nhận ({}).", subject, kAccepted);
  return fmt::format("{}; loại tệp này có thể chứa mã lệnh nên không được nhận ({}).", subject, kAccepted);
}

std::string strip_refusal(std::string_view name, std::string_view type, StripFailure why) {
  constexpr std::string_view reprint = "Vui lòng dùng chức năng «In ra PDF» (Print to PDF) để tạo bản PDF mới rồi gửi lại.";
  switch (why) {
    case StripFailure::malformed:
      return fmt::format("Tệp {} bị hỏng hoặc không đầy đủ: không đọc được cấu trúc {}. Vui lòng lưu lại tệp rồi gửi lại.", guillemets(name),
                         content_label(type));
    case StripFailure::active_content:
      return fmt::format("Tệp {} chứa mã lệnh (JavaScript), lệnh mở chương trình hoặc tệp nhúng bên trong nên không được nhận vì lý do an toàn. {}",
                         guillemets(name), reprint);
    case StripFailure::encrypted:
      return fmt::format("Tệp {} được đặt mật khẩu hoặc mã hoá nên không kiểm tra được. Vui lòng gửi bản không đặt mật khẩu.", guillemets(name));
    case StripFailure::too_complex:
      return fmt::format("Tệp {} quá phức tạp để kiểm tra an toàn trong thời gian cho phép. {}", guillemets(name), reprint);
  }
  return fmt::format("Tệp {} không được nhận.", guillemets(name));
}

StripResult strip_metadata(std::string_view type, std::string_view data) {
  if (type == "jpg") return strip_jpeg_metadata(data);
  if (type == "png") return strip_png_metadata(data);
  if (type == "webp") return strip_webp_metadata(data);
  return strip_pdf_metadata(data);
}

tl::unexpected<ServiceError> refuse(std::string message) { return fail(ServiceError::invalid(std::move(message))); }

}  // namespace

std::string attachment_display_name(std::string_view filename, std::string_view extension) {
  std::string stem = safe_base_name(filename);
  if (std::size_t dot = extension_dot(stem); dot != std::string::npos) stem.resize(dot);
  std::string suffix = "." + std::string(extension);
  stem = trimmed(truncated_utf8(trimmed(stem), kMaxNameBytes - suffix.size()));
  return (stem.empty() ? std::string(kFallbackStem) : stem) + suffix;
}

Result<CleanAttachment> clean_attachment(std::string_view filename, std::string_view data, const AttachmentPolicy& policy) {
  std::string base = safe_base_name(filename);
  std::string name = truncated_utf8(base, kMaxNameBytes);  // in guillemets in messages
  if (data.empty()) return refuse(fmt::format("Tệp {} rỗng (0 byte). Vui lòng chọn lại tệp.", guillemets(name)));
  if (data.size() > policy.max_bytes) return refuse(fmt::format("Tệp {} quá lớn: tối đa {}.", guillemets(name), format_file_size(policy.max_bytes)));

  std::string ext = extension_of(base);
  std::optional<std::string> type = sniff_document_type(data);
  if (!type || !is_accepted(*type)) return refuse(type_refusal(name, ext, type ? type : sniff_active_content(data)));
  if (!ext.empty() && !extension_matches(ext, *type))
    return refuse(fmt::format("Tệp {} có đuôi .{} nhưng nội dung là {}: đuôi tệp không khớp nội dung. Vui lòng kiểm tra lại tệp rồi gửi lại.",
                              guillemets(name), ext, content_label(*type)));

  StripResult stripped = strip_metadata(*type, data);
  if (!stripped) return refuse(strip_refusal(name, *type, stripped.error()));
  return CleanAttachment{std::move(stripped->data), *type, std::string(document_content_type(*type)),
                         attachment_display_name(filename, *type), std::move(stripped->removed)};
}

Result<std::vector<CleanAttachment>> clean_attachments(std::span<const AttachmentUpload> uploads, const AttachmentPolicy& policy) {
  if (uploads.size() > policy.max_files)
    return refuse(fmt::format("Chỉ được gửi tối đa {} tệp đính kèm cho một câu hỏi.", policy.max_files));
  std::vector<CleanAttachment> clean;
  for (const AttachmentUpload& upload : uploads) {
    auto one = clean_attachment(upload.filename, upload.data, policy);
    if (!one) return fail(std::move(one.error()));
    clean.push_back(std::move(*one));
  }
  return clean;
}

std::string format_file_size(std::int64_t bytes) {
  if (bytes < 1024) return fmt::format("{} B", bytes);
  std::string s = bytes >= (1 << 20) ? fmt::format("{:g} MB", std::round(bytes * 10.0 / (1 << 20)) / 10)
                                     : fmt::format("{} KB", (bytes + 512) / 1024);
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

}  // namespace core
