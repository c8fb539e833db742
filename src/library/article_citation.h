#pragma once
// One cited article (or clause) of a library document, as consultation answers and question banks
// hold it. library/citation_resolver.h finds it from what people type or files give.
#include <cstdint>
#include <string>

namespace library {

struct ArticleCitation {
  std::int64_t document_id = 0;
  std::string article;  // article number as a string, e.g. "32"
  std::string clause;   // "" for the whole article
  // Filled when read back, for links and labels.
  std::string document_title;
  std::string document_number;
  std::string document_slug;
  std::string validity;
};

// "khoản 2 Điều 5 Luật Cư trú (45/2019/QH14)": how a citation is written back into a form and shown.
inline std::string citation_label(const ArticleCitation& c) {
  std::string s;
  if (!c.clause.empty()) s += "khoản " + c.clause + " ";
  s += "Điều " + c.article + " " + c.document_title;
  if (!c.document_number.empty() && c.document_title.find(c.document_number) == std::string::npos)
    s += " (" + c.document_number + ")";
  return s;
}

}  // namespace library
