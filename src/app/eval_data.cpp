#include "app/eval_data.h"

#include "app/import_command.h"

#include "core/random.h"
#include "core/time.h"
#include "core/utf8.h"
#include "db/migrate.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace app {

namespace fs = std::filesystem;

bool is_gold(const Gold& g, const Cited& c) {
  const bool law = g.law == c.corpus_id || (!c.document_number.empty() && g.law == c.document_number) || g.law == c.document_title ||
                   std::find(c.other_corpus_ids.begin(), c.other_corpus_ids.end(), g.law) != c.other_corpus_ids.end();
  return law && (g.article == c.article_id || g.article == c.article_number);
}

bool is_gold(const Question& q, const Cited& c) {
  return std::any_of(q.gold.begin(), q.gold.end(), [&](const Gold& g) { return is_gold(g, c); });
}

std::optional<Cited> cited_passage(const library::SearchService& search, std::int64_t passage_id) {
  auto src = search.source(passage_id);
  auto passage = search.passage(passage_id);
  if (!src || !passage) return std::nullopt;
  return Cited{src->corpus_id, passage->document_number, passage->document_title, src->article_id, passage->article_number, src->other_corpus_ids};
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("không đọc được tệp " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<Question> load_questions(const std::string& path) {
  auto j = nlohmann::json::parse(read_file(path));
  if (!j.is_array()) throw std::runtime_error(path + ": cần một mảng câu hỏi");
  std::vector<Question> out;
  for (const auto& q : j) {
    Question item;
    item.text = core::nfc(q.value("text", q.value("question", std::string())));
    if (auto it = q.find("question_type"); it != q.end() && it->is_string()) item.type = core::nfc(it->get<std::string>());
    if (auto it = q.find("choices"); it != q.end() && it->is_object())
      for (const auto& [key, value] : it->items())
        if (value.is_string()) item.choices[key] = core::nfc(value.get<std::string>());
    if (auto it = q.find("answer"); it != q.end() && it->is_string()) item.answer = core::nfc(it->get<std::string>());
    if (auto it = q.find("style"); it != q.end() && it->is_string()) item.style = it->get<std::string>();
    if (auto it = q.find("relevant_articles"); it != q.end() && it->is_array())
      for (const auto& g : *it)
        if (g.is_object())
          item.gold.push_back({core::nfc(g.value("law_id", std::string())), core::nfc(g.value("article_id", std::string())),
                               core::nfc(g.value("clause", std::string()))});
    if (!item.text.empty() && !item.gold.empty()) out.push_back(std::move(item));
  }
  return out;
}


std::vector<std::string> load_question_texts(const std::string& path) {
  auto j = nlohmann::json::parse(read_file(path));
  if (!j.is_array()) throw std::runtime_error(path + ": cần một mảng câu hỏi");
  std::vector<std::string> out;
  for (const auto& q : j)
    if (q.is_object())
      if (auto text = core::nfc(q.value("text", q.value("question", std::string()))); !text.empty()) out.push_back(std::move(text));
  return out;
}

std::vector<Question> load_or_complain(const std::string& path, std::ostream& out) {
  auto questions = load_questions(path);
  if (questions.empty()) out << "không có câu hỏi nào có điều luật đúng (relevant_articles) trong " << path << "\n";
  return questions;
}

std::vector<std::string> load_texts_or_complain(const std::string& path, std::ostream& out) {
  auto texts = load_question_texts(path);
  if (texts.empty()) out << "không có câu hỏi nào (trường \"text\" hoặc \"question\") trong " << path << "\n";
  return texts;
}

EvalLibrary::EvalLibrary() : dir(fs::temp_directory_path() / ("phobien-eval-" + core::random_token(8))) {}

EvalLibrary::~EvalLibrary() {
  search.reset();
  database.reset();
  std::error_code ec;
  fs::remove_all(dir, ec);
}

bool EvalLibrary::load(const std::string& corpus, std::ostream& out, const std::string& weights) {
  fs::create_directories(dir);
  database = db::open_database("sqlite:" + (dir / "eval.db").string(), 4);
  db::migrate(*database);
  std::ostringstream report;
  if (import_paths(*database, {corpus}, report) != 0) {
    std::istringstream lines(report.str());
    for (std::string l; std::getline(lines, l);)
      if (l.starts_with("✗")) out << l << "\n";
    return false;
  }
  auto level = spdlog::get_level();
  spdlog::set_level(spdlog::level::warn);
  search = std::make_unique<library::SearchService>(*database, changes);
  spdlog::set_level(level);
  if (!weights.empty()) {
    std::vector<std::string> problems;
    auto learned = search::parse_feature_weights(read_file(weights), problems);
    if (!learned) {
      for (const auto& p : problems) out << weights << ": " << p << "\n";
      return false;
    }
    auto ranking = search->ranking();
    ranking.learned_weights = std::move(*learned);
    search->set_ranking(ranking);
  }
  out << "# corpus " << corpus << ": " << search->passages() << " passages, "
      << (search->ranking().learned_weights.empty() ? "hand-tuned ranking" : "learned ranking") << "\n";
  return true;
}

std::optional<consult::ArchiveImportReport> EvalLibrary::import_archive(const std::string& path, std::ostream& out) {
  consult::ArchiveImportOptions options;
  options.archive = std::filesystem::path(path).stem().string();
  options.publish = true;
  auto imported = consult::import_qa_archive(*database, changes, read_file(path), options, core::now_unix());
  if (!imported) {
    out << path << ": " << imported.error().message << "\n";
    return std::nullopt;
  }
  return *imported;
}

}  // namespace app
