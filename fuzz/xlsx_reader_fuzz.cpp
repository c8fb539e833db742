// core::read_xlsx, what reads the spreadsheets officials upload, and under it core::ZipArchive.
// An input that starts with "PK" is the file itself; any other is two fields, shared strings
// (<si> elements) and a worksheet's XML, that tests/support/xlsx_fixtures.h packs into a workbook,
// so that mutations reach the XML parsers past the ZIP layer's CRC checks.
// Properties: no exception escapes; an archive's entries read within max_bytes or are refused;
// a read workbook has at least one sheet, each with headers and rows of one width whose last
// column and last row hold a value, no more cells than max_cells in all, and texts that are
// non-empty valid UTF-8 within max_string_bytes.
#include "core/utf8.h"
#include "core/xlsx_reader.h"
#include "core/zip_reader.h"
#include "fuzz_check.h"
#include "support/xlsx_fixtures.h"

#include <algorithm>

namespace {

constexpr core::XlsxLimits kLimits{.max_part_bytes = 1 << 20, .max_total_bytes = 4 << 20, .max_cells = 10'000, .max_string_bytes = 1'000};

bool has_value(const core::Cell& c) { return !std::holds_alternative<std::monostate>(c); }

void check_zip(std::string_view bytes) {
  auto zip = core::ZipArchive::open(bytes);
  if (!zip) return;
  FUZZ_CHECK(zip->entries().size() <= core::kMaxZipEntries);
  for (const core::ZipEntry& e : zip->entries()) {
    auto content = zip->read(e.name, 1 << 16);
    if (content) FUZZ_CHECK(content->size() == e.size && content->size() <= (1 << 16));
    else FUZZ_CHECK(content.error() != core::ZipFailure::not_a_zip && content.error() != core::ZipFailure::missing);
  }
}

void check_table(const core::Table& t, std::size_t& cells) {
  const std::size_t width = t.headers.size();
  bool last_column_used = width == 0 || !t.headers.back().empty();
  for (const std::string& h : t.headers) {
    FUZZ_CHECK(core::is_valid_utf8(h));
    FUZZ_CHECK(h.size() <= kLimits.max_string_bytes);
  }
  for (const auto& row : t.rows) {
    FUZZ_CHECK(row.size() == width);
    if (width > 0 && has_value(row.back())) last_column_used = true;
    for (const core::Cell& c : row) {
      if (const auto* s = std::get_if<std::string>(&c)) {
        FUZZ_CHECK(!s->empty() && s->size() <= kLimits.max_string_bytes);
        FUZZ_CHECK(core::is_valid_utf8(*s));
      }
    }
  }
  FUZZ_CHECK(last_column_used);
  if (!t.rows.empty()) FUZZ_CHECK(std::any_of(t.rows.back().begin(), t.rows.back().end(), has_value));
  cells += width * (t.rows.size() + 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in = fuzz::bytes(data, size);
  try {
    std::string file(in);
    if (!in.starts_with("PK")) {
      fuzz::Input input(in);
      std::string_view strings = input.line();
      file = xlsx_fixtures::package({{"Trang 1", "worksheets/trang-1.xml", std::string(input.rest())}}, strings);
    }
    check_zip(file);
    auto tables = core::read_xlsx(file, kLimits);
    if (!tables) return 0;
    FUZZ_CHECK(!tables->empty());
    std::size_t cells = 0;
    for (const core::Table& t : *tables) check_table(t, cells);
    FUZZ_CHECK(cells <= kLimits.max_cells);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "exception escaped: %s\n", e.what());
    std::abort();
  }
  return 0;
}
