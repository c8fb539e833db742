#pragma once
// Submitted HTML forms: application/x-www-form-urlencoded and multipart/form-data.
#include "http/message.h"

#include <optional>
#include <string>
#include <vector>

namespace http {

struct UploadedFile {
  std::string field;
  std::string filename;      // as sent by the browser; never used as a path
  std::string content_type;  // as sent; never trusted (see core::sniff_image_type)
  std::string data;
};

struct Form {
  std::vector<std::pair<std::string, std::string>> fields;
  std::vector<UploadedFile> files;

  // First value of `name`, or "" when absent.
  std::string get(std::string_view name) const;
  bool has(std::string_view name) const;
  const UploadedFile* file(std::string_view name) const;  // nullptr when absent or empty
};

// No form of the site has more than a few dozen fields; a body with more is refused.
constexpr std::size_t kMaxFormFields = 500;

// Parses the body of a POST by its Content-Type. Nullopt when malformed, not valid UTF-8 or with
// more than kMaxFormFields fields and files (field values are NFC-normalised); an absent or
// other Content-Type gives an empty form.
std::optional<Form> parse_form(const Request& request);

}  // namespace http
