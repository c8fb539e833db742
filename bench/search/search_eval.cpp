// Retrieval quality of search::Index on an ALQAC-style corpus and question file.
//
//   search_eval CORPUS.json QUESTIONS.json [--ablation] [--misses N] [--set name=value ...] [--query TEXT ...]
//
// Prints R@1, R@5, R@10 and MRR@10 for the questions as written, then with their diacritics
// removed (what a user typing without Vietnamese input gets). A question is found at rank k when
// any of its gold articles is among the first k hits. --ablation repeats the run with each
// ranking idea switched off; --set overrides a Ranking field (e.g. --set exact_weight=0.7);
// --misses prints the first N questions whose gold article is not the first hit; --query shows the
// hits (scores, snippets) of a query instead of evaluating.
#include "corpus.h"
#include "search/index.h"
#include "text/vietnamese.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <set>
#include <string>

namespace {

struct Scores {
  std::size_t n = 0;
  double r1 = 0, r5 = 0, r10 = 0, mrr = 0;
};

Scores evaluate(const search::Index& index, const bench::Corpus& corpus, const std::vector<bench::Question>& questions,
                bool fold, int misses) {
  Scores s;
  for (const auto& q : questions) {
    std::set<std::int64_t> gold;
    for (const auto& rel : q.relevant) {
      auto it = corpus.by_law_article.find(rel);
      if (it != corpus.by_law_article.end()) gold.insert(it->second);
    }
    if (gold.empty()) continue;
    ++s.n;
    search::Query query;
    query.text = fold ? text::remove_diacritics(q.text) : q.text;
    query.limit = 10;
    auto r = index.search(query);
    std::size_t rank = 0;
    for (std::size_t i = 0; i < r.hits.size(); ++i)
      if (gold.count(r.hits[i].id)) {
        rank = i + 1;
        break;
      }
    if (rank == 1) s.r1 += 1;
    if (rank >= 1 && rank <= 5) s.r5 += 1;
    if (rank >= 1 && rank <= 10) s.r10 += 1;
    if (rank >= 1) s.mrr += 1.0 / static_cast<double>(rank);
    if (rank != 1 && misses-- > 0) {
      auto top = r.hits.empty() ? std::optional<search::Passage>() : index.passage(r.hits[0].id);
      auto want = index.passage(*gold.begin());
      std::printf("MISS %s rank=%zu\n  Q: %s\n  gold: %s Điều %s %s\n  got:  %s Điều %s %s\n", q.id.c_str(), rank,
                  query.text.c_str(), want ? want->document_title.c_str() : "?", want ? want->article_number.c_str() : "?",
                  want ? want->title.c_str() : "", top ? top->document_title.c_str() : "-", top ? top->article_number.c_str() : "-",
                  top ? top->title.c_str() : "");
    }
  }
  if (s.n) {
    s.r1 /= s.n;
    s.r5 /= s.n;
    s.r10 /= s.n;
    s.mrr /= s.n;
  }
  return s;
}

void print(const char* label, const Scores& s) {
  std::printf("%-22s questions=%zu R@1=%.3f R@5=%.3f R@10=%.3f MRR@10=%.3f\n", label, s.n, s.r1, s.r5, s.r10, s.mrr);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s CORPUS.json QUESTIONS.json [--ablation] [--misses N] [--set name=value ...]\n", argv[0]);
    return 2;
  }
  bool ablation = false;
  std::vector<std::string> queries;  // --query: show the hits of these instead of evaluating
  int misses = 0;
  search::Ranking ranking;
  for (int i = 3; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--ablation")) {
      ablation = true;
    } else if (!std::strcmp(argv[i], "--misses") && i + 1 < argc) {
      misses = std::atoi(argv[++i]);
    } else if (!std::strcmp(argv[i], "--query") && i + 1 < argc) {
      queries.push_back(argv[++i]);
    } else if (!std::strcmp(argv[i], "--set") && i + 1 < argc) {
      std::string kv = argv[++i];
      auto eq = kv.find('=');
      if (eq == std::string::npos || !bench::set_ranking_field(ranking, kv.substr(0, eq), std::atof(kv.c_str() + eq + 1))) {
        std::fprintf(stderr, "unknown setting %s\n", kv.c_str());
        return 2;
      }
    } else {
      std::fprintf(stderr, "unknown argument %s\n", argv[i]);
      return 2;
    }
  }

  bench::Corpus corpus;
  std::vector<bench::Question> questions;
  try {
    bench::load_corpus(argv[1], corpus);
    questions = bench::load_questions(argv[2]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "search_eval: %s\n", e.what());
    return 1;
  }
  search::Index index;
  auto t0 = std::chrono::steady_clock::now();
  for (const auto& p : corpus.passages) index.upsert(p);
  double build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::printf("corpus: %zu passages, built in %.0f ms, %.1f MB (%.0f bytes/passage)\n", index.size(), build_ms,
              index.memory_bytes() / 1e6, static_cast<double>(index.memory_bytes()) / std::max<std::size_t>(1, index.size()));

  index.set_ranking(ranking);
  if (!queries.empty()) {
    for (const auto& text : queries) {
      search::Query q;
      q.text = text;
      auto r = index.search(q);
      std::printf("query: %s\ntotal=%zu took=%.3f ms suggestion=%s\n", text.c_str(), r.total, r.took_ms,
                  r.suggestion ? r.suggestion->c_str() : "-");
      for (const auto& h : r.hits) {
        auto p = index.passage(h.id);
        std::printf("  %8.3f %-8s %s Điều %s. %s\n           %s\n", h.score, h.match.c_str(), p->document_title.c_str(),
                    p->article_number.c_str(), p->title.c_str(), h.snippet.c_str());
      }
    }
    return 0;
  }
  print("with diacritics:", evaluate(index, corpus, questions, false, misses));
  print("without diacritics:", evaluate(index, corpus, questions, true, misses));

  if (ablation) {
    struct Variant {
      const char* name;
      std::function<void(search::Ranking&)> change;
    };
    std::vector<Variant> variants = {
        {"plain BM25 (all off)",
         [](search::Ranking& r) {
           r.title_weight = 1;
           r.document_weight = 0;
           r.exact_weight = 0;
           r.bigram_weight = 0;
           r.mention_boost = 0;
           r.proximity_weight = 0;
           r.question_word_weight = 1;
           r.definition_boost = 0;
           r.restore_diacritics = false;
         }},
        {"- title weight (=1)", [](search::Ranking& r) { r.title_weight = 1; }},
        {"- document field", [](search::Ranking& r) { r.document_weight = 0; }},
        {"- exact diacritics", [](search::Ranking& r) { r.exact_weight = 0; }},
        {"- bigrams", [](search::Ranking& r) { r.bigram_weight = 0; }},
        {"- mention boost", [](search::Ranking& r) { r.mention_boost = 0; }},
        {"- proximity", [](search::Ranking& r) { r.proximity_weight = 0; }},
        {"- question words", [](search::Ranking& r) { r.question_word_weight = 1; }},
        {"- definitions", [](search::Ranking& r) { r.definition_boost = 0; }},
        {"- restoration", [](search::Ranking& r) { r.restore_diacritics = false; }},
    };
    for (const auto& v : variants) {
      search::Ranking r = ranking;
      v.change(r);
      index.set_ranking(r);
      std::printf("%s\n", v.name);
      print("  with diacritics:", evaluate(index, corpus, questions, false, 0));
      print("  without diacritics:", evaluate(index, corpus, questions, true, 0));
    }
  }
  return 0;
}
