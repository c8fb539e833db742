// Document numbers and legal citations in text: text::normalize_document_number,
// document_number_key, find_document_numbers, find_citations, parse_citation, document_ref_at;
// library::looks_like_number, number_identity_key, find_relations and find_links (citation links
// in article text, over a small table of known documents). Input: a selector byte, then the text
// (invalid UTF-8 is skipped: imports and requests refuse it; the rest is NFC-normalised, as the
// callers do).
// Properties: normalising is idempotent and keeps the key; the key is "" exactly when the text is
// not a number; every range found (numbers, citations, documents, links) lies inside the text, on
// character boundaries, in order without overlap; found numbers are canonical; parse_citation gives
// find_citations' first; title keys are longest first; relations name numbers written in the text,
// once per target, never the document's own; links point into /van-ban/.
#include "core/utf8.h"
#include "fuzz_check.h"
#include "library/citation_links.h"
#include "library/document_numbers.h"
#include "text/citation.h"
#include "text/document_number.h"
#include "text/vietnamese.h"

#include <set>

namespace {

bool boundary(std::string_view s, std::size_t at) {
  return at == 0 || at == s.size() || (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80);
}

void check_range(std::string_view text, std::size_t begin, std::size_t end) {
  FUZZ_CHECK(begin < end && end <= text.size());
  FUZZ_CHECK(boundary(text, begin) && boundary(text, end));
}

void check_number(std::string_view s) {
  auto normal = text::normalize_document_number(s);
  std::string key = text::document_number_key(s);
  FUZZ_CHECK(key.empty() == !normal.has_value());
  if (!normal) return;
  FUZZ_CHECK(core::is_valid_utf8(*normal));
  FUZZ_CHECK(text::normalize_document_number(*normal) == normal);
  FUZZ_CHECK(text::document_number_key(*normal) == key);
  FUZZ_CHECK(library::number_identity_key(s) == key);
}

void check_document(std::string_view text, const text::DocumentRef& doc) {
  check_range(text, doc.begin, doc.end);
  if (!doc.number.empty()) FUZZ_CHECK(text::normalize_document_number(doc.number) == std::optional<std::string>(doc.number));
  FUZZ_CHECK(core::is_valid_utf8(doc.title()));
  std::vector<std::string> keys = doc.title_keys();
  for (std::size_t i = 0; i < keys.size(); ++i) {
    FUZZ_CHECK(core::is_valid_utf8(keys[i]));
    if (i > 0) FUZZ_CHECK(keys[i].size() <= keys[i - 1].size());
  }
}

const library::LinkTable& link_table() {
  static const library::LinkTable table = [] {
    library::LinkTable t;
    t.slug_by_number_key[text::document_number_key("100/2019/NĐ-CP")] = "nghi-dinh-100-2019";
    t.slug_by_number_key[text::document_number_key("45/2019/QH14")] = "bo-luat-lao-dong";
    t.slug_by_title_key[text::title_key("Bộ luật Lao động")] = "bo-luat-lao-dong";
    t.slug_by_title_key[text::title_key("Luật Cư trú")] = "luat-cu-tru";
    t.articles["bo-luat-lao-dong"] = {"1", "8", "25", "35"};
    t.articles["luat-cu-tru"] = {"2", "5", "19a", "27"};
    t.articles["nghi-dinh-100-2019"] = {"5", "6"};
    return t;
  }();
  return table;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Input input(fuzz::bytes(data, size));
  std::uint8_t selector = input.byte();
  std::string_view raw = input.rest();
  if (!core::is_valid_utf8(raw)) return 0;
  const std::string text = core::nfc(raw);

  check_number(text);
  FUZZ_CHECK(library::looks_like_number(text) == text::normalize_document_number(core::clean_text(text)).has_value());

  std::size_t last_end = 0;
  for (const text::NumberMention& m : text::find_document_numbers(text)) {
    check_range(text, m.begin, m.end);
    FUZZ_CHECK(m.begin >= last_end);
    last_end = m.end;
    FUZZ_CHECK(text::normalize_document_number(m.number) == std::optional<std::string>(m.number));
    check_number(std::string_view(text).substr(m.begin, m.end - m.begin));
  }

  std::vector<text::Citation> citations = text::find_citations(text);
  last_end = 0;
  for (const text::Citation& c : citations) {
    check_range(text, c.begin, c.end);
    FUZZ_CHECK(c.begin >= last_end);
    last_end = c.end;
    for (const std::string* s : {&c.article, &c.clause, &c.point}) FUZZ_CHECK(core::is_valid_utf8(*s));
    if (c.document) check_document(text, *c.document);
  }
  std::optional<text::Citation> first = text::parse_citation(text);
  FUZZ_CHECK(first.has_value() == !citations.empty());
  if (first) {
    FUZZ_CHECK(first->begin == citations.front().begin && first->end == citations.front().end);
    FUZZ_CHECK(first->article == citations.front().article && first->clause == citations.front().clause &&
               first->point == citations.front().point);
  }
  // A document reference at a few character boundaries chosen by the selector.
  for (std::size_t pos = selector % 7; pos < text.size(); pos += 1 + selector) {
    if (!boundary(text, pos)) continue;
    if (auto doc = text::document_ref_at(text, pos)) {
      check_document(text, *doc);
      FUZZ_CHECK(doc->begin >= pos);
    }
  }

  const std::string own = selector & 1 ? "100/2019/NĐ-CP" : "";
  std::set<std::string> targets;
  for (const library::Relation& r : library::find_relations(text, own)) {
    FUZZ_CHECK(!r.target_number.empty() && core::is_valid_utf8(r.target_number));
    FUZZ_CHECK(text.find(r.target_number) != std::string::npos);
    std::string key = library::number_identity_key(r.target_number);
    FUZZ_CHECK(targets.insert(key).second);
    FUZZ_CHECK(own.empty() || key != library::number_identity_key(own));
  }

  last_end = 0;
  const std::string slug = selector & 2 ? "luat-cu-tru" : "bo-luat-lao-dong";
  for (const library::TextLink& link : library::find_links(text, link_table(), slug, selector & 4 ? "5" : "")) {
    check_range(text, link.begin, link.end);
    FUZZ_CHECK(link.begin >= last_end);
    last_end = link.end;
    FUZZ_CHECK(link.url.starts_with("/van-ban/"));
    FUZZ_CHECK(core::is_valid_utf8(link.url));
  }
  return 0;
}
