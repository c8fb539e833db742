#pragma once
// Legal citations: "Điều 8 Bộ luật Lao động", "khoản 2 điều 5 luật cư trú",
// "khoản 2 Điều 5 Nghị định 100/2019/NĐ-CP", "điểm a khoản 1 Điều 3", "Điều 8 BLLĐ".
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace text {

// The document a citation points to.
struct DocumentRef {
  std::size_t begin = 0, end = 0;  // byte range in the parsed text
  std::string type;                // "Bộ luật", "Nghị định", ... ("" when only a number is given)
  std::string type_slug;           // "bo-luat", "nghi-dinh", ...
  std::string name;                // words after the type, as written ("lao động", "Cư trú"), or the
                                   // expansion of an abbreviation ("BLLĐ" → "Lao động"); "" for none
  std::string number;              // canonical số hiệu ("100/2019/NĐ-CP") or ""
  std::string year;                // "2015" from "Bộ luật Dân sự năm 2015", or ""
  bool self = false;               // "Luật này", "Nghị định này": the document the text is in

  // "Bộ luật lao động": type and name ("" when there is no name).
  std::string title() const;
  // Title keys (text::title_key) to look up, longest first: the name as parsed may run on into the
  // following words ("Luật Cư trú quy định..." is cut at "quy", but not every sentence has such a
  // stop), so a caller holding a table of known titles takes the first key it knows.
  std::vector<std::string> title_keys() const;
};

struct Citation {
  std::size_t begin = 0, end = 0;  // byte range of the whole citation in the parsed text
  std::string article;             // "5", "2a"; "" when the citation names no article
  std::string clause;              // "2" or ""
  std::string point;               // "a", "đ" or ""
  bool this_article = false;       // "khoản 2 Điều này"
  std::optional<DocumentRef> document;  // nullopt: no document named (usually the same document)
};

// Every citation of a point, clause or article in NFC text, in order. A bare document number is
// not a citation (see find_document_numbers). Lists ("Điều 5, 6 và 7") yield their first item.
std::vector<Citation> find_citations(std::string_view nfc_text);

// The documents a text names, in order: by number ("Nghị định 100/2019/NĐ-CP", "100/2019/NĐ-CP")
// or, for a code or law, by type and name ("Luật Hộ tịch", "theo bộ luật lao động"), inside
// citations or not. Other types count only with a number: "quyết định", "nghị quyết" are everyday
// words too ("ai quyết định việc nuôi con"). Not a name: "Luật này", a type without one ("theo
// quy định của luật"), "pháp luật …", "công ty luật …", "khoa luật …" and the like, and, in a text
// that capitalises anything, a lower-case "luật" ("áp dụng luật nước ngoài").
std::vector<DocumentRef> find_document_refs(std::string_view nfc_text);

// Names for a sentence, each in «»: "«Luật Hộ tịch»", "«Luật Đất đai» và «Luật Nhà ở»",
// "«A», «B» và «C»".
std::string quoted_names(const std::vector<std::string>& names);

// The first citation in `s` (any input; NFC-normalised first, so byte ranges refer to the
// normalised text when the input was not NFC).
std::optional<Citation> parse_citation(std::string_view s);

// A document reference starting at byte `pos` of NFC text ("Bộ luật Lao động", "Nghị định số
// 100/2019/NĐ-CP", "BLDS", "Luật này"), after optional connecting words ("của", "tại", "theo").
std::optional<DocumentRef> document_ref_at(std::string_view nfc_text, std::size_t pos);

}  // namespace text
