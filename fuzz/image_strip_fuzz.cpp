// core::strip_jpeg_metadata, strip_png_metadata, strip_webp_metadata on arbitrary bytes. The
// stripper is chosen by the file's magic, else by the first byte.
// Properties: a refusal is always `malformed`; an accepted file comes out no larger, with the same
// magic and a whole structure (JPEG ends at EOI, PNG at IEND, WebP's RIFF size is exact), each
// removed label once, and stripping the output again changes nothing and removes nothing.
#include "core/media.h"
#include "core/metadata_strip.h"
#include "fuzz_check.h"

#include <algorithm>

namespace {

using Stripper = core::StripResult (*)(std::string_view);

std::uint32_t le32(std::string_view d, std::size_t at) {
  auto b = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<std::uint8_t>(d[at + i])); };
  return b(0) | b(1) << 8 | b(2) << 16 | b(3) << 24;
}

std::uint32_t be32(std::string_view d, std::size_t at) {
  auto b = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<std::uint8_t>(d[at + i])); };
  return b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3);
}

// The type of the chunk that ends exactly at the end of the file, or "" when the chunks do not add up.
std::string_view last_png_chunk(std::string_view d) {
  std::string_view type;
  std::size_t pos = 8;
  while (pos < d.size()) {
    if (d.size() - pos < 12 || be32(d, pos) > d.size() - pos - 12) return "";
    type = d.substr(pos + 4, 4);
    pos += 12 + be32(d, pos);
  }
  return type;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in = fuzz::bytes(data, size);
  if (in.empty()) return 0;
  static constexpr Stripper kStrippers[] = {core::strip_jpeg_metadata, core::strip_png_metadata, core::strip_webp_metadata};
  std::size_t which = static_cast<std::uint8_t>(in[0]) % 3;
  if (in.starts_with("\xFF\xD8")) which = 0;
  else if (in.starts_with("\x89PNG")) which = 1;
  else if (in.starts_with("RIFF")) which = 2;
  Stripper strip = kStrippers[which];

  core::StripResult first = strip(in);
  if (!first) {
    FUZZ_CHECK(first.error() == core::StripFailure::malformed);
    return 0;
  }
  const std::string& out = first->data;
  FUZZ_CHECK(out.size() <= in.size());
  for (std::size_t i = 0; i < first->removed.size(); ++i)
    FUZZ_CHECK(std::count(first->removed.begin(), first->removed.end(), first->removed[i]) == 1);

  static constexpr const char* kTypes[] = {"jpg", "png", "webp"};
  FUZZ_CHECK(core::sniff_image_type(out) == std::optional<std::string>(kTypes[which]));
  if (which == 0) FUZZ_CHECK(out.ends_with("\xFF\xD9"));
  if (which == 1) FUZZ_CHECK(last_png_chunk(out) == "IEND");
  if (which == 2) FUZZ_CHECK(out.size() >= 12 && le32(out, 4) + 8 == out.size());

  core::StripResult second = strip(out);
  FUZZ_CHECK(second.has_value());
  FUZZ_CHECK(second->data == out);
  FUZZ_CHECK(second->removed.empty());
  return 0;
}
