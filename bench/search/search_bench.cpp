// Latency and throughput of search::Index against SQLite FTS5 on the same passages.
//
//   search_bench --queries FILE.json [--queries FILE.json ...] [--threads N] [--unaccented] [--set name=value ...] CORPUS.json [CORPUS.json ...]
//
// Corpora: ALQAC-style JSON (see corpus.h). Queries: JSON arrays of objects with a "text" or
// "question" field (e.g. ../shared/data/queries/zalo-questions.json and vlsp2025-questions.json).
// Every query runs once through each engine (all different, no result cache). FTS5 is the
// project's baseline: unicode61 with diacritics kept, bm25 ranking, the query's tokens OR-ed,
// top 10. search::Index also builds the snippets of its 10 hits; FTS5 returns row ids only.
// With --threads N, search::Index is also run from N threads at once (shared index); --set
// changes a ranking knob (see search_eval) to see what it costs; --unaccented runs the queries
// with their diacritics removed (diacritic restoration and suggestions at work).
#include "corpus.h"
#include "search/index.h"
#include "text/vietnamese.h"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Stats {
  double qps = 0, median_ms = 0, p95_ms = 0, mean_hits = 0;
};

Stats summarise(std::vector<double> lat_ms, double wall_s, std::size_t hits) {
  Stats s;
  if (lat_ms.empty()) return s;
  std::sort(lat_ms.begin(), lat_ms.end());
  s.qps = static_cast<double>(lat_ms.size()) / wall_s;
  s.median_ms = lat_ms[lat_ms.size() / 2];
  s.p95_ms = lat_ms[std::min(lat_ms.size() - 1, lat_ms.size() * 95 / 100)];
  s.mean_hits = static_cast<double>(hits) / static_cast<double>(lat_ms.size());
  return s;
}

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}

class Fts5 {
 public:
  explicit Fts5(const std::vector<search::Passage>& passages) {
    check(sqlite3_open(":memory:", &db_), db_, "open");
    check(sqlite3_exec(db_, "CREATE VIRTUAL TABLE p USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 0')",
                       nullptr, nullptr, nullptr),
          db_, "create");
    check(sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr), db_, "begin");
    sqlite3_stmt* ins = nullptr;
    check(sqlite3_prepare_v2(db_, "INSERT INTO p(rowid, title, body) VALUES (?, ?, ?)", -1, &ins, nullptr), db_, "prepare");
    for (const auto& p : passages) {
      sqlite3_bind_int64(ins, 1, p.id);
      sqlite3_bind_text(ins, 2, p.title.c_str(), static_cast<int>(p.title.size()), SQLITE_STATIC);
      sqlite3_bind_text(ins, 3, p.text.c_str(), static_cast<int>(p.text.size()), SQLITE_STATIC);
      check(sqlite3_step(ins), db_, "insert");
      sqlite3_reset(ins);
    }
    sqlite3_finalize(ins);
    check(sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr), db_, "commit");
    check(sqlite3_prepare_v2(db_, "SELECT rowid FROM p WHERE p MATCH ? ORDER BY bm25(p) LIMIT 10", -1, &query_, nullptr), db_,
          "prepare query");
  }
  ~Fts5() {
    sqlite3_finalize(query_);
    sqlite3_close(db_);
  }
  std::size_t search(const std::string& q) {
    std::string match;
    for (const auto& t : text::tokenize(q)) {
      if (!match.empty()) match += " OR ";
      match += "\"" + t.lower + "\"";
    }
    if (match.empty()) return 0;
    sqlite3_bind_text(query_, 1, match.c_str(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
    std::size_t n = 0;
    while (sqlite3_step(query_) == SQLITE_ROW) ++n;
    sqlite3_reset(query_);
    return n;
  }
  std::size_t memory() const {
    sqlite3_int64 cur = 0, hi = 0;
    sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &cur, &hi, 0);
    return static_cast<std::size_t>(cur);
  }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* query_ = nullptr;
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> corpora, query_files;
  int threads = 0;
  bool unaccented = false;
  search::Ranking ranking;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--queries") && i + 1 < argc) query_files.push_back(argv[++i]);
    else if (!std::strcmp(argv[i], "--set") && i + 1 < argc) {
      std::string kv = argv[++i];
      auto eq = kv.find('=');
      if (eq == std::string::npos || !bench::set_ranking_field(ranking, kv.substr(0, eq), std::atof(kv.c_str() + eq + 1))) {
        std::fprintf(stderr, "unknown setting %s\n", kv.c_str());
        return 2;
      }
    }
    else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc) threads = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--unaccented")) unaccented = true;
    else corpora.push_back(argv[i]);
  }
  if (corpora.empty() || query_files.empty()) {
    std::fprintf(stderr, "usage: %s --queries FILE.json [--queries FILE.json ...] [--threads N] [--unaccented] [--set name=value ...] CORPUS.json [CORPUS.json ...]\n", argv[0]);
    return 2;
  }
  bench::Corpus corpus;
  std::vector<std::string> queries;
  try {
    for (const auto& c : corpora) bench::load_corpus(c, corpus);
    for (const auto& f : query_files)
      for (auto& q : bench::load_questions(f)) queries.push_back(unaccented ? text::remove_diacritics(q.text) : std::move(q.text));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "search_bench: %s\n", e.what());
    return 1;
  }

  auto t0 = Clock::now();
  search::Index index;
  index.set_ranking(ranking);
  for (const auto& p : corpus.passages) index.upsert(p);
  double index_build = std::chrono::duration<double>(Clock::now() - t0).count();
  t0 = Clock::now();
  Fts5 fts(corpus.passages);
  double fts_build = std::chrono::duration<double>(Clock::now() - t0).count();

  std::printf("passages=%zu queries=%zu\n", index.size(), queries.size());
  std::printf("build: index %.2f s, fts5 %.2f s\n", index_build, fts_build);
  std::printf("memory: index %.1f MB (%.0f bytes/passage), fts5 (sqlite heap) %.1f MB\n", index.memory_bytes() / 1e6,
              static_cast<double>(index.memory_bytes()) / static_cast<double>(index.size()), fts.memory() / 1e6);

  auto run = [&](auto&& one) {
    std::vector<double> lat;
    lat.reserve(queries.size());
    std::size_t hits = 0;
    auto start = Clock::now();
    for (const auto& q : queries) {
      auto a = Clock::now();
      hits += one(q);
      lat.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
    }
    return summarise(std::move(lat), std::chrono::duration<double>(Clock::now() - start).count(), hits);
  };
  Stats ours = run([&](const std::string& q) {
    search::Query query;
    query.text = q;
    return index.search(query).hits.size();
  });
  Stats theirs = run([&](const std::string& q) { return fts.search(q); });

  std::printf("%-14s %10s %10s %10s %8s\n", "engine", "queries/s", "median ms", "p95 ms", "hits");
  std::printf("%-14s %10.0f %10.3f %10.3f %8.1f\n", "search::Index", ours.qps, ours.median_ms, ours.p95_ms, ours.mean_hits);
  std::printf("%-14s %10.0f %10.3f %10.3f %8.1f\n", "sqlite fts5", theirs.qps, theirs.median_ms, theirs.p95_ms, theirs.mean_hits);
  std::printf("throughput ratio: %.1fx, median latency ratio: %.1fx\n", ours.qps / theirs.qps, theirs.median_ms / ours.median_ms);

  if (threads > 1) {
    std::atomic<std::size_t> next{0};
    auto start = Clock::now();
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
      pool.emplace_back([&] {
        for (std::size_t i; (i = next.fetch_add(1)) < queries.size();) {
          search::Query query;
          query.text = queries[i];
          index.search(query);
        }
      });
    for (auto& th : pool) th.join();
    double wall = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("search::Index with %d threads: %.0f queries/s\n", threads, static_cast<double>(queries.size()) / wall);
  }
  return 0;
}
