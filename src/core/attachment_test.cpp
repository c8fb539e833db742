// Attachments: images built byte by byte with the personal data that real phones put in them
// (support/attachment_fixtures.h; PDFs: pdf_metadata_test.cpp); each test checks that it is gone
// and that the file still parses (read here independently); then types, sizes and names.
#include "core/attachment.h"

#include "core/utf8.h"
#include "support/attachment_fixtures.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace core {
namespace {

using namespace attachment_fixtures;

std::uint32_t read_be(std::string_view d, std::size_t at, int n) {
  std::uint32_t v = 0;
  for (int i = 0; i < n; ++i) v = (v << 8) | static_cast<std::uint8_t>(d[at + i]);
  return v;
}
std::uint32_t read_le32(std::string_view d, std::size_t at) {
  return static_cast<std::uint8_t>(d[at]) | static_cast<std::uint8_t>(d[at + 1]) << 8 | static_cast<std::uint8_t>(d[at + 2]) << 16 |
         static_cast<std::uint32_t>(static_cast<std::uint8_t>(d[at + 3])) << 24;
}

// What the image fixtures hide in their metadata.
void expect_personal_data_gone(std::string_view data) {
  for (std::string_view personal : {std::string_view(kPerson), std::string_view("Nguyen"), std::string_view("GPS"), std::string_view("21.0285")})
    EXPECT_FALSE(contains(data, personal)) << personal;
}


// An image fixture cleaned: it must be accepted as `content_type` with the personal data gone.
// Nothing (the failure recorded) when it is refused.
std::optional<CleanAttachment> cleaned_image(std::string_view name, std::string_view data, std::string_view content_type) {
  auto r = clean_attachment(name, data);
  EXPECT_TRUE(r) << error_of(r);
  if (!r) return std::nullopt;
  EXPECT_EQ(r->content_type, content_type);
  expect_personal_data_gone(r->data);
  return std::move(*r);
}

// ---- JPEG readers -------------------------------------------------------------------------------

// An independent segment walk: markers in order, entropy data skipped; fails on bad structure.
std::vector<int> jpeg_markers(std::string_view d) {
  std::vector<int> markers;
  EXPECT_EQ(d.substr(0, 2), "\xFF\xD8");
  std::size_t pos = 2;
  while (pos + 1 < d.size()) {
    EXPECT_EQ(static_cast<std::uint8_t>(d[pos]), 0xFF) << "at " << pos;
    while (pos + 2 < d.size() && d[pos + 1] == '\xFF') ++pos;  // fill bytes
    int marker = static_cast<std::uint8_t>(d[pos + 1]);
    markers.push_back(marker);
    if (marker == 0xD9) {
      EXPECT_EQ(pos + 2, d.size()) << "bytes after EOI";
      return markers;
    }
    std::size_t length = read_be(d, pos + 2, 2);
    pos += 2 + length;
    if (marker == 0xDA)  // entropy data up to the next real marker
      while (pos + 1 < d.size()) {
        auto next = static_cast<std::uint8_t>(d[pos + 1]);
        if (d[pos] == '\xFF' && next != 0x00 && (next < 0xD0 || next > 0xD7)) break;
        ++pos;
      }
  }
  ADD_FAILURE() << "no EOI";
  return markers;
}

// ---- PNG readers --------------------------------------------------------------------------------

// Chunk types in order; every CRC checked.
std::vector<std::string> png_chunks(std::string_view d) {
  std::vector<std::string> types;
  EXPECT_EQ(d.substr(0, 8), kPngSignature);
  for (std::size_t pos = 8; pos + 12 <= d.size();) {
    std::size_t length = read_be(d, pos, 4);
    std::string_view tb = d.substr(pos + 4, 4 + length);
    EXPECT_EQ(crc32(0, reinterpret_cast<const Bytef*>(tb.data()), tb.size()), read_be(d, pos + 8 + length, 4));
    types.emplace_back(tb.substr(0, 4));
    pos += 12 + length;
    if (types.back() == "IEND") {
      EXPECT_EQ(pos, d.size());
    }
  }
  return types;
}

// ---- WebP readers -------------------------------------------------------------------------------

std::vector<std::string> webp_chunks(std::string_view d) {
  std::vector<std::string> fourccs;
  EXPECT_EQ(d.substr(0, 4), "RIFF");
  EXPECT_EQ(read_le32(d, 4) + 8, d.size());
  for (std::size_t pos = 12; pos + 8 <= d.size();) {
    fourccs.emplace_back(d.substr(pos, 4));
    std::size_t size = read_le32(d, pos + 4);
    pos += 8 + size + (size & 1);
    EXPECT_LE(pos, d.size());
  }
  return fourccs;
}


// ---- Tests: JPEG --------------------------------------------------------------------------------

TEST(AttachmentJpeg, DropsExifXmpCommentsAndTrailerKeepsColour) {
  auto r = cleaned_image("IMG_2024.jpg", phone_jpeg(), "image/jpeg");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->extension, "jpg");
  EXPECT_EQ(r->display_name, "IMG_2024.jpg");
  EXPECT_FALSE(contains(r->data, "Exif"));
  EXPECT_EQ(jpeg_markers(r->data), (std::vector<int>{0xE0, 0xE2, 0xEE, 0xDB, 0xC0, 0xC4, 0xC4, 0xDA, 0xD9}));
  EXPECT_TRUE(contains(r->data, "ICC_PROFILE"));
  EXPECT_TRUE(contains(r->data, "Adobe"));
  EXPECT_EQ(r->removed, (std::vector<std::string>{"EXIF", "XMP", "MPF", "IPTC", "JPEG comment", "trailing data"}));
  // The image itself is untouched: everything from DQT on is byte for byte the same.
  EXPECT_TRUE(r->data.ends_with(jpeg_image_segments()));
}

TEST(AttachmentJpeg, CleanOutputIsStableWhenCleanedAgain) {
  auto first = clean_attachment("a.jpg", phone_jpeg());
  ASSERT_TRUE(first);
  auto second = clean_attachment("a.jpg", first->data);
  ASSERT_TRUE(second) << error_of(second);
  EXPECT_EQ(second->data, first->data);
  EXPECT_TRUE(second->removed.empty());
}

TEST(AttachmentJpeg, JfifThumbnailIsDropped) {
  std::string thumb = "JFIF\0\x01\x02\x00\x00\x48\x00\x48\x01\x01"s + "\x10\x20\x30";  // 1x1 RGB thumbnail
  auto r = clean_attachment("a.jpg", "\xFF\xD8"s + segment(0xE0, thumb) + jpeg_image_segments());
  ASSERT_TRUE(r) << error_of(r);
  EXPECT_EQ(r->data.substr(2, 18), segment(0xE0, "JFIF\0\x01\x02\x00\x00\x48\x00\x48\x00\x00"s));
  EXPECT_EQ(r->removed, std::vector<std::string>{"JFIF thumbnail"});
}

TEST(AttachmentJpeg, ProgressiveScansStuffedBytesAndRestartsAreKept) {
  std::string image = segment(0xDB, "\x00"s + std::string(64, '\x01')) + segment(0xC2, "\x08\x00\x08\x00\x08\x01\x01\x11\x00"s) +
                      segment(0xC4, "\x00"s + "\x01" + std::string(15, '\0') + "\x00"s) + segment(0xDA, "\x01\x01\x00\x00\x00\x00"s) +
                      "\x12\xFF\x00\x34\xFF\xD0\x56"s + segment(0xE1, exif_payload()) +  // Exif between scans is dropped too
                      segment(0xC4, "\x10"s + "\x01" + std::string(15, '\0') + "\x00"s) + segment(0xDA, "\x01\x01\x00\x01\x3F\x00"s) +
                      "\x78\xFF\xFF\xD9";  // a fill byte before EOI
  auto r = clean_attachment("a.jpg", "\xFF\xD8"s + image);
  ASSERT_TRUE(r) << error_of(r);
  expect_personal_data_gone(r->data);
  EXPECT_TRUE(contains(r->data, "\x12\xFF\x00\x34\xFF\xD0\x56"s));
  EXPECT_EQ(jpeg_markers(r->data), (std::vector<int>{0xDB, 0xC2, 0xC4, 0xDA, 0xC4, 0xDA, 0xD9}));
}

TEST(AttachmentJpeg, TruncatedOrMalformedIsRefused) {
  const std::string message = "Tệp «anh.jpg» bị hỏng hoặc không đầy đủ: không đọc được cấu trúc ảnh JPEG. Vui lòng lưu lại tệp rồi gửi lại.";
  std::string whole = "\xFF\xD8"s + segment(0xE1, exif_payload()) + jpeg_image_segments();
  EXPECT_EQ(error_of(clean_attachment("anh.jpg", whole.substr(0, whole.size() - 2))), message);  // no EOI
  EXPECT_EQ(error_of(clean_attachment("anh.jpg", whole.substr(0, 20))), message);                // inside a segment
  EXPECT_EQ(error_of(clean_attachment("anh.jpg", "\xFF\xD8\xFF\xD9"s)), message);                 // no image
  std::string no_frame = "\xFF\xD8"s + segment(0xDA, "\x01\x01\x00\x00\x3F\x00"s) + "\x3F\xFF\xD9";
  EXPECT_EQ(error_of(clean_attachment("anh.jpg", no_frame)), message);
  std::string bad_length = "\xFF\xD8\xFF\xE1\x00\x01"s + jpeg_image_segments();
  EXPECT_EQ(error_of(clean_attachment("anh.jpg", bad_length)), message);
}

// ---- Tests: PNG ---------------------------------------------------------------------------------

TEST(AttachmentPng, DropsTextTimeExifAndTrailingData) {
  auto r = cleaned_image("so-do.png", png_with_text(), "image/png");
  ASSERT_TRUE(r);
  EXPECT_FALSE(contains(r->data, "Author"));
  EXPECT_FALSE(contains(r->data, "uncropped"));
  EXPECT_EQ(png_chunks(r->data), (std::vector<std::string>{"IHDR", "IDAT", "IEND"}));
  EXPECT_EQ(r->removed, (std::vector<std::string>{"PNG text", "XMP", "PNG time", "EXIF", "trailing data"}));
}

TEST(AttachmentPng, BadCrcTruncationAndChunkOrderAreRefused) {
  const std::string message = "Tệp «a.png» bị hỏng hoặc không đầy đủ: không đọc được cấu trúc ảnh PNG. Vui lòng lưu lại tệp rồi gửi lại.";
  std::string png = png_with_text();
  std::size_t idat = png.find("IDAT");
  std::string bad_crc = png;
  bad_crc[idat + 5] ^= 0x01;
  EXPECT_EQ(error_of(clean_attachment("a.png", bad_crc)), message);
  EXPECT_EQ(error_of(clean_attachment("a.png", png.substr(0, png.find("IEND") - 4))), message);  // no IEND
  std::string idat_first = kPngSignature + png_chunk("IDAT", zlib_compress("\x00\x80"s)) + png_chunk("IEND", "");
  EXPECT_EQ(error_of(clean_attachment("a.png", idat_first)), message);
  std::string no_data = kPngSignature + png_chunk("IHDR", be32(1) + be32(1) + "\x08\x00\x00\x00\x00"s) + png_chunk("IEND", "");
  EXPECT_EQ(error_of(clean_attachment("a.png", no_data)), message);
}

// ---- Tests: WebP --------------------------------------------------------------------------------

TEST(AttachmentWebp, DropsExifAndXmpClearsFlagsFixesRiffSize) {
  auto r = cleaned_image("anh.webp", webp_with_exif(), "image/webp");
  ASSERT_TRUE(r);
  EXPECT_EQ(webp_chunks(r->data), (std::vector<std::string>{"VP8X", "VP8L"}));
  EXPECT_EQ(r->data[20] & 0x0C, 0) << "VP8X still announces Exif or XMP";
  EXPECT_EQ(r->removed, (std::vector<std::string>{"EXIF", "XMP"}));
}

TEST(AttachmentWebp, TruncatedIsRefused) {
  std::string webp = webp_with_exif();
  EXPECT_EQ(error_of(clean_attachment("anh.webp", webp.substr(0, 30))),
            "Tệp «anh.webp» bị hỏng hoặc không đầy đủ: không đọc được cấu trúc ảnh WebP. Vui lòng lưu lại tệp rồi gửi lại.");
}

// ---- Tests: types, sizes, names -----------------------------------------------------------------

TEST(Attachment, TypeComesFromContentNotName) {
  EXPECT_EQ(error_of(clean_attachment("scan.pdf", png_with_text())),
            "Tệp «scan.pdf» có đuôi .pdf nhưng nội dung là ảnh PNG: đuôi tệp không khớp nội dung. Vui lòng kiểm tra lại tệp rồi gửi lại.");
  EXPECT_EQ(error_of(clean_attachment("anh.jpg", "<!DOCTYPE html><html><script>alert(1)</script>")),
            "Tệp «anh.jpg» có đuôi .jpg nhưng nội dung là trang web (HTML); loại tệp này có thể chứa mã lệnh nên không được nhận "
            "(chỉ nhận PDF, JPEG, PNG, WebP).");
  EXPECT_EQ(error_of(clean_attachment("logo.svg", "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>")),
            "Tệp «logo.svg» là ảnh SVG; loại tệp này có thể chứa mã lệnh nên không được nhận (chỉ nhận PDF, JPEG, PNG, WebP).");
  EXPECT_TRUE(contains(error_of(clean_attachment("logo.png", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")),
                       "có đuôi .png nhưng nội dung là ảnh SVG"));
  EXPECT_EQ(error_of(clean_attachment("anh.jpg", "just some bytes")),
            "Tệp «anh.jpg» không phải ảnh hay PDF hợp lệ (chỉ nhận PDF, JPEG, PNG, WebP).");
  EXPECT_EQ(error_of(clean_attachment("dong.gif", "GIF89a")),
            "Tệp «dong.gif» là ảnh GIF; loại tệp này không được nhận (chỉ nhận PDF, JPEG, PNG, WebP).");
  EXPECT_TRUE(contains(error_of(clean_attachment("don.docx", office_pdf())), "có đuôi .docx nhưng nội dung là tài liệu PDF"));
}

TEST(Attachment, ExtensionsThatAgreeOrAreMissingAreAccepted) {
  auto upper = clean_attachment("ANH.JPEG", phone_jpeg());
  ASSERT_TRUE(upper) << error_of(upper);
  EXPECT_EQ(upper->display_name, "ANH.jpg");
  auto none = clean_attachment("Ảnh chụp 2024.05.01", png_with_text());  // ".01" is not an extension
  ASSERT_TRUE(none) << error_of(none);
  EXPECT_EQ(none->display_name, "Ảnh chụp 2024.05.01.png");
}

TEST(Attachment, EmptyOversizeAndTooManyAreRefused) {
  EXPECT_EQ(error_of(clean_attachment("trong.pdf", "")), "Tệp «trong.pdf» rỗng (0 byte). Vui lòng chọn lại tệp.");
  std::string big = office_pdf() + std::string(5u << 20, ' ');
  EXPECT_EQ(error_of(clean_attachment("x.pdf", big)), "Tệp «x.pdf» quá lớn: tối đa 5 MB.");
  EXPECT_EQ(error_of(clean_attachment("x.pdf", office_pdf(), {.max_bytes = 1536u << 10})), "(accepted)");
  EXPECT_EQ(error_of(clean_attachment("x.pdf", big, {.max_bytes = 1536u << 10})), "Tệp «x.pdf» quá lớn: tối đa 1,5 MB.");

  std::string jpeg = phone_jpeg();
  std::vector<AttachmentUpload> four(4, AttachmentUpload{"a.jpg", jpeg});
  auto many = clean_attachments(four);
  ASSERT_FALSE(many);
  EXPECT_EQ(many.error().message, "Chỉ được gửi tối đa 3 tệp đính kèm cho một câu hỏi.");
  EXPECT_EQ(many.error().code, "invalid_input");
  auto three = clean_attachments(std::span(four).first(3));
  ASSERT_TRUE(three);
  EXPECT_EQ(three->size(), 3u);
  std::vector<AttachmentUpload> one_bad = {{"a.jpg", jpeg}, {"b.jpg", ""}};
  EXPECT_EQ(clean_attachments(one_bad).error().message, "Tệp «b.jpg» rỗng (0 byte). Vui lòng chọn lại tệp.");
}

TEST(AttachmentName, PathTraversalControlAndBidiCharactersAreRemoved) {
  auto r = clean_attachment("../../etc/passwd.png", png_with_text());
  ASSERT_TRUE(r) << error_of(r);
  EXPECT_EQ(r->display_name, "passwd.png");
  EXPECT_EQ(attachment_display_name("C:\\Users\\An\\..\\ảnh.png", "png"), "ảnh.png");
  EXPECT_EQ(attachment_display_name("a\x01\x1F\x7F" "b\r\n.png", "png"), "ab.png");
  EXPECT_EQ(attachment_display_name("anh\u202Egnp.exe", "png"), "anhgnp.png");  // right-to-left override
  EXPECT_EQ(attachment_display_name("..hidden", "pdf"), "hidden.pdf");
  EXPECT_EQ(attachment_display_name("///", "pdf"), "tep-dinh-kem.pdf");
  EXPECT_EQ(attachment_display_name("bad\xFF\xFEname.jpg", "jpg"), "badname.jpg");
  EXPECT_EQ(error_of(clean_attachment("../../etc/passwd.pdf", "")), "Tệp «passwd.pdf» rỗng (0 byte). Vui lòng chọn lại tệp.");
}

TEST(AttachmentName, NfcAndLengthLimitAndRealExtension) {
  std::string decomposed = "\xC4\x91\x61\xCC\x82\xCC\x81t.jpg";  // "đất" with combining marks
  EXPECT_EQ(attachment_display_name(decomposed, "jpg"), "đất.jpg");
  EXPECT_EQ(attachment_display_name("don.exe", "pdf"), "don.pdf");
  std::string long_name;
  for (int i = 0; i < 60; ++i) long_name += "Đơn ";
  std::string shown = attachment_display_name(long_name + ".pdf", "pdf");
  EXPECT_LE(shown.size(), 120u);
  EXPECT_TRUE(shown.ends_with(".pdf"));
  EXPECT_TRUE(is_valid_utf8(shown));
  EXPECT_TRUE(shown.starts_with("Đơn Đơn"));
  EXPECT_TRUE(contains(error_of(clean_attachment(long_name + ".pdf", png_with_text())), "có đuôi .pdf nhưng nội dung là ảnh PNG"));
}

TEST(FileSize, WritesADecimalCommaAndRoundsToTheUnitShown) {
  EXPECT_EQ(format_file_size(0), "0 B");
  EXPECT_EQ(format_file_size(1023), "1023 B");
  EXPECT_EQ(format_file_size(1024), "1 KB");
  EXPECT_EQ(format_file_size(800 * 1024 + 600), "801 KB");
  EXPECT_EQ(format_file_size(1536 * 1024), "1,5 MB");
  EXPECT_EQ(format_file_size(5 << 20), "5 MB");
}

}  // namespace
}  // namespace core
