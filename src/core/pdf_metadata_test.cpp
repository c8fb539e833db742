// PDF attachments: metadata removed by qpdf in a confined child process, active content and
// encryption refused, hostile files answered within the child's budget (core/pdf_metadata.cpp).
#include "core/attachment.h"
#include "core/confined_process.h"
#include "support/attachment_fixtures.h"

#include <gtest/gtest.h>
#define POINTERHOLDER_TRANSITION 4  // qpdf 11: std::shared_ptr only, no PointerHolder
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace core {
namespace {

using namespace attachment_fixtures;

std::size_t startxref_of(std::string_view pdf) {
  std::size_t at = pdf.rfind("startxref");
  return std::stoul(std::string(pdf.substr(at + 9, 20)));
}

// What a PDF reader sees, as parsed by qpdf: every string value and every stream's decoded data,
// inside compressed object streams too; the page count; whether the trailer names an /Info.
struct PdfAsRead {
  std::string strings_and_streams;
  int pages = 0;
  bool has_info = false;
  bool has_metadata = false;
};

void collect_strings(QPDFObjectHandle object, std::string& into, int depth = 0) {
  if (depth > 50 || (object.isIndirect() && depth > 0)) return;
  if (object.isString()) into += object.getStringValue() + "\n";
  if (object.isArray())
    for (QPDFObjectHandle item : object.aitems()) collect_strings(item, into, depth + 1);
  if (object.isDictionary() || object.isStream()) {
    for (auto [key, value] : (object.isStream() ? object.getDict() : object).ditems()) {
      if (key == "/Metadata") into += "/Metadata\n";
      collect_strings(value, into, depth + 1);
    }
  }
  if (object.isStream() && depth == 0) {
    std::shared_ptr<Buffer> data = object.getStreamData(qpdf_dl_all);
    into.append(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  }
}

PdfAsRead read_pdf(const std::string& pdf) {
  QPDF parsed;
  parsed.setSuppressWarnings(true);
  parsed.processMemoryFile("test.pdf", pdf.data(), pdf.size());
  PdfAsRead read;
  read.has_info = parsed.getTrailer().hasKey("/Info");
  collect_strings(parsed.getTrailer(), read.strings_and_streams);
  for (QPDFObjectHandle object : parsed.getAllObjects()) collect_strings(object, read.strings_and_streams);
  read.has_metadata = contains(read.strings_and_streams, "/Metadata");
  read.pages = static_cast<int>(parsed.getAllPages().size());
  return read;
}

// ---- Tests: PDF ---------------------------------------------------------------------------------

TEST(AttachmentPdf, InfoAndXmpAreRemovedAndThePagesKept) {
  std::string pdf = office_pdf();
  auto r = clean_attachment("don-khieu-nai.pdf", pdf);
  ASSERT_TRUE(r) << error_of(r);
  EXPECT_EQ(r->content_type, "application/pdf");
  EXPECT_EQ(r->removed, (std::vector<std::string>{"PDF Info", "XMP"}));
  PdfAsRead read = read_pdf(r->data);
  EXPECT_FALSE(read.has_info);
  EXPECT_FALSE(read.has_metadata);
  EXPECT_EQ(read.pages, 1);
  for (std::string_view personal : {std::string_view(kPerson), std::string_view("Nguyen"), std::string_view("Microsoft"),
                                    std::string_view("D:2024"), std::string_view("An Bình"), std::string_view("adobe:ns:meta")}) {
    EXPECT_FALSE(contains(r->data, personal)) << personal;
    EXPECT_FALSE(contains(read.strings_and_streams, personal)) << personal;
  }
  auto again = clean_attachment("don-khieu-nai.pdf", r->data);
  ASSERT_TRUE(again) << error_of(again);
  EXPECT_TRUE(again->removed.empty());
  EXPECT_EQ(read_pdf(again->data).pages, 1);
}

TEST(AttachmentPdf, CompressedXmpOfPagesAndPieceInfoAreRemoved) {
  PdfWriter w;
  w.object("<< /Type /Catalog /Pages 2 0 R /Metadata 4 0 R /PieceInfo << /Word << /Private (" + kPerson + ") >> >> >>");
  w.object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  w.object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Metadata 4 0 R >>");
  std::string packed = zlib_compress(xmp_packet());
  w.stream("/Type /Metadata /Subtype /XML /Filter /FlateDecode", packed);
  auto r = clean_attachment("a.pdf", w.finish("/Root 1 0 R"));
  ASSERT_TRUE(r) << error_of(r);
  EXPECT_EQ(r->removed, (std::vector<std::string>{"PieceInfo", "XMP"}));
  EXPECT_FALSE(contains(r->data, packed));
  PdfAsRead read = read_pdf(r->data);
  EXPECT_FALSE(read.has_metadata);
  EXPECT_FALSE(contains(read.strings_and_streams, kPerson));
  EXPECT_EQ(read.pages, 1);
}

TEST(AttachmentPdf, EarlierRevisionsAreNotKept) {
  // An incremental update appends a new Info object and trailer; the old ones stay in the file.
  std::string pdf = office_pdf();
  std::size_t first_xref = startxref_of(pdf);
  std::size_t info = pdf.size();
  pdf += "7 0 obj\n<< /Author (Trần Thị B) /ModDate (D:20240601) >>\nendobj\n";
  std::size_t xref = pdf.size();
  pdf += fmt::format("xref\n7 1\n{:010} 00000 n \ntrailer\n<< /Size 8 /Root 1 0 R /Info 7 0 R /Prev {} >>\nstartxref\n{}\n%%EOF\n", info,
                     first_xref, xref);
  auto r = clean_attachment("a.pdf", pdf);
  ASSERT_TRUE(r) << error_of(r);
  EXPECT_FALSE(contains(r->data, kPerson));
  EXPECT_FALSE(contains(r->data, "Trần"));
  EXPECT_EQ(read_pdf(r->data).pages, 1);
}

TEST(AttachmentPdf, ActiveContentIsRefused) {
  const std::string message =
      "Tệp «to-khai.pdf» chứa mã lệnh (JavaScript), lệnh mở chương trình hoặc tệp nhúng bên trong nên không được nhận vì lý do an toàn. "
      "Vui lòng dùng chức năng «In ra PDF» (Print to PDF) để tạo bản PDF mới rồi gửi lại.";
  for (std::string_view entries : {"/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>",
                                   "/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>",  // #xx escapes
                                   "/OpenAction << /S /Launch /F (cmd.exe) >>",
                                   "/Names << /EmbeddedFiles << /Names [(a.exe) 5 0 R] >> >>"})
    EXPECT_EQ(error_of(clean_attachment("to-khai.pdf", pdf_with_catalog(entries))), message) << entries;
  EXPECT_EQ(error_of(clean_attachment("to-khai.pdf", office_pdf("/AA << /O << /S /JavaScript /JS 9 0 R >> >>"))), message);
}

TEST(AttachmentPdf, NamesInsideStringsOrStreamDataAreNotActions) {
  PdfWriter w;
  w.object("<< /Type /Catalog /Pages 2 0 R >>");
  w.object("<< /Type /Pages /Kids [] /Count 0 /Note (see /JavaScript in the manual) >>");
  w.stream("", "BT /JS 12 Tf (text) Tj ET");
  auto r = clean_attachment("a.pdf", w.finish("/Root 1 0 R"));
  EXPECT_TRUE(r) << error_of(r);
}

TEST(AttachmentPdf, JavaScriptInsideCompressedObjectStreamIsRefused) {
  std::string pdf = pdf_with_object_stream({"<< /Type /Pages /Kids [] /Count 0 /OpenAction 4 0 R >>", "<< /S /JavaScript /JS (app.alert(1)) >>"},
                                           "/Root 1 0 R");
  EXPECT_FALSE(contains(pdf, "JavaScript"));  // only the inflated stream has it
  EXPECT_TRUE(contains(error_of(clean_attachment("a.pdf", pdf)), "chứa mã lệnh (JavaScript)"));
}

TEST(AttachmentPdf, InfoInsideCompressedObjectStreamIsRemoved) {
  std::string pdf = pdf_with_object_stream({"<< /Type /Pages /Kids [] /Count 0 >>", "<< /Author (" + kPerson + ") >>"}, "/Root 1 0 R /Info 4 0 R");
  auto r = clean_attachment("a.pdf", pdf);
  ASSERT_TRUE(r) << error_of(r);
  EXPECT_EQ(r->removed, (std::vector<std::string>{"PDF Info"}));
  PdfAsRead read = read_pdf(r->data);
  EXPECT_FALSE(read.has_info);
  EXPECT_FALSE(contains(read.strings_and_streams, kPerson));
}

TEST(AttachmentPdf, EncryptedAndTruncatedAreRefused) {
  std::string plain = office_pdf();
  QPDF source;
  source.processMemoryFile("plain.pdf", plain.data(), plain.size());
  QPDFWriter encrypting(source);
  encrypting.setOutputMemory();
  encrypting.setR6EncryptionParameters("", "owner", true, true, true, true, true, true, qpdf_r3p_full, true);
  encrypting.write();
  std::shared_ptr<Buffer> encrypted = encrypting.getBufferSharedPointer();
  EXPECT_EQ(error_of(clean_attachment("a.pdf", std::string(reinterpret_cast<const char*>(encrypted->getBuffer()), encrypted->getSize()))),
            "Tệp «a.pdf» được đặt mật khẩu hoặc mã hoá nên không kiểm tra được. Vui lòng gửi bản không đặt mật khẩu.");
  const std::string broken = "Tệp «a.pdf» bị hỏng hoặc không đầy đủ: không đọc được cấu trúc tài liệu PDF. Vui lòng lưu lại tệp rồi gửi lại.";
  EXPECT_EQ(error_of(clean_attachment("a.pdf", plain.substr(0, plain.size() / 2))), broken);
  EXPECT_EQ(error_of(clean_attachment("a.pdf", "%PDF-1.4\n garbage \n%%EOF\n")), broken);
}

// ---- Tests: PDF budget --------------------------------------------------------------------------

// Each hostile file is answered, accepted or refused, within the child's wall time (10 s; 40 s in
// sanitizer builds) and a little more for starting it.
void expect_answered_within_budget(const std::string& pdf, std::string_view expected_error) {
  auto started = std::chrono::steady_clock::now();
  auto r = clean_attachment("a.pdf", pdf);
  auto took = std::chrono::steady_clock::now() - started;
  EXPECT_LT(took, ConfinedLimits{}.wall_time + std::chrono::seconds(2));
  if (expected_error.empty()) EXPECT_TRUE(r) << error_of(r);
  else EXPECT_TRUE(contains(error_of(r), expected_error)) << error_of(r);
}

TEST(AttachmentPdfBudget, TooManyObjectsIsRefusedAsTooComplex) {
  // 300,000 objects of two bytes each in one object stream: a few hundred kilobytes compressed.
  std::vector<std::string> tiny(300'000, "[]");
  tiny.front() = "<< /Type /Pages /Kids [] /Count 0 >>";
  expect_answered_within_budget(pdf_with_object_stream(tiny, "/Root 1 0 R"), "quá phức tạp để kiểm tra an toàn");
}

TEST(AttachmentPdfBudget, HundredsOfThousandsOfReferencesAreLinear) {
  // The former hand-written parser resolved each reference by scanning every object.
  PdfWriter w;
  w.object("<< /Type /Catalog /Pages 2 0 R /Refs 4 0 R >>");
  w.object("<< /Type /Pages /Kids [] /Count 0 >>");
  w.object("(target)");
  std::string refs = "[";
  for (int i = 0; i < 600'000; ++i) refs += "3 0 R ";
  w.object(refs + "]");
  std::string pdf = w.finish("/Root 1 0 R");
  ASSERT_LT(pdf.size(), AttachmentPolicy{}.max_bytes);
  expect_answered_within_budget(pdf, "");
}

TEST(AttachmentPdfBudget, DeepNestingAndPageTreeLoopsAreRefusedOrSurvived) {
  PdfWriter deep;
  deep.object("<< /Type /Catalog /Pages 2 0 R /Deep " + std::string(100'000, '[') + std::string(100'000, ']') + " >>");
  deep.object("<< /Type /Pages /Kids [] /Count 0 >>");
  expect_answered_within_budget(deep.finish("/Root 1 0 R"), "bị hỏng hoặc không đầy đủ");

  PdfWriter loop;
  loop.object("<< /Type /Catalog /Pages 2 0 R >>");
  loop.object("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>");
  loop.object("<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1 >>");
  auto started = std::chrono::steady_clock::now();
  (void)clean_attachment("a.pdf", loop.finish("/Root 1 0 R"));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(12));
}

TEST(ConfinedProcess, OverrunningWallTimeOrOutputKillsTheChild) {
  std::string pdf = office_pdf();
  ConfinedOutcome fine = run_confined("strip-pdf", pdf);
  EXPECT_EQ(fine.end, ConfinedOutcome::End::exited);
  EXPECT_EQ(fine.exit_code, 0);
  EXPECT_TRUE(fine.output.starts_with("PDF Info,XMP\n%PDF-")) << fine.output.substr(0, 40);

  EXPECT_EQ(run_confined("strip-pdf", pdf, ConfinedLimits{.wall_time = std::chrono::milliseconds(0)}).end, ConfinedOutcome::End::over_budget);
  ConfinedOutcome too_long = run_confined("strip-pdf", pdf, ConfinedLimits{.max_output_bytes = 16});
  EXPECT_EQ(too_long.end, ConfinedOutcome::End::over_budget);
  EXPECT_TRUE(too_long.output.empty());

  ConfinedOutcome unknown = run_confined("no-such-task", "");
  EXPECT_EQ(unknown.end, ConfinedOutcome::End::exited);
  EXPECT_EQ(unknown.exit_code, 126);
}

}  // namespace
}  // namespace core
