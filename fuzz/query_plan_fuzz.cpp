// search::plan_query (what a query means: tokens, quoted phrases, citations, numbers,
// abbreviations, the term to define) and search::Index::search, on the tiny corpus the search unit
// tests use (src/search/testdata/search_corpus.test, read once at start). Input: a byte choosing
// limit, offset and filters, then the raw query (any bytes: the index must take them, see
// SearchIndex.OddInputIsHarmless).
// Properties: the plan's text is valid NFC UTF-8; token ranges lie inside it, in order, on
// character boundaries; every index (source, phrase, defined term) points at a token; a phrase has
// two tokens or more; a plan with "only citations" has every source token excluded. Search: at
// most `limit` hits, `total` counts at least what is shown, scores finite and falling, ids from
// the corpus, filters respected, snippets valid UTF-8 whose only markup is <mark>…</mark>, the
// suggestion valid UTF-8 and different from the query.
#include "core/utf8.h"
#include "fuzz_check.h"
#include "search/index.h"
#include "search/query_plan.h"

#include <cmath>
#include <fstream>
#include <map>

namespace {

struct Corpus {
  search::Index index;
  std::map<std::int64_t, search::Passage> passages;
};

// "=== name" records of "key: value" lines, as search_cases_test.cpp reads them.
Corpus& corpus() {
  static Corpus* c = [] {
    auto* made = new Corpus;
    std::ifstream in(PHOBIEN_SOURCE_DIR "/src/search/testdata/search_corpus.test");
    std::string line;
    search::Passage p;
    std::int64_t next_id = 0;
    auto flush = [&] {
      if (next_id > 0) {
        made->passages[p.id] = p;
        made->index.upsert(p);
      }
    };
    while (std::getline(in, line)) {
      if (line.empty() || line.starts_with("#")) continue;
      if (line.starts_with("=== ")) {
        flush();
        p = search::Passage{};
        p.id = ++next_id;
        continue;
      }
      auto colon = line.find(':');
      if (colon == std::string::npos || next_id == 0) continue;
      std::string key = line.substr(0, colon), value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      if (key == "document") p.document_id = std::stoll(value);
      else if (key == "document_title") p.document_title = value;
      else if (key == "number") p.document_number = value;
      else if (key == "type") p.document_type = value;
      else if (key == "status") p.status = value;
      else if (key == "article") p.article_number = value;
      else if (key == "title") p.title = value;
      else if (key == "text") p.text += (p.text.empty() ? "" : "\n") + value;
    }
    flush();
    if (made->passages.empty()) {
      std::fprintf(stderr, "search corpus not found under %s\n", PHOBIEN_SOURCE_DIR);
      std::abort();
    }
    return made;
  }();
  return *c;
}

bool boundary(std::string_view s, std::size_t at) {
  return at == s.size() || (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80);
}

void check_plan(const search::QueryPlan& plan) {
  FUZZ_CHECK(core::is_valid_utf8(plan.text));
  FUZZ_CHECK(core::nfc(plan.text) == plan.text);
  std::uint32_t last_end = 0;
  for (std::size_t i = 0; i < plan.source_tokens.size(); ++i) {
    const search::QueryToken& t = plan.source_tokens[i];
    FUZZ_CHECK(t.begin < t.end && t.end <= plan.text.size());
    FUZZ_CHECK(boundary(plan.text, t.begin) && boundary(plan.text, t.end));
    FUZZ_CHECK(t.begin >= last_end);
    last_end = t.end;
    FUZZ_CHECK(t.source == static_cast<int>(i));
    FUZZ_CHECK(core::is_valid_utf8(t.lower) && core::is_valid_utf8(t.folded));
  }
  for (const search::QueryToken& t : plan.tokens) {
    FUZZ_CHECK(t.end <= plan.text.size() && t.begin <= t.end);
    FUZZ_CHECK(t.source < static_cast<int>(plan.source_tokens.size()));
    FUZZ_CHECK(t.phrase < static_cast<int>(plan.phrases.size()));
  }
  FUZZ_CHECK(plan.tokens.size() >= plan.source_tokens.size());
  for (const auto& phrase : plan.phrases) {
    FUZZ_CHECK(phrase.size() >= 2);
    for (std::size_t i : phrase) FUZZ_CHECK(i < plan.tokens.size());
  }
  for (std::size_t i : plan.defined_term) FUZZ_CHECK(i < plan.tokens.size() && plan.tokens[i].source >= 0);
  if (plan.only_citations)
    for (const auto& t : plan.source_tokens) FUZZ_CHECK(t.excluded);
  for (const auto& c : plan.citations) FUZZ_CHECK(c.begin < c.end && c.end <= plan.text.size());
  for (const auto& n : plan.numbers) FUZZ_CHECK(!n.empty() && core::is_valid_utf8(n));
}

void check_snippet(std::string_view s) {
  FUZZ_CHECK(core::is_valid_utf8(s));
  for (std::size_t lt = s.find('<'); lt != std::string_view::npos; lt = s.find('<', lt + 1))
    FUZZ_CHECK(s.substr(lt).starts_with("<mark>") || s.substr(lt).starts_with("</mark>"));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Corpus& c = corpus();
  fuzz::Input input(fuzz::bytes(data, size));
  std::uint8_t selector = input.byte();
  std::string raw(input.rest());

  search::QueryPlan plan = search::plan_query(raw);
  check_plan(plan);
  std::vector<std::string> restored;
  for (const auto& t : plan.source_tokens) restored.push_back(t.lower);
  FUZZ_CHECK(!search::spell_suggestion(plan, restored).has_value());  // nothing restored, nothing suggested
  FUZZ_CHECK(search::restored_for_terms(plan, restored).size() == plan.tokens.size());

  search::Query q;
  q.text = raw;
  q.limit = 1 + selector % 10;
  q.offset = (selector >> 4) % 4;
  if (selector & 0x40) q.type = "luat";
  if (selector & 0x80) q.status = "con-hieu-luc";
  search::Result r = c.index.search(q);
  FUZZ_CHECK(r.hits.size() <= q.limit);
  FUZZ_CHECK(r.total >= r.hits.size());
  double last = INFINITY;
  for (const search::Hit& h : r.hits) {
    FUZZ_CHECK(std::isfinite(h.score));
    FUZZ_CHECK(h.score <= last);
    last = h.score;
    auto p = c.passages.find(h.id);
    FUZZ_CHECK(p != c.passages.end());
    if (q.type) FUZZ_CHECK(p->second.document_type == *q.type);
    if (q.status) FUZZ_CHECK(p->second.status == *q.status);
    FUZZ_CHECK(h.match == "citation" || h.match == "number" || h.match == "text");
    check_snippet(h.snippet);
  }
  if (r.suggestion) {
    FUZZ_CHECK(core::is_valid_utf8(*r.suggestion));
    FUZZ_CHECK(*r.suggestion != plan.text);
  }
  return 0;
}
