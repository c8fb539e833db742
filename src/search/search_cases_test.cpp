// Search behaviour as a table (testdata/search_cases.test) over a tiny corpus of real articles,
// abridged: a few clauses of each, enough to tell them apart (testdata/search_corpus.test).
#include "search/index.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace search {

namespace {

// One "=== name" block of a testdata file and its "key: value" lines, in order.
struct Record {
  std::string name;
  std::vector<std::pair<std::string, std::string>> fields;
  // The last value of `key`, if the block has one.
  std::optional<std::string> get(std::string_view key) const {
    std::optional<std::string> value;
    for (const auto& [k, v] : fields)
      if (k == key) value = v;
    return value;
  }
  // Every value of `key`, in order.
  std::vector<std::string> all(std::string_view key) const {
    std::vector<std::string> values;
    for (const auto& [k, v] : fields)
      if (k == key) values.push_back(v);
    return values;
  }
};

// Blank lines and "#" comments are skipped; a value loses the spaces after its colon.
std::vector<Record> read_records(const std::string& path) {
  std::ifstream in(path);
  std::vector<Record> records;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.starts_with("#")) continue;
    if (line.starts_with("=== ")) {
      records.push_back({line.substr(4), {}});
      continue;
    }
    if (records.empty()) continue;
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string key = line.substr(0, colon), value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    records.back().fields.emplace_back(std::move(key), std::move(value));
  }
  return records;
}

// testdata/search_corpus.test: the articles, named "<document key>/<article>".
std::vector<std::pair<std::string, Passage>> load_corpus(const std::string& path) {
  std::vector<std::pair<std::string, Passage>> corpus;
  for (const auto& r : read_records(path)) {
    std::string text;
    for (const auto& line : r.all("text")) text += (text.empty() ? "" : "\n") + line;
    Passage p{0, std::stoll(r.get("document").value_or("0")), r.get("document_title").value_or(""), r.get("number").value_or(""),
              r.get("type").value_or(""), r.get("status").value_or(""), r.get("article").value_or(""), r.get("title").value_or(""),
              text};
    corpus.emplace_back(r.name, std::move(p));
  }
  return corpus;
}

struct Case {
  std::string name, query;
  std::optional<std::string> type, status, suggestion;
  std::string first;  // "<key> <match>", "none", or empty: any first hit
  std::vector<std::string> absent;
  std::optional<std::size_t> total;
};

// testdata/search_cases.test: === name / query: / type: / status: / first: / suggestion: / absent: / total:
std::vector<Case> load_cases(const std::string& path) {
  std::vector<Case> cases;
  for (const auto& r : read_records(path)) {
    Case c;
    c.name = r.name;
    c.query = r.get("query").value_or("");
    c.type = r.get("type");
    c.status = r.get("status");
    c.first = r.get("first").value_or("");
    c.suggestion = r.get("suggestion");
    c.absent = r.all("absent");
    if (auto total = r.get("total")) c.total = std::stoul(*total);
    cases.push_back(std::move(c));
  }
  return cases;
}

}  // namespace

TEST(SearchCases, Fixtures) {
  Index index;
  std::map<std::int64_t, std::string> key_of;
  std::int64_t id = 100;
  auto corpus = load_corpus(PHOBIEN_SOURCE_DIR "/src/search/testdata/search_corpus.test");
  ASSERT_EQ(corpus.size(), 13u);
  for (auto& [key, p] : corpus) {
    p.id = ++id;
    key_of[p.id] = key;
    index.upsert(std::move(p));
  }
  auto cases = load_cases(PHOBIEN_SOURCE_DIR "/src/search/testdata/search_cases.test");
  ASSERT_GE(cases.size(), 15u);
  for (const auto& c : cases) {
    Query q;
    q.text = c.query;
    q.type = c.type;
    q.status = c.status;
    auto r = index.search(q);
    std::string got = r.hits.empty() ? "none" : key_of[r.hits[0].id] + " " + r.hits[0].match;
    if (!c.first.empty()) EXPECT_EQ(got, c.first) << "case: " << c.name << "\nquery: " << c.query;
    if (c.suggestion) EXPECT_EQ(r.suggestion.value_or("(none)"), *c.suggestion) << "case: " << c.name;
    for (const auto& a : c.absent)
      for (const auto& h : r.hits) EXPECT_NE(key_of[h.id], a) << "case: " << c.name << " should not find " << a;
    if (c.total) EXPECT_EQ(r.total, *c.total) << "case: " << c.name;
  }
}

}  // namespace search
