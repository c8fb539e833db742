#include "core/media.h"

namespace core {

std::optional<std::string> sniff_image_type(std::string_view d) {
  auto starts = [&](std::string_view magic, std::size_t at = 0) { return d.size() >= at + magic.size() && d.substr(at, magic.size()) == magic; };
  if (starts("\xFF\xD8\xFF")) return "jpg";
  if (starts("\x89PNG\r\n\x1A\n")) return "png";
  if (starts("RIFF") && starts("WEBP", 8)) return "webp";
  if (starts("GIF87a") || starts("GIF89a")) return "gif";
  return std::nullopt;
}

std::optional<std::string> sniff_document_type(std::string_view data) {
  if (data.substr(0, 5) == "%PDF-") return "pdf";
  return sniff_image_type(data);
}

std::string_view document_content_type(std::string_view ext) {
  if (ext == "pdf") return "application/pdf";
  return image_content_type(ext);
}

std::string_view image_content_type(std::string_view ext) {
  if (ext == "jpg") return "image/jpeg";
  if (ext == "png") return "image/png";
  if (ext == "webp") return "image/webp";
  if (ext == "gif") return "image/gif";
  return "application/octet-stream";
}

}  // namespace core
