#include "http/form.h"

#include "core/strings.h"
#include "core/utf8.h"

namespace http {

std::string Form::get(std::string_view name) const {
  for (const auto& [k, v] : fields)
    if (k == name) return v;
  return {};
}

bool Form::has(std::string_view name) const {
  for (const auto& [k, v] : fields)
    if (k == name) return true;
  return false;
}

const UploadedFile* Form::file(std::string_view name) const {
  for (const auto& f : files)
    if (f.field == name && !f.data.empty()) return &f;
  return nullptr;
}

namespace {

// Value of `key` in a header like `form-data; name="x"; filename="y"`.
std::optional<std::string> header_param(std::string_view header, std::string_view key) {
  std::size_t pos = 0;
  while (pos < header.size()) {
    auto semi = header.find(';', pos);
    std::string_view part = trim_ows(header.substr(pos, semi == std::string_view::npos ? std::string_view::npos : semi - pos));
    pos = semi == std::string_view::npos ? header.size() : semi + 1;
    auto eq = part.find('=');
    if (eq == std::string_view::npos || trim_ows(part.substr(0, eq)) != key) continue;
    std::string_view v = trim_ows(part.substr(eq + 1));
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    return std::string(v);
  }
  return std::nullopt;
}

std::optional<Form> parse_multipart(std::string_view body, std::string_view content_type) {
  auto boundary = header_param(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 200) return std::nullopt;
  const std::string delimiter = "--" + *boundary;
  Form form;
  auto pos = body.find(delimiter);
  if (pos == std::string_view::npos) return std::nullopt;
  pos += delimiter.size();
  while (true) {
    if (body.substr(pos, 2) == "--") return form;  // closing delimiter
    if (body.substr(pos, 2) != "\r\n") return std::nullopt;
    pos += 2;
    auto headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos) return std::nullopt;
    std::string_view headers = body.substr(pos, headers_end - pos);
    auto next = body.find("\r\n" + delimiter, headers_end + 4);
    if (next == std::string_view::npos) return std::nullopt;
    std::string_view content = body.substr(headers_end + 4, next - headers_end - 4);
    pos = next + 2 + delimiter.size();

    std::optional<std::string> name, filename;
    std::string part_type;
    for (std::string_view line : core::split(headers, "\r\n")) {
      auto colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      std::string key(trim_ows(line.substr(0, colon)));
      for (auto& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string_view value = trim_ows(line.substr(colon + 1));
      if (key == "content-disposition") {
        name = header_param(value, "name");
        filename = header_param(value, "filename");
      } else if (key == "content-type") {
        part_type = std::string(value);
      }
    }
    if (!name || !core::is_valid_utf8(*name)) return std::nullopt;
    if (form.fields.size() + form.files.size() >= kMaxFormFields) return std::nullopt;
    if (filename) {
      if (!core::is_valid_utf8(*filename)) return std::nullopt;
      form.files.push_back({core::nfc(*name), core::nfc(*filename), part_type, std::string(content)});
    } else {
      if (!core::is_valid_utf8(content)) return std::nullopt;
      form.fields.emplace_back(core::nfc(*name), core::nfc(content));
    }
  }
}
}  // namespace

std::optional<Form> parse_form(const Request& request) {
  auto type = request.header("content-type").value_or("");
  std::string lower(type);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.starts_with("application/x-www-form-urlencoded")) {
    auto fields = parse_urlencoded(request.body);
    if (!fields || fields->size() > kMaxFormFields) return std::nullopt;
    return Form{std::move(*fields), {}};
  }
  if (lower.starts_with("multipart/form-data")) return parse_multipart(request.body, type);
  return Form{};
}

}  // namespace http
