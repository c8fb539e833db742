#pragma once
// ALQAC-style corpora and question files for search_eval and search_bench.
#include "search/index.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace bench {

// [{"id": "<law title or number>", "articles": [{"id": "<article number>", "text": "<title>\n\n<body>"}]}]
// Everything NFC; the first line of an article's text is its title, unless it reads as body text
// (starts with a clause number "1." or ends with a full stop, as in the Constitution's articles). document_title is the corpus
// id, also document_number when the id is a số hiệu. Ids are assigned in file order from 1.
struct Corpus {
  std::vector<search::Passage> passages;
  std::map<std::pair<std::string, std::string>, std::int64_t> by_law_article;  // (law id, article id) → passage id
};
void load_corpus(const std::string& path, Corpus& into);

struct Question {
  std::string id, text;
  std::vector<std::pair<std::string, std::string>> relevant;  // (law id, article id)
};
// "text" or "question" field; gold in relevant_articles (law_id, article_id), when present.
std::vector<Question> load_questions(const std::string& path);

// Sets a search::Ranking field by name ("title_weight", "proximity_weight", ...) for --set
// options; false for an unknown name.
bool set_ranking_field(search::Ranking& r, const std::string& name, double value);

}  // namespace bench
