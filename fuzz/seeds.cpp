// phobien_fuzz_seeds OUT_DIR [SHARED_DATA_DIR]
//
// Writes the seed corpus of every fuzz target to OUT_DIR/<target>/ (bench/fuzz.sh uses
// build-fuzz/corpus): the fixtures of the unit tests, built by the tests' own builders where
// those are shared (tests/support/attachment_fixtures.h: the JPEG, PNG, WebP and PDF files of
// core/attachment_test.cpp and pdf_metadata_test.cpp; tests/support/gzip.h; the XLSX template of
// tests/support/xlsx_fixtures.h, with a workbook of core::to_xlsx), copied here where
// they are strings inline in a test (the http, JSON and Markdown tests), read from the tests'
// testdata files where they live there (structure.test, citations.test, search_cases.test),
// and a few small pieces of ../shared/data (default: PHOBIEN_SOURCE_DIR/../shared/data): the
// smallest Markdown documents, the first articles of the ALQAC corpora, the start of one
// structured code (also gzip-compressed), some real questions. Shared data is only read; the
// corpus lives in the build folder.
#include "core/inflate.h"
#include "core/spreadsheet.h"
#include "support/attachment_fixtures.h"
#include "support/gzip.h"
#include "support/xlsx_fixtures.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace std::string_literals;
using json = nlohmann::json;

namespace {

fs::path out_root;
std::map<std::string, int> counts;

void seed(const std::string& target, const std::string& name, std::string_view data) {
  fs::create_directories(out_root / target);
  std::ofstream(out_root / target / name, std::ios::binary).write(data.data(), static_cast<std::streamsize>(data.size()));
  ++counts[target];
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// At most `max` bytes, cut before a UTF-8 continuation byte.
std::string utf8_cut(std::string s, std::size_t max) {
  if (s.size() <= max) return s;
  while (max > 0 && (static_cast<unsigned char>(s[max]) & 0xC0) == 0x80) --max;
  s.resize(max);
  return s;
}

// ---- Image and PDF fixtures: the tests' (support/attachment_fixtures.h) and a few more ----------

using namespace attachment_fixtures;

// Progressive scans with stuffed bytes, a restart marker and Exif between scans (attachment_test.cpp).
std::string progressive_jpeg() {
  return "\xFF\xD8"s + segment(0xDB, "\x00"s + std::string(64, '\x01')) + segment(0xC2, "\x08\x00\x08\x00\x08\x01\x01\x11\x00"s) +
         segment(0xC4, "\x00"s + "\x01" + std::string(15, '\0') + "\x00"s) + segment(0xDA, "\x01\x01\x00\x00\x00\x00"s) +
         "\x12\xFF\x00\x34\xFF\xD0\x56"s + segment(0xE1, exif_payload()) + segment(0xC4, "\x10"s + "\x01" + std::string(15, '\0') + "\x00"s) +
         segment(0xDA, "\x01\x01\x00\x01\x3F\x00"s) + "\x78\xFF\xFF\xD9";
}
// A JFIF segment carrying a 1x1 thumbnail (attachment_test.cpp, JfifThumbnailIsDropped).
std::string thumbnail_jpeg() {
  return "\xFF\xD8"s + segment(0xE0, "JFIF\0\x01\x02\x00\x00\x48\x00\x48\x01\x01"s + "\x10\x20\x30") + jpeg_image_segments();
}

// A 1x1 grey PNG without metadata.
std::string png_plain() {
  return kPngSignature + png_chunk("IHDR", be32(1) + be32(1) + "\x08\x00\x00\x00\x00"s) + png_chunk("IDAT", zlib_compress("\x00\x80"s)) +
         png_chunk("IEND", "");
}
// office_pdf() with an incremental update that adds a new /Info.
std::string incremental_pdf() {
  std::string pdf = office_pdf();
  std::size_t first_xref = std::stoul(pdf.substr(pdf.rfind("startxref") + 9, 20));
  std::size_t info = pdf.size();
  pdf += "7 0 obj\n<< /Author (Trần Thị B) /ModDate (D:20240601) >>\nendobj\n";
  std::size_t xref = pdf.size();
  pdf += fmt::format("xref\n7 1\n{:010} 00000 n \ntrailer\n<< /Size 8 /Root 1 0 R /Info 7 0 R /Prev {} >>\nstartxref\n{}\n%%EOF\n", info,
                     first_xref, xref);
  return pdf;
}
// A PDF whose XMP stream is Flate-compressed, with page-level metadata and private PieceInfo.
std::string compressed_xmp_pdf() {
  PdfWriter w;
  w.object("<< /Type /Catalog /Pages 2 0 R /Metadata 4 0 R /PieceInfo << /Word << /Private (" + kPerson + ") >> >> >>");
  w.object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  w.object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Metadata 4 0 R /Contents 5 0 R >>");
  w.stream("/Type /Metadata /Subtype /XML /Filter /FlateDecode", zlib_compress(xmp_packet()));
  w.stream("", "BT /F1 12 Tf 10 10 Td (Don khieu nai) Tj ET");
  return w.finish("/Root 1 0 R");
}

void image_and_pdf_seeds() {
  const std::vector<std::pair<std::string, std::string>> images = {
      {"phone.jpg", phone_jpeg()},          {"plain.jpg", "\xFF\xD8"s + jpeg_image_segments()},
      {"progressive.jpg", progressive_jpeg()}, {"thumbnail.jpg", thumbnail_jpeg()},
      {"text.png", png_with_text()},        {"plain.png", png_plain()},
      {"exif.webp", webp_with_exif()},      {"plain.webp", webp_file(riff_chunk("VP8L", kVp8l))},
  };
  for (const auto& [name, data] : images) {
    seed("image_strip", name, data);
    seed("attachment", name, "\x00"s + name + "\n" + data);
  }
  seed("image_strip", "truncated.jpg", phone_jpeg().substr(0, 60));
  seed("image_strip", "truncated.webp", webp_with_exif().substr(0, 30));

  seed("attachment", "wrong-extension", "\x01scan.pdf\n" + png_with_text());
  seed("attachment", "traversal", "\x02../../etc/passwd.png\n" + png_plain());
  seed("attachment", "windows-path", "\x03""C:\\Users\\An\\..\\ảnh.png\n" + png_plain());
  seed("attachment", "bidi", "\x00" "anh\u202Egnp.exe\n"s + png_plain());
  seed("attachment", "upper", "\x00" "ANH.JPEG\n"s + phone_jpeg());
  seed("attachment", "date-name", "\x00" "Ảnh chụp 2024.05.01\n"s + png_plain());
  seed("attachment", "html", "\x00" "anh.jpg\n<!DOCTYPE html><html><script>alert(1)</script>"s);
  seed("attachment", "svg", "\x00" "logo.svg\n<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>"s);
  seed("attachment", "script", "\x00" "run.sh\n#!/bin/sh\nrm -rf /\n"s);
  seed("attachment", "gif", "\x00" "dong.gif\nGIF89a"s);
  seed("attachment", "small-limit", "\x90" "anh.png\n"s + png_plain());

  const std::vector<std::pair<std::string, std::string>> pdfs = {
      {"office.pdf", office_pdf()},
      {"javascript.pdf", pdf_with_catalog("/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>")},
      {"escaped-names.pdf", pdf_with_catalog("/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>")},
      {"launch.pdf", pdf_with_catalog("/OpenAction << /S /Launch /F (cmd.exe) >>")},
      {"embedded.pdf", pdf_with_catalog("/Names << /EmbeddedFiles << /Names [(a.exe) 5 0 R] >> >>")},
      {"aa.pdf", office_pdf("/AA << /O << /S /JavaScript /JS 9 0 R >> >>")},
      {"incremental.pdf", incremental_pdf()},
      {"compressed-xmp.pdf", compressed_xmp_pdf()},
      {"objstm-js.pdf", pdf_with_object_stream({"<< /Type /Pages /Kids [] /Count 0 /OpenAction 4 0 R >>", "<< /S /JavaScript /JS (app.alert(1)) >>"},
                                               "/Root 1 0 R")},
      {"objstm-info.pdf", pdf_with_object_stream({"<< /Type /Pages /Kids [] /Count 0 >>", "<< /Author (" + kPerson + ") >>"}, "/Root 1 0 R /Info 4 0 R")},
      {"page-loop.pdf", [] {
         PdfWriter loop;
         loop.object("<< /Type /Catalog /Pages 2 0 R >>");
         loop.object("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>");
         loop.object("<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1 >>");
         return loop.finish("/Root 1 0 R");
       }()},
      {"deep.pdf", pdf_with_catalog("/Deep " + std::string(120, '[') + std::string(120, ']'))},
      {"garbage.pdf", "%PDF-1.4\n garbage \n%%EOF\n"},
      {"truncated.pdf", office_pdf().substr(0, office_pdf().size() / 2)},
  };
  for (const auto& [name, data] : pdfs) seed("pdf_strip", name, data);
}

// ---- http ---------------------------------------------------------------------------------------

void http_seeds() {
  const std::string csrf = "pb_csrf=Zm9vYmFyYmF6";
  seed("http_form", "urlencoded", "\x00"s + "email=admin%40localhost&password=m%E1%BA%ADt+kh%E1%BA%A9u&" + csrf);
  seed("http_form", "urlencoded-charset", "\x01"s + "q=k%E1%BA%BFt+h%C3%B4n&trang=2&a&=b&c=");
  seed("http_form", "urlencoded-bad", "\x00"s + "a=%ZZ&b=%C3");
  const std::string boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
  std::string multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nĐơn khiếu nại\r\n" + "--" + boundary +
                          "\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"ảnh.png\"\r\nContent-Type: image/png\r\n\r\n" + png_plain() +
                          "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"pb_csrf\"\r\n\r\nZm9v\r\n--" + boundary + "--\r\n";
  seed("http_form", "multipart", "\x02"s + multipart);
  seed("http_form", "multipart-quoted", "\x03"s + "--b\r\ncontent-disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b\r\nContent-Disposition: form-data; name=a; filename=\"\"\r\n\r\n\r\n--b--");
  seed("http_form", "multipart-boundary", "\x04"s + "xyz\n--xyz\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nv\r\n--xyz--\r\n");
  seed("http_form", "text-plain", "\x05"s + "a=1");
  seed("http_form", "content-type-line", "\x07"s + "multipart/form-data; boundary=\"q q\"; x=y\n--q q\r\nContent-Disposition: form-data; name=\"n\"\r\n\r\nv\r\n--q q--");

  // Inputs of each http_misc operation, grouped by the first byte that selects it.
  const std::vector<std::pair<char, std::vector<std::pair<std::string, std::string>>>> misc = {
      {'\x00', {{"percent", "/t%E1%BA%A1i-kho%E1%BA%A3n%20m%E1%BB%9Bi+x"}}},
      {'\x80', {{"percent-form", "a+b%2Bc%"}}},
      {'\x01', {{"query", "q=thoi+gian+thu+viec&trang=2&loai=luat&tiep=%2Fquan-tri"}}},
      {'\x02', {{"cookie", "pb_session\na=1; pb_session=abc ; pb_csrf=xyz"}, {"cookie-odd", "x\n;;x;=; x=\t v\t;x=2"}}},
      {'\x03',
       {{"local", "/tim-kiem?q=k%E1%BA%BFt%20h%C3%B4n&trang=2#muc-1"}, {"local-evil", "/%252F/evil.example"}, {"local-tab", "/%09/evil.example"}}},
      {'\x04',
       {{"client-v4", "10.0.0.1\n10.0.0.0/8,127.0.0.1\n203.0.113.5, 10.0.0.2,10.0.0.3"},
        {"client-v6", "::1\n::1,fd00::/8\n2001:db8:1:2:3:4:5:6, fd00::1"},
        {"client-mapped", "::ffff:10.0.0.1\n::ffff:10.0.0.0/104\n::ffff:198.51.100.7"},
        {"client-garbage", "192.168.1.1\n192.168.0.0/16\nunknown, 192.168.1.2"}}},
  };
  for (const auto& [op, inputs] : misc)
    for (const auto& [name, data] : inputs) seed("http_misc", name, std::string(1, op) + data);

  for (const char* path : {"/", "/bai-viet/luat-cu-tru", "/bai-viet/luat-cu-tru/in/", "/tep/2024/05/anh.png", "/quan-tri/tu-van/12/tep/3",
                           "/van-ban/bo-luat-lao-dong/dieu-35", "//api//v1/questions/ABC-123/", "/quan-tri/tu-van/thong-ke", "/robots.txt"})
    for (char method : {'\x00', '\x01', '\x02', '\x03'}) seed("http_router", fmt::format("path{}", counts["http_router"]), std::string(1, method) + path);
  seed("http_router", "patterns", "\x80/a/{x}\n/a/{x...}\n/{y}/b\n/a/b");
  seed("http_router", "method-line", "\x05PATCH\n/api/v1/posts/1");
}

// ---- JSON, Markdown -----------------------------------------------------------------------------

void json_and_markdown_seeds(const std::optional<fs::path>& shared) {
  const std::vector<std::string> bodies = {
      R"({"question": "Thời gian thử việc tối đa là bao lâu?", "history": [{"q": "a", "a": "b"}]})",
      R"({"object": "page", "entry": [{"id": "1", "time": 1, "messaging": [{"sender": {"id": "2"}, "message": {"mid": "m", "text": "Xin chào"}}]}]})",
      R"({"event_name": "user_send_text", "sender": {"id": "1"}, "message": {"text": "ly hôn", "msg_id": "x"}, "timestamp": "1700000000000"})",
      R"([1, -2.5e-3, true, false, null, "\u00e9\"\\", {"": []}])",
      std::string(33, '[') + std::string(33, ']'),
      "{\"a\": \"[[[[\\\"\"}",
      "{\"truncated\": [1, 2",
  };
  for (std::size_t i = 0; i < bodies.size(); ++i) seed("json_body", fmt::format("body{}", i), "\x00"s + bodies[i]);
  seed("json_body", "charset", "\x01{}");
  seed("json_body", "form-type", "\x03{}");

  std::vector<std::string> markdown = {
      "## Điều 1\n\n**Phạm vi** điều chỉnh\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
      "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[bấm](javascript:alert(1))",
      "- [ ] việc\n- [x] xong\n\n1. một\n2. hai\n\n~~xoá~~ www.example.com https://a.vn/b?c=d a@b.vn\n\n```cpp\nint x;\n```\n",
      "> trích dẫn\n\n![ảnh](data:image/png;base64,AAAA \"t\") [x](<vbscript:msgbox> \"y\") [z][ref]\n\n[ref]: file:///etc/passwd\n",
      "Tiêu đề\n===\n\n***\n\n&#x6A;avascript: &amp; &copy; \\* `code` <http://a.b> <!-- c -->\n",
  };
  if (shared) {
    std::vector<fs::path> docs;
    for (const auto& e : fs::directory_iterator(*shared / "legal/vanban-md/documents"))
      if (e.is_regular_file() && e.file_size() > 3000) docs.push_back(e.path());
    std::sort(docs.begin(), docs.end(), [](const fs::path& a, const fs::path& b) { return fs::file_size(a) < fs::file_size(b); });
    for (std::size_t i = 0; i < docs.size() && i < 4; ++i) {
      std::string text = utf8_cut(read(docs[i]), 12000);
      markdown.push_back(text);
      seed("library_import", "vanban-" + docs[i].filename().string(), text);
      seed("structure", "vanban-" + docs[i].filename().string(), "\x01"s + text);
    }
  }
  for (std::size_t i = 0; i < markdown.size(); ++i) seed("markdown", fmt::format("doc{}", i), markdown[i]);
}

// ---- Library, structure, citations, queries -----------------------------------------------------

// "=== name" blocks of a testdata file, each as its lines.
std::vector<std::pair<std::string, std::vector<std::string>>> blocks(const fs::path& file) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  std::istringstream in(read(file));
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with("=== ")) out.push_back({line.substr(4), {}});
    else if (!out.empty()) out.back().second.push_back(line);
  }
  return out;
}

std::string slug(std::string_view name) {
  std::string out;
  for (char c : name) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '-';
  return out.substr(0, 60);
}

// The first `articles` articles of the first document of an ALQAC-style file.
std::string alqac_slice(const fs::path& file, std::size_t articles) {
  json all = json::parse(read(file));
  json doc = all.at(0);
  json& list = doc["articles"];
  if (list.size() > articles) list.erase(list.begin() + static_cast<std::ptrdiff_t>(articles), list.end());
  return json::array({doc}).dump(1);
}

// A structured code cut to its first `chars` characters: raw_text and the nodes inside it.
json code_tree_within(const json& node, long long chars) {
  json out = node;
  out["children"] = json::array();
  for (const auto& child : node.value("children", json::array()))
    if (child.contains("content") && child["content"].value("end", 0LL) <= chars) out["children"].push_back(code_tree_within(child, chars));
  return out;
}
std::string code_slice(const fs::path& file, long long chars) {
  auto text = core::inflate_bytes(read(file), 64u << 20);
  if (!text) return {};
  json code = json::parse(*text);
  std::string raw = code["raw_text"];
  std::size_t bytes = 0;
  for (long long n = 0; bytes < raw.size() && n < chars; ++n) {
    ++bytes;
    while (bytes < raw.size() && (static_cast<unsigned char>(raw[bytes]) & 0xC0) == 0x80) ++bytes;
  }
  code["raw_text"] = raw.substr(0, bytes);
  code["tree"] = code_tree_within(code["tree"], chars);
  code["tree"]["content"]["end"] = chars;
  return code.dump();
}

void library_seeds(const fs::path& source, const std::optional<fs::path>& shared) {
  const std::vector<std::pair<std::string, std::string>> files = {
      {"alqac", R"([{"id": "91/2015/QH13", "articles": [
      {"id": "8", "text": "Căn cứ xác lập quyền dân sự\n\nQuyền dân sự được xác lập từ các căn cứ sau đây:\n1. Hợp đồng.\n2. Hành vi pháp lý đơn phương."},
      {"id": "9", "text": "Thực hiện quyền dân sự\n\nCá nhân thực hiện quyền."}]},
    {"id": "Luật Cư trú", "articles": [{"id": 2, "text": "Giải thích từ ngữ\n\nNội dung."}]}])"},
      {"markdown-a", "---\ntitle: \"Nghị định 15/2020/NĐ-CP\"\nsohieu: 15/2020/NĐ-CP\nngaybanhanh: 03/02/2020\nloaivanban: Nghị định\nlinhvuc:\n  - Thuế\n  - Phí\n---\n"
                     "## Chương I\n### Điều 1. Phạm vi\nNội dung.\n#### Điều 2. Đối tượng\n1. Cá nhân.\na) Tổ chức;\n| Số hiệu | 15/2020/NĐ-CP |\n"},
      {"markdown-b", "---\ntitle: Thông tư mẫu\nso_hieu: \"47/2026/TT-BCA\"\nngay_hieu_luc: 2026-07-01\n---\n# THÔNG TƯ\n## Điều 1. Ban hành\nText\n"},
      {"plain", "QUỐC HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLuật số: 68/2020/QH14\nHà Nội, ngày 13 tháng 11 năm 2020\n"
                "LUẬT\nCƯ TRÚ\nCăn cứ Hiến pháp;\nChương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nLuật này quy định.\n"
                "Điều 2. Giải thích từ ngữ\n1. Chỗ ở hợp pháp.\n2. Cư trú.\nNơi nhận:\n- Như trên;\n"},
      {"code", R"({"metadata": {"ten_van_ban": "Bộ luật mẫu 2015", "so_hieu_van_ban": "91/2015/QH13", "ngay_ban_hanh": "24/11/2015"},
        "raw_text": "Chương I:QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\n1. Khoản một.\na) Điểm a.",
        "tree": {"node_type": "root", "children": [{"node_type": "chương", "name": "Chương I:QUY ĐỊNH CHUNG", "node_id": "I", "children": [
          {"node_type": "điều", "name": "Điều 1. Phạm vi", "node_id": "1", "content": {"start": 24, "end": 62}, "children": [
            {"node_type": "khoản", "node_id": "1", "content": {"start": 40, "end": 53}}]}]}]}})"},
      {"truncated-json", "[{\"id\": \"X\",\n \"articles\": [{\"id\": \"1\", \"text\": \"abc"},
      {"cp1258", "Dòng một\n\xD0i\xEA\xF9u 1. Ph\xE1m vi\n"},
      {"bom", "\xEF\xBB\xBF# Tiêu đề\n\nĐiều 1. A\n"},
      {"big-number", "[2e600"},  // importers_test.cpp: JsonThatNlohmannRefusesOtherwise...
      {"code-wrong-types", R"({"metadata": {"ten_van_ban": "x"}, "raw_text": "abc", "tree": {"node_type": "root", "children": [5, {"node_type": 1}]}})"},
  };
  for (const auto& [name, data] : files) seed("library_import", name, data);
  seed("library_import", "alqac.gz", gzip(files[0].second, Z_BEST_COMPRESSION));

  for (const auto& [name, lines] : blocks(source / "src/library/testdata/structure.test")) {
    std::string text;
    for (const std::string& line : lines) {
      if (line.starts_with("--- ")) break;
      text += line + "\n";
    }
    seed("structure", "test-" + slug(name), "\x00"s + text);
    seed("library_import", "structure-" + slug(name), text);
  }
  for (const auto& [name, lines] : blocks(source / "src/text/testdata/citations.test")) {
    std::string text;
    for (const std::string& line : lines) {
      if (line == "---") break;
      text += (text.empty() ? "" : "\n") + line;
    }
    seed("legal_refs", "test-" + slug(name), "\x05"s + text);
  }
  for (const char* number : {"100/2019/NĐ-CP", "100-2019-ND-CP", "100/2019/nd cp", "01/VBHN-VPQH", "471/qd-ttg", "91/2015/QH13",
                             "Căn cứ Luật số 91/2015/QH13. Nghị định này sửa đổi, bổ sung một số điều của Nghị định số 125/2020/NĐ-CP. "
                             "Nghị định này thay thế Nghị định số 15/2020/NĐ-CP. Thông tư này hướng dẫn Nghị định 100/2019/NĐ-CP.",
                             "khoản 2 Điều này; điểm a, b và c khoản 1 Điều 35 Bộ luật Lao động; Điều 19a Luật này; BLLĐ; Luật Cư trú năm 2020"})
    seed("legal_refs", "number-" + slug(number), "\x07"s + number);
  for (const auto& [name, lines] : blocks(source / "src/search/testdata/search_cases.test"))
    for (const std::string& line : lines)
      if (line.starts_with("query: ")) seed("query_plan", "case-" + slug(name), "\x03"s + line.substr(7));

  if (!shared) return;
  std::string alqac = alqac_slice(*shared / "legal/alqac2022/law.json", 6);
  seed("library_import", "alqac2022-law", alqac);
  seed("json_body", "alqac2022-law", "\x00"s + alqac);
  seed("library_import", "alqac-law-corpus", alqac_slice(*shared / "legal/alqac-law-corpus.json", 6));
  std::string code = code_slice(*shared / "legal/codes/bo-luat-lao-dong-2019.json.gz", 4000);
  if (!code.empty()) {
    seed("library_import", "code-blld-2019", code);
    seed("library_import", "code-blld-2019.gz", gzip(code, Z_BEST_COMPRESSION));
    std::string raw = json::parse(code)["raw_text"];
    seed("structure", "code-blld-2019", "\x00"s + raw);
  }
  json articles = json::parse(read(*shared / "legal/alqac2022/law.json")).at(0)["articles"];
  for (std::size_t i = 0; i < articles.size() && i < 12; ++i)
    seed("legal_refs", fmt::format("alqac2022-{}", i), "\x03"s + utf8_cut(articles[i].value("text", ""), 600));
  auto questions = [&](const char* file, const char* field, const char* prefix) {
    json all = json::parse(read(*shared / file));
    for (std::size_t i = 0; i < all.size() && i < 25; ++i)
      seed("query_plan", fmt::format("{}-{}", prefix, i), std::string(1, static_cast<char>(i)) + all[i].value(field, ""));
  };
  questions("queries/zalo-questions.json", "text", "zalo");
  questions("queries/vlsp2025-questions.json", "question", "vlsp");
  questions("qa/natural-dev-questions.json", "text", "natural");
}

// ---- XLSX: workbooks whole (to_xlsx's, the reader tests' template) and as parts --------------

void xlsx_seeds() {
  using core::Cell;
  core::Table questions{"Câu hỏi", {"STT", "Câu hỏi", "Điểm"}, {}};
  questions.rows.push_back({Cell{std::int64_t{1}}, Cell{"Thủ tục đăng ký kết hôn?"s}, Cell{2.5}});
  questions.rows.push_back({Cell{}, Cell{"Dòng 1\nDòng 2"s}, Cell{std::int64_t{-3}}});
  seed("xlsx_reader", "to-xlsx.xlsx", core::to_xlsx({questions, core::Table{"Trống", {"Ghi chú"}, {}}}));
  seed("xlsx_reader", "template.xlsx", xlsx_fixtures::template_workbook());
  // Parts mode: shared strings on the first line (their line breaks as character references).
  std::string strings;
  for (char c : xlsx_fixtures::template_strings()) strings += c == '\n' ? "&#10;"s : std::string(1, c);
  seed("xlsx_reader", "template-parts", strings + "\n" + xlsx_fixtures::template_questions());
  seed("xlsx_reader", "doctype-parts",
       "<si><t>&lol;</t></si>\n<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY lol \"lol\">]><worksheet><sheetData/></worksheet>"s);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: phobien_fuzz_seeds OUT_DIR [SHARED_DATA_DIR]\n";
    return 2;
  }
  out_root = argv[1];
  const fs::path source = PHOBIEN_SOURCE_DIR;
  std::optional<fs::path> shared = argc > 2 ? fs::path(argv[2]) : source / ".." / "shared" / "data";
  if (!fs::exists(*shared / "legal")) {
    std::cerr << "shared data not found at " << shared->string() << ": seeds from the tests only\n";
    shared.reset();
  }
  image_and_pdf_seeds();
  http_seeds();
  json_and_markdown_seeds(shared);
  library_seeds(source, shared);
  xlsx_seeds();
  for (const auto& [target, n] : counts) std::cout << target << ": " << n << " seeds\n";
  return 0;
}
