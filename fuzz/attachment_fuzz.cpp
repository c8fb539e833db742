// core::clean_attachment on a file name and arbitrary content: type sniffing, the extension
// check, the image strippers, the display name and the refusal messages. Input: a policy byte,
// the file name up to the first '\n', then the content. Content that sniffs as PDF is skipped:
// clean_attachment would start the confined child (/proc/self/exe), which is the fuzzer itself
// (pdf_strip_fuzz covers the PDF task).
// Properties: a refusal is ServiceError::invalid with a valid UTF-8 message; an accepted file is
// jpg/png/webp as sniffed, its content type matches, its data is what the type's stripper gives
// and is no larger than the upload; display names are valid UTF-8, at most 120 bytes, end in
// ".<type>" and hold no path separator or control character.
#include "core/attachment.h"
#include "core/media.h"
#include "core/metadata_strip.h"
#include "core/utf8.h"
#include "fuzz_check.h"

namespace {

void check_display_name(const std::string& shown, std::string_view extension) {
  FUZZ_CHECK(core::is_valid_utf8(shown));
  FUZZ_CHECK(shown.size() <= 120);
  FUZZ_CHECK(shown.ends_with("." + std::string(extension)));
  FUZZ_CHECK(shown.size() > extension.size() + 1);  // a stem, at worst the fallback one
  FUZZ_CHECK(!shown.starts_with("."));
  for (unsigned char c : shown) FUZZ_CHECK(c >= 0x20 && c != 0x7F && c != '/' && c != '\\');
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Input input(fuzz::bytes(data, size));
  std::uint8_t policy_byte = input.byte();
  std::string_view filename = input.line();
  std::string_view content = input.rest();

  static constexpr std::string_view kExtensions[] = {"pdf", "jpg", "png", "webp"};
  check_display_name(core::attachment_display_name(filename, kExtensions[policy_byte % 4]), kExtensions[policy_byte % 4]);

  std::optional<std::string> type = core::sniff_document_type(content);
  if (type == "pdf") return 0;
  core::AttachmentPolicy policy;
  if (policy_byte & 0x80) policy.max_bytes = policy_byte & 0x7F;  // small limits: the size refusal and its message

  auto cleaned = core::clean_attachment(filename, content, policy);
  if (!cleaned) {
    FUZZ_CHECK(cleaned.error().kind == core::ErrorKind::invalid);
    FUZZ_CHECK(cleaned.error().code == "invalid_input");
    FUZZ_CHECK(!cleaned.error().message.empty());
    FUZZ_CHECK(core::is_valid_utf8(cleaned.error().message));
    return 0;
  }
  FUZZ_CHECK(type.has_value());
  FUZZ_CHECK(cleaned->extension == *type);
  FUZZ_CHECK(*type == "jpg" || *type == "png" || *type == "webp");
  FUZZ_CHECK(cleaned->content_type == core::image_content_type(*type));
  FUZZ_CHECK(!content.empty() && content.size() <= policy.max_bytes);
  FUZZ_CHECK(cleaned->data.size() <= content.size());
  core::StripResult direct = *type == "jpg"   ? core::strip_jpeg_metadata(content)
                             : *type == "png" ? core::strip_png_metadata(content)
                                              : core::strip_webp_metadata(content);
  FUZZ_CHECK(direct.has_value());
  FUZZ_CHECK(direct->data == cleaned->data);
  FUZZ_CHECK(direct->removed == cleaned->removed);
  check_display_name(cleaned->display_name, *type);
  return 0;
}
