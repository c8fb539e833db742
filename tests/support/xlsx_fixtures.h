#pragma once
// Hand-built XLSX packages for the XLSX reader tests (src/core/xlsx_reader_test.cpp) and the fuzz
// seeds and target (fuzz/seeds.cpp, xlsx_reader_fuzz.cpp): a workbook's parts around sheets whose
// XML a test writes, and the import template of xlsx_reader_test.cpp's HandBuiltTemplate test.
#include "support/zip_writer.h"

#include <string>
#include <string_view>
#include <vector>

namespace xlsx_fixtures {

inline const std::string kXmlDeclaration = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)" "\n";
inline const std::string kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
inline const std::string kRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

struct Sheet {
  std::string name;
  std::string target;  // as xl/_rels/workbook.xml.rels says it: relative to xl/, or from the root with '/'
  std::string xml;     // the part; empty: no part in the archive
  std::string type = "worksheet";
};

// A worksheet part holding `rows` (<row> elements) in its sheetData.
inline std::string worksheet(std::string_view rows) {
  return kXmlDeclaration + "<worksheet xmlns=\"" + kMain + "\"><sheetData>" + std::string(rows) + "</sheetData></worksheet>";
}

inline std::string part_path(const std::string& target) { return target.starts_with('/') ? target.substr(1) : "xl/" + target; }

// The whole package: content types, relationships, workbook, the sheets' parts, and
// xl/sharedStrings.xml holding `shared_strings` (<si> elements) unless it is empty.
inline std::string package(const std::vector<Sheet>& sheets, std::string_view shared_strings = "") {
  std::string workbook = kXmlDeclaration + "<workbook xmlns=\"" + kMain + "\" xmlns:r=\"" + kRelationships + "\"><sheets>";
  std::string rels = kXmlDeclaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  ZipWriter zip;
  zip.add("[Content_Types].xml", kXmlDeclaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
  zip.add("_rels/.rels", rels + "<Relationship Id=\"rId1\" Type=\"" + kRelationships +
                             "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    std::string id = "rId" + std::to_string(i + 1);
    workbook += "<sheet name=\"" + sheets[i].name + "\" sheetId=\"" + std::to_string(i + 1) + "\" r:id=\"" + id + "\"/>";
    rels += "<Relationship Id=\"" + id + "\" Type=\"" + kRelationships + "/" + sheets[i].type + "\" Target=\"" + sheets[i].target + "\"/>";
    if (!sheets[i].xml.empty()) zip.add(part_path(sheets[i].target), sheets[i].xml);
  }
  if (!shared_strings.empty()) {
    rels += "<Relationship Id=\"rIdStrings\" Type=\"" + kRelationships + "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
    zip.add("xl/sharedStrings.xml", kXmlDeclaration + "<sst xmlns=\"" + kMain + "\">" + std::string(shared_strings) + "</sst>");
  }
  zip.add("xl/workbook.xml", workbook + "</sheets></workbook>");
  zip.add("xl/_rels/workbook.xml.rels", rels + "</Relationships>");
  return zip.finish();
}

// The shared strings (<si> elements) of template_workbook(): rich text, phonetic runs, kept
// spaces and line breaks, an _xHHHH_ escape, an empty text.
inline std::string template_strings() {
  return "<si><t>Câu hỏi</t></si>"
         "<si><r><rPr><b/></rPr><t>Đáp án </t></r><r><t xml:space=\"preserve\">đúng</t></r></si>"
         "<si><t xml:space=\"preserve\">  Thuế thu nhập cá nhân\nđược tính thế nào?  </t></si>"
         "<si><r><t>漢</t></r><rPh sb=\"0\" eb=\"1\"><t>カン</t></rPh></si>"
         "<si><t>Dòng 1_x000D_\nDòng 2 &amp; &lt;3&gt;</t></si>"
         "<si><t/></si>";
}

// The first sheet of template_workbook(): shared, inline and formula strings, gaps in rows and
// cells, a cell without a reference, booleans, an error, a style-only row at the end.
inline std::string template_questions() {
  return worksheet(
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
      "<c r=\"C1\" t=\"inlineStr\"><is><t>Điểm</t></is></c><c r=\"E1\"><v>2024</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" t=\"b\"><v>1</v></c><c r=\"C2\" s=\"1\"><v>2.5</v></c>"
      "<c r=\"D2\" s=\"3\"/><c r=\"E2\" t=\"str\"><f>A1</f><v>Câu hỏi</v></c></row>"
      "<row r=\"4\"><c r=\"B4\" t=\"s\"><v>4</v></c><c t=\"b\"><v>0</v></c><c r=\"E4\" t=\"e\"><v>#N/A</v></c></row>"
      "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><r><t>Rich </t></r><r><rPr><i/></rPr><t>inline</t></r></is></c>"
      "<c r=\"B5\"><v>1E3</v></c><c r=\"C5\"><v>-7</v></c><c r=\"D5\" t=\"s\"><v>5</v></c></row>"
      "<row r=\"6\"><c r=\"A6\" s=\"2\"/></row>");
}

// An import template as an official might send it back: template_questions() first (a part not
// named sheet1.xml), a chart sheet, then a guide sheet with a prefixed namespace and a target
// from the package root.
inline std::string template_workbook() {
  const std::string guide = kXmlDeclaration + "<x:worksheet xmlns:x=\"" + kMain +
                            "\"><x:sheetData><x:row><x:c t=\"s\"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>";
  return package({{"Câu hỏi", "worksheets/cau-hoi.xml", template_questions()},
                  {"Biểu đồ", "chartsheets/sheet1.xml", "", "chartsheet"},
                  {"Hướng dẫn", "/xl/worksheets/sheet1.xml", guide}},
                 template_strings());
}

}  // namespace xlsx_fixtures
