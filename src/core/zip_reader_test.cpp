#include "core/zip_reader.h"

#include "support/zip_writer.h"

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <random>

namespace {

using core::ZipFailure;

const std::string kVietnamese = "Người nước ngoài có được mua nhà ở Việt Nam không? ";

std::string repeated(std::string_view s, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += s;
  return out;
}

std::string small_archive() {
  return ZipWriter()
      .add("mimetype", "application/test", false)
      .add("noi-dung/cau-hoi.txt", repeated(kVietnamese, 50))
      .finish("chú thích");
}

ZipFailure failure_of(const std::string& zip, std::string_view name = "noi-dung/cau-hoi.txt", std::size_t max_bytes = 1 << 20) {
  auto r = core::read_zip_entry(zip, name, max_bytes);
  EXPECT_FALSE(r.has_value()) << "read " << r->size() << " bytes";
  return r ? ZipFailure::missing : r.error();
}

// Overwrites the 4 bytes at `at` with `value`, little-endian.
std::string patched(std::string zip, std::size_t at, std::uint32_t value) {
  zip.replace(at, 4, ZipWriter::u32(value));
  return zip;
}

// Where the End Of Central Directory record of a comment-less archive starts.
std::size_t end_record(const std::string& zip) { return zip.size() - 22; }

TEST(ZipReader, ReadsStoredAndDeflatedEntriesInDirectoryOrder) {
  std::string zip = small_archive();
  auto names = core::zip_entry_names(zip);
  ASSERT_TRUE(names) << static_cast<int>(names.error());
  EXPECT_EQ(*names, (std::vector<std::string>{"mimetype", "noi-dung/cau-hoi.txt"}));
  EXPECT_EQ(core::read_zip_entry(zip, "mimetype", 100), "application/test");
  EXPECT_EQ(core::read_zip_entry(zip, "noi-dung/cau-hoi.txt", 1 << 20), repeated(kVietnamese, 50));
  EXPECT_LT(zip.size(), repeated(kVietnamese, 50).size()) << "the second entry is deflated";
  EXPECT_EQ(failure_of(zip, "Mimetype"), ZipFailure::missing) << "names are case-sensitive";
  EXPECT_EQ(failure_of(zip, "noi-dung/cau-hoi.txt", 100), ZipFailure::too_large);
  EXPECT_EQ(core::read_zip_entry(ZipWriter().add("rong", "").add("rong-nen", "", false).finish(), "rong", 0), "");
}

TEST(ZipReader, ArchiveEntriesAreListedWithWhatTheDirectorySays) {
  auto zip = core::ZipArchive::open(small_archive());
  ASSERT_TRUE(zip);
  ASSERT_EQ(zip->entries().size(), 2u);
  const core::ZipEntry* text = zip->find("noi-dung/cau-hoi.txt");
  ASSERT_NE(text, nullptr);
  EXPECT_EQ(text->method, 8);
  EXPECT_EQ(text->size, repeated(kVietnamese, 50).size());
  EXPECT_EQ(text->crc32, ZipWriter::crc_of(repeated(kVietnamese, 50)));
  EXPECT_EQ(zip->find("khong-co"), nullptr);
}

TEST(ZipReader, EveryCutOfAnArchiveIsRefusedWithoutACrash) {
  std::string zip = small_archive();
  for (std::size_t n = 0; n < zip.size(); ++n) {
    std::string cut = zip.substr(0, n);
    auto names = core::zip_entry_names(cut);
    ASSERT_FALSE(names) << "cut at " << n;
    EXPECT_EQ(names.error(), n < 4 ? ZipFailure::not_a_zip : ZipFailure::corrupt) << "cut at " << n;
  }
}

TEST(ZipReader, BytesThatAreNoArchiveAreNotAZip) {
  std::mt19937 random(20250101);
  std::string noise(4096, '\0');
  for (char& c : noise) c = static_cast<char>(random());
  EXPECT_EQ(core::zip_entry_names(noise).error(), ZipFailure::not_a_zip);
  EXPECT_EQ(core::zip_entry_names("STT,Câu hỏi,Đáp án\r\n1,Thuế,Có\r\n").error(), ZipFailure::not_a_zip);
  EXPECT_EQ(core::zip_entry_names("").error(), ZipFailure::not_a_zip);
}

// 100 MB of zeros, deflated a megabyte at a time (about 100 KB): the test never holds them either.
std::string deflated_zeros(std::size_t megabytes) {
  z_stream zs{};
  deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
  const std::string zeros(1 << 20, '\0');
  std::string out;
  char buf[1 << 16];
  for (std::size_t i = 0; i <= megabytes; ++i) {
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zeros.data()));
    zs.avail_in = i < megabytes ? static_cast<uInt>(zeros.size()) : 0;
    do {
      zs.next_out = reinterpret_cast<Bytef*>(buf);
      zs.avail_out = sizeof buf;
      deflate(&zs, i < megabytes ? Z_NO_FLUSH : Z_FINISH);
      out.append(buf, sizeof buf - zs.avail_out);
    } while (zs.avail_out == 0);
  }
  deflateEnd(&zs);
  return out;
}

long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

TEST(ZipReader, AZipBombIsTooLargeWithoutBeingInflated) {
  const std::string bomb = deflated_zeros(100);
  ASSERT_LT(bomb.size(), 200'000u);
  std::uint32_t crc = 0;  // the CRC is never reached: the size stops it first
  // The header tells the truth: refused before inflating.
  std::string honest = ZipWriter().add_raw("sheet.xml", bomb, {8, 0, crc, 100u << 20}).finish();
  EXPECT_EQ(failure_of(honest, "sheet.xml", 10 << 20), ZipFailure::too_large);
  // The header lies (1 KB): refused while inflating, as soon as the output passes the ceiling.
  long before = peak_rss_kb();
  std::string lying = ZipWriter().add_raw("sheet.xml", bomb, {8, 0, crc, 1024}).finish();
  EXPECT_EQ(failure_of(lying, "sheet.xml", 10 << 20), ZipFailure::too_large);
  EXPECT_LT(peak_rss_kb() - before, 40 * 1024) << "at most the ceiling is allocated, not 100 MB";
}

TEST(ZipReader, InconsistentHeadersAreCorrupt) {
  const std::string text = repeated(kVietnamese, 10);
  std::string zip = ZipWriter().add("a.txt", text).finish();
  const std::size_t directory = zip.size() - 22 - 46 - 5;  // one central header, name "a.txt"
  EXPECT_EQ(failure_of(patched(zip, directory + 42, 1'000'000), "a.txt"), ZipFailure::corrupt) << "local header outside";
  EXPECT_EQ(failure_of(patched(zip, directory + 42, 1), "a.txt"), ZipFailure::corrupt) << "no local header there";
  EXPECT_EQ(failure_of(patched(zip, directory + 20, 1'000'000), "a.txt"), ZipFailure::corrupt) << "data past the end";
  EXPECT_EQ(failure_of(patched(zip, directory + 16, 1234), "a.txt"), ZipFailure::corrupt) << "CRC";
  EXPECT_EQ(failure_of(patched(zip, directory + 24, static_cast<std::uint32_t>(text.size() - 1)), "a.txt"), ZipFailure::corrupt)
      << "inflated size differs from the header's";
  EXPECT_EQ(core::zip_entry_names(patched(zip, end_record(zip) + 16, 0xFFFFFF)).error(), ZipFailure::corrupt)
      << "central directory outside";
  EXPECT_EQ(core::zip_entry_names(patched(zip, end_record(zip) + 12, 47)).error(), ZipFailure::corrupt)
      << "central directory shorter than its entries";
  std::string garbage = ZipWriter().add_raw("b.txt", "\xFF\xFF\xFF garbage", {8, 0, 0, 10}).finish();
  EXPECT_EQ(failure_of(garbage, "b.txt"), ZipFailure::corrupt) << "not deflate data";
  std::string stored_mismatch = ZipWriter().add_raw("c.txt", "abc", {0, 0, ZipWriter::crc_of("abc"), 4}).finish();
  EXPECT_EQ(failure_of(stored_mismatch, "c.txt"), ZipFailure::corrupt);
  std::string twice = ZipWriter().add("a.txt", "1").add("a.txt", "2").finish();
  EXPECT_EQ(core::zip_entry_names(twice).error(), ZipFailure::corrupt) << "a name given twice";
}

TEST(ZipReader, Zip64EncryptionAndOtherMethodsAreUnsupported) {
  std::string encrypted = ZipWriter().add_raw("a.txt", "xxxxxxxxxxxx", {8, 1, 0, 12}).finish();
  EXPECT_EQ(failure_of(encrypted, "a.txt"), ZipFailure::unsupported);
  std::string bzip2 = ZipWriter().add_raw("a.txt", "BZh9", {12, 0, 0, 4}).finish();
  EXPECT_EQ(failure_of(bzip2, "a.txt"), ZipFailure::unsupported);
  std::string zip64_size = ZipWriter().add_raw("a.txt", "abc", {0, 0, ZipWriter::crc_of("abc"), 0xFFFFFFFF}).finish();
  EXPECT_EQ(core::zip_entry_names(zip64_size).error(), ZipFailure::unsupported);
  std::string zip = ZipWriter().add("a.txt", "abc").finish();
  std::string zip64_locator =
      zip.substr(0, end_record(zip)) + ZipWriter::u32(0x07064b50) + std::string(16, '\0') + zip.substr(end_record(zip));
  EXPECT_EQ(core::zip_entry_names(zip64_locator).error(), ZipFailure::unsupported);
  EXPECT_EQ(core::zip_entry_names(patched(zip, end_record(zip) + 4, 0x00010001)).error(), ZipFailure::unsupported) << "several disks";
}

TEST(ZipReader, MoreEntriesThanTheBudgetAreTooLarge) {
  ZipWriter many;
  for (std::size_t i = 0; i < core::kMaxZipEntries; ++i) many.add(std::to_string(i), "", false);
  EXPECT_TRUE(core::zip_entry_names(many.finish()));
  many.add("one-more", "", false);
  EXPECT_EQ(core::zip_entry_names(many.finish()).error(), ZipFailure::too_large);
}

}  // namespace
