#include "app/eval_command.h"

#include "core/random.h"
#include "core/utf8.h"
#include "db/change_feed.h"
#include "db/migrate.h"
#include "library/library_service.h"
#include "library/search_service.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace app {

namespace fs = std::filesystem;

namespace {
struct Question {
  std::string text;
  std::vector<std::pair<std::string, std::string>> gold;  // (corpus document id, article id)
};

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("không đọc được tệp " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<Question> load_questions(const std::string& path) {
  auto j = nlohmann::json::parse(read(path));
  if (!j.is_array()) throw std::runtime_error(path + ": cần một mảng câu hỏi");
  std::vector<Question> out;
  for (const auto& q : j) {
    Question item;
    item.text = core::nfc(q.value("text", q.value("question", std::string())));
    if (auto it = q.find("relevant_articles"); it != q.end() && it->is_array())
      for (const auto& g : *it)
        item.gold.emplace_back(core::nfc(g.value("law_id", std::string())), core::nfc(g.value("article_id", std::string())));
    if (!item.text.empty() && !item.gold.empty()) out.push_back(std::move(item));
  }
  return out;
}

struct Scores {
  double r1 = 0, r5 = 0, r10 = 0, mrr10 = 0;
  double seconds = 0;
};

Scores evaluate(const library::SearchService& search, const std::vector<Question>& questions, bool strip) {
  Scores s;
  auto started = std::chrono::steady_clock::now();
  for (const auto& q : questions) {
    search::Query query;
    query.text = strip ? core::remove_diacritics(q.text) : q.text;
    query.limit = 10;
    auto result = search.search(query);
    std::size_t rank = 0;
    for (std::size_t i = 0; i < result.hits.size() && !rank; ++i) {
      auto src = search.source(result.hits[i].id);
      if (!src) continue;
      for (const auto& [law, article] : q.gold)
        if (src->corpus_id == law && src->article_id == article) rank = i + 1;
    }
    s.r1 += rank == 1;
    s.r5 += rank >= 1 && rank <= 5;
    s.r10 += rank >= 1 && rank <= 10;
    s.mrr10 += rank ? 1.0 / static_cast<double>(rank) : 0.0;
  }
  double n = static_cast<double>(questions.size());
  s.r1 /= n;
  s.r5 /= n;
  s.r10 /= n;
  s.mrr10 /= n;
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return s;
}

void print(std::ostream& out, const char* label, std::size_t n, const Scores& s) {
  char line[256];
  std::snprintf(line, sizeof line, "# %s (%.0f queries/s)\nquestions=%zu R@1=%.3f R@5=%.3f R@10=%.3f MRR@10=%.3f\n", label,
                static_cast<double>(n) / std::max(s.seconds, 1e-9), n, s.r1, s.r5, s.r10, s.mrr10);
  out << line;
}
}  // namespace

int eval_retrieval(const std::string& corpus, const std::string& questions_path, std::ostream& out) {
  auto questions = load_questions(questions_path);
  if (questions.empty()) {
    out << "không có câu hỏi nào có điều luật đúng (relevant_articles) trong " << questions_path << "\n";
    return 1;
  }
  // A fresh database holding only the corpus, removed afterwards.
  auto dir = fs::temp_directory_path() / ("phobien-eval-" + core::random_token(8));
  fs::create_directories(dir);
  struct Cleanup {
    fs::path dir;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  } cleanup{dir};
  auto database = db::open_database("sqlite:" + (dir / "eval.db").string(), 4);
  db::migrate(*database);
  db::ChangeFeed changes;
  library::LibraryService library(*database, changes);
  auto report = library.import_file(read(corpus), corpus, {std::nullopt, "eval"});
  if (!report.ok()) {
    out << corpus << ": " << report.error->where << ": " << report.error->message << "\n";
    return 1;
  }
  auto level = spdlog::get_level();
  spdlog::set_level(spdlog::level::warn);
  library::SearchService search(*database, changes);
  spdlog::set_level(level);
  out << "# corpus " << corpus << ": " << search.passages() << " passages\n";
  print(out, "with diacritics", questions.size(), evaluate(search, questions, false));
  print(out, "without diacritics", questions.size(), evaluate(search, questions, true));
  return 0;
}

}  // namespace app
