#pragma once
// Standard Vietnamese legal abbreviations: BLDS = Bộ luật Dân sự, NĐ = Nghị định, UBND = Ủy ban nhân dân...
#include <optional>
#include <string_view>

namespace text {

struct Abbreviation {
  std::string_view key;        // folded lower case: "blld"
  std::string_view expansion;  // "Bộ luật Lao động"
  // How it may be expanded in a query:
  //   code: the name of one code or law (BLDS, BLHS, ...), usable as a document reference;
  //   type: a document type (NĐ, TT, QĐ, NQ, ...), expanded only before a number or inside a
  //         citation, since "tt" or "nd" alone mean too many things;
  //   term: a common term (UBND, BHXH, CCCD, ...), expanded wherever it appears.
  enum class Kind { code, type, term } kind = Kind::term;
  std::string_view type_slug;  // for code and type: "bo-luat", "nghi-dinh", ...
};

// Case- and diacritic-insensitive look-up of one token: "BLLĐ", "blld" and "BLLD" find the same.
std::optional<Abbreviation> find_abbreviation(std::string_view token);

// Canonical document type ("Nghị định", "Bộ luật", ...) and its slug ("nghi-dinh", "bo-luat")
// for a type name written in any case, with or without diacritics, or abbreviated.
struct DocumentType {
  std::string_view name, slug;
};
std::optional<DocumentType> find_document_type(std::string_view words);

}  // namespace text
