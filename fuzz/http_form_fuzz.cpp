// http::parse_form over a POST built from the fuzz input: the first byte chooses the Content-Type
// (urlencoded, multipart with a fixed, quoted or fuzzed boundary, another type, none), the rest is
// the body (for the fuzzed boundary and the fuzzed type, their value is the first line).
// Properties: urlencoded bodies give exactly parse_urlencoded's pairs and no files; other types
// give an empty form; a parsed form has at most kMaxFormFields entries, valid UTF-8 NFC names
// and values, file contents cut from the body, part headers without CRLF; Form::get,
// has and file agree with the lists.
#include "core/utf8.h"
#include "fuzz_check.h"
#include "http/form.h"

namespace {

bool is_nfc_utf8(const std::string& s) { return core::is_valid_utf8(s) && core::nfc(s) == s; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Input input(fuzz::bytes(data, size));
  std::uint8_t kind = input.byte() % 8;
  http::Request request;
  request.method = "POST";
  request.target = request.path = "/tu-van";
  std::optional<std::string> type;
  switch (kind) {
    case 0: type = "application/x-www-form-urlencoded"; break;
    case 1: type = "application/x-www-form-urlencoded; charset=UTF-8"; break;
    case 2: type = "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW"; break;
    case 3: type = "multipart/form-data; boundary=\"b\""; break;
    case 4: type = "Multipart/Form-Data; charset=utf-8; boundary=" + std::string(input.line()); break;
    case 5: type = "text/plain"; break;
    case 6: break;
    default: type = std::string(input.line()); break;
  }
  if (type) request.headers.emplace_back("content-type", *type);
  request.body = std::string(input.rest());

  std::optional<http::Form> form = http::parse_form(request);
  std::string lower = type.value_or("");
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool urlencoded = lower.starts_with("application/x-www-form-urlencoded");
  bool multipart = lower.starts_with("multipart/form-data");

  if (urlencoded) {
    auto pairs = http::parse_urlencoded(request.body);
    FUZZ_CHECK(form.has_value() == (pairs.has_value() && pairs->size() <= http::kMaxFormFields));
    if (form) {
      FUZZ_CHECK(form->fields == *pairs);
      FUZZ_CHECK(form->files.empty());
    }
  } else if (!multipart) {
    FUZZ_CHECK(form.has_value() && form->fields.empty() && form->files.empty());
  }
  if (!form) return 0;

  FUZZ_CHECK(form->fields.size() + form->files.size() <= http::kMaxFormFields);
  for (const auto& [name, value] : form->fields) {
    FUZZ_CHECK(is_nfc_utf8(name));
    FUZZ_CHECK(is_nfc_utf8(value));
    FUZZ_CHECK(form->has(name));
  }
  if (!form->fields.empty()) FUZZ_CHECK(form->get(form->fields.front().first) == form->fields.front().second);
  for (const auto& file : form->files) {
    FUZZ_CHECK(multipart);
    FUZZ_CHECK(is_nfc_utf8(file.field));
    FUZZ_CHECK(is_nfc_utf8(file.filename));
    FUZZ_CHECK(file.content_type.find("\r\n") == std::string::npos);  // a lone CR or LF may stay: never used
    FUZZ_CHECK(request.body.find(file.data) != std::string::npos);
    const http::UploadedFile* found = form->file(file.field);
    FUZZ_CHECK(file.data.empty() || (found != nullptr && found->field == file.field && !found->data.empty()));
  }
  return 0;
}
