#include "corpus.h"

#include "text/abbreviations.h"
#include "text/document_number.h"
#include "text/vietnamese.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <stdexcept>

namespace bench {

namespace {

nlohmann::json read_json(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return nlohmann::json::parse(ss.str());
}

std::string str(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number_integer()) return std::to_string(j.get<long long>());
  return j.dump();
}

// "Bộ luật dân sự" → bo-luat, "Luật Cư trú" → luat, "100/2019/NĐ-CP" → nghi-dinh.
std::string type_slug(const std::string& title) {
  auto toks = text::tokenize(title);
  for (std::size_t n = std::min<std::size_t>(4, toks.size()); n >= 1; --n) {
    if (auto t = text::find_document_type(title.substr(0, toks[n - 1].end))) return std::string(t->slug);
  }
  if (auto number = text::normalize_document_number(title)) {
    std::string key = text::document_number_key(*number);
    auto code = key.substr(key.rfind('/') + 1);
    if (code.starts_with("qh")) return "luat";
    if (auto t = text::find_document_type(code.substr(0, code.find('-')))) return std::string(t->slug);
  }
  return "";
}

// Article titles are headings: they neither start with a clause number ("1.") nor end with a full stop.
bool is_title(std::string_view line) {
  while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
  if (line.empty() || line.back() == '.') return false;
  std::size_t d = 0;
  while (d < line.size() && line[d] >= '0' && line[d] <= '9') ++d;
  return !(d > 0 && d < line.size() && line[d] == '.');
}

}  // namespace

void load_corpus(const std::string& path, Corpus& into) {
  auto j = read_json(path);
  std::int64_t doc_id = 0;
  for (const auto& p : into.passages) doc_id = std::max(doc_id, p.document_id);
  for (const auto& law : j) {
    ++doc_id;
    std::string law_id = text::normalize(str(law.at("id")));
    std::string number;
    if (auto n = text::normalize_document_number(law_id)) number = *n;
    std::string type = type_slug(law_id);
    for (const auto& art : law.at("articles")) {
      std::string article_id = text::normalize(str(art.at("id")));
      std::string body = text::normalize(art.at("text").get<std::string>());
      search::Passage p;
      p.id = static_cast<std::int64_t>(into.passages.size()) + 1;
      p.document_id = doc_id;
      p.document_title = law_id;
      p.document_number = number;
      p.document_type = type;
      p.status = "con-hieu-luc";
      p.article_number = article_id;
      auto nl = body.find('\n');
      p.title = body.substr(0, nl);
      p.text = nl == std::string::npos ? std::string() : body.substr(nl + 1);
      if (!is_title(p.title)) {  // an article without a title (the Constitution's): all body
        p.title.clear();
        p.text = body;
      }
      while (!p.text.empty() && (p.text.front() == '\n' || p.text.front() == ' ')) p.text.erase(0, 1);
      into.by_law_article[{law_id, article_id}] = p.id;
      into.passages.push_back(std::move(p));
    }
  }
}

std::vector<Question> load_questions(const std::string& path) {
  auto j = read_json(path);
  std::vector<Question> out;
  for (const auto& q : j) {
    Question x;
    for (const char* k : {"question_id", "id", "qid"})
      if (q.contains(k)) {
        x.id = str(q[k]);
        break;
      }
    x.text = text::normalize(q.contains("text") ? q["text"].get<std::string>() : q.at("question").get<std::string>());
    if (q.contains("relevant_articles"))
      for (const auto& r : q["relevant_articles"])
        x.relevant.emplace_back(text::normalize(str(r.at("law_id"))), text::normalize(str(r.at("article_id"))));
    out.push_back(std::move(x));
  }
  return out;
}

bool set_ranking_field(search::Ranking& r, const std::string& name, double v) {
  std::map<std::string, std::function<void(double)>> f = {
      {"k1", [&](double x) { r.k1 = x; }},
      {"title_weight", [&](double x) { r.title_weight = x; }},
      {"body_weight", [&](double x) { r.body_weight = x; }},
      {"document_weight", [&](double x) { r.document_weight = x; }},
      {"title_b", [&](double x) { r.title_b = x; }},
      {"body_b", [&](double x) { r.body_b = x; }},
      {"exact_weight", [&](double x) { r.exact_weight = x; }},
      {"bigram_weight", [&](double x) { r.bigram_weight = x; }},
      {"mention_boost", [&](double x) { r.mention_boost = x; }},
      {"proximity_weight", [&](double x) { r.proximity_weight = x; }},
      {"proximity_window", [&](double x) { r.proximity_window = static_cast<int>(x); }},
      {"rerank_depth", [&](double x) { r.rerank_depth = static_cast<int>(x); }},
      {"question_word_weight", [&](double x) { r.question_word_weight = x; }},
      {"definition_boost", [&](double x) { r.definition_boost = x; }},
      {"restore_diacritics", [&](double x) { r.restore_diacritics = x != 0; }},
  };
  auto it = f.find(name);
  if (it == f.end()) return false;
  it->second(v);
  return true;
}

}  // namespace bench
