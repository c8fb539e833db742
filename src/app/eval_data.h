#pragma once
// What `phobien eval` and `phobien train` share: question files with their gold articles, the
// comparison of a hit with a gold article, and a fresh library holding only the corpus.
//
// Question files: an array of {"text" or "question", "relevant_articles": [{"law_id",
// "article_id", "clause"?}], "style"?, "question_type"?, "choices"?, "answer"?}; `law_id` names a
// document by its id in the corpus file, its số hiệu or its title.
#include "consult/archive_import.h"
#include "db/change_feed.h"
#include "db/database.h"
#include "library/search_service.h"

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace app {

// A gold article: `law` is the document's id in its corpus file (ALQAC), its số hiệu
// ("45/2019/QH14") or its title ("Luật Cư trú"); `clause` is "" when the whole article answers.
struct Gold {
  std::string law, article, clause;
};

struct Question {
  std::string text;
  std::string style;                           // natural questions: "colloquial", "keyword", "no-diacritics", "story", "typo"
  std::string type;                            // "Đúng/Sai", "Trắc nghiệm", "Tự luận" or ""
  std::map<std::string, std::string> choices;  // multiple choice only
  std::string answer;                          // "Đúng", "Sai", "A", … for choice questions
  std::vector<Gold> gold;
};

// What a hit or a citation is, to compare with a gold article.
struct Cited {
  std::string corpus_id, document_number, document_title, article_id, article_number;
  std::vector<std::string> other_corpus_ids = {};  // the document's other sources (one law, one document)
};

bool is_gold(const Gold& g, const Cited& c);
bool is_gold(const Question& q, const Cited& c);  // any of its gold articles

// What a passage of the library is, to compare with a gold article; nullopt when it is gone.
std::optional<Cited> cited_passage(const library::SearchService& search, std::int64_t passage_id);

// The 1-based rank of the first gold article among `cited`, or 0.
template <typename Range, typename Describe>
std::size_t gold_rank(const Question& q, const Range& cited, Describe&& describe) {
  std::size_t i = 0;
  for (const auto& item : cited) {
    ++i;
    auto c = describe(item);
    if (c && is_gold(q, *c)) return i;
  }
  return 0;
}

std::string read_file(const std::string& path);  // throws std::runtime_error
// The questions of `path` that name a gold article (throws on malformed JSON).
std::vector<Question> load_questions(const std::string& path);
// The texts ("text" or "question") of every question of `path`, gold or not (throws on malformed JSON).
std::vector<std::string> load_question_texts(const std::string& path);
// The same, saying so on `out` when there are none.
std::vector<Question> load_or_complain(const std::string& path, std::ostream& out);
// load_question_texts, saying so on `out` when there are none.
std::vector<std::string> load_texts_or_complain(const std::string& path, std::ostream& out);

// A fresh database holding only the corpus, with its search index; removed afterwards.
struct EvalLibrary {
  std::filesystem::path dir;
  std::unique_ptr<db::Database> database;
  db::ChangeFeed changes;
  std::unique_ptr<library::SearchService> search;
  EvalLibrary();
  ~EvalLibrary();
  EvalLibrary(const EvalLibrary&) = delete;
  EvalLibrary& operator=(const EvalLibrary&) = delete;
  // `corpus`: a file, or a folder imported as `phobien import` imports it. `weights`: a file of
  // the learned ranking's weights (`phobien train ranking --out`) to search with, or "" for the
  // hand-tuned ranking.
  bool load(const std::string& corpus, std::ostream& out, const std::string& weights = "");
  // Imports the Q&A archive file at `path` as published expert answers (as `phobien import-qa
  // --publish`, named after the file); on failure says why on `out` and returns nullopt.
  std::optional<consult::ArchiveImportReport> import_archive(const std::string& path, std::ostream& out);
};

}  // namespace app
