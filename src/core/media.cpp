#include "core/media.h"

#include <array>
#include <cctype>

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

namespace {
// Lower-cased start of the text after a UTF-8 byte order mark and white space: where browsers look.
std::string text_start(std::string_view d) {
  if (d.substr(0, 3) == "\xEF\xBB\xBF") d.remove_prefix(3);
  while (!d.empty() && std::isspace(static_cast<unsigned char>(d.front()))) d.remove_prefix(1);
  std::string head(d.substr(0, 512));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return head;
}
}  // namespace

std::optional<std::string> sniff_active_content(std::string_view data) {
  std::string head = text_start(data);
  auto starts = [&](std::string_view s) { return head.substr(0, s.size()) == s; };
  if (starts("#!")) return "script";
  if (starts("<svg") || (starts("<?xml") && head.find("<svg") != std::string::npos)) return "svg";
  if (starts("<?xml")) return "xml";
  // Tags that make a browser treat a file as HTML (the WHATWG sniffing list, shortened).
  static constexpr std::array<std::string_view, 12> html = {"<!doctype html", "<html", "<head", "<body", "<script", "<iframe",
                                                           "<!--", "<div", "<a ", "<style", "<title", "<table"};
  for (auto tag : html)
    if (starts(tag)) return "html";
  return std::nullopt;
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
