#include "app/train_command.h"

#include "app/eval_data.h"

#include "search/ranking_model.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

namespace app {

namespace {

struct SetFigures {
  std::string name;
  std::size_t questions = 0, in_head = 0;
  std::size_t hand_r1 = 0, hand_r5 = 0, held_out_r1 = 0, held_out_r5 = 0, fitted_r1 = 0, fitted_r5 = 0;
};

void count(std::size_t rank, std::size_t& r1, std::size_t& r5) {
  r1 += rank == 1;
  r5 += rank >= 1 && rank <= 5;
}

std::string line_of(const SetFigures& f) {
  auto share = [&](std::size_t n) { return f.questions ? static_cast<double>(n) / static_cast<double>(f.questions) : 0.0; };
  char line[512];
  std::snprintf(line, sizeof line,
                "%s: questions=%zu gold_in_head=%.3f | hand-tuned R@1=%.3f R@5=%.3f | held-out R@1=%.3f R@5=%.3f | fitted R@1=%.3f R@5=%.3f",
                f.name.c_str(), f.questions, share(f.in_head), share(f.hand_r1), share(f.hand_r5), share(f.held_out_r1), share(f.held_out_r5),
                share(f.fitted_r1), share(f.fitted_r5));
  return line;
}

}  // namespace

int train_ranking(const std::string& corpus, const std::vector<std::string>& question_files, const std::string& out_path, int folds,
                  double l2, std::ostream& out) {
  // Each set: its questions and the corpus they are asked of (FILE or FILE@CORPUS).
  std::vector<std::vector<Question>> sets;
  std::vector<std::string> set_corpus;
  std::map<std::string, std::unique_ptr<EvalLibrary>> libraries;
  for (const auto& spec : question_files) {
    const auto at = spec.rfind('@');
    const std::string path = at == std::string::npos ? spec : spec.substr(0, at);
    set_corpus.push_back(at == std::string::npos ? corpus : spec.substr(at + 1));
    if (!std::filesystem::exists(set_corpus.back()) || !std::filesystem::exists(path)) {
      out << "không có tệp " << (std::filesystem::exists(path) ? set_corpus.back() : path) << "\n";
      return 1;
    }
    sets.push_back(load_or_complain(path, out));
    if (sets.back().empty()) return 1;
    auto& lib = libraries[set_corpus.back()];
    if (!lib) {
      lib = std::make_unique<EvalLibrary>();
      if (!lib->load(set_corpus.back(), out)) return 1;
    }
  }

  // Each question's head with its features, and which candidates are its gold articles.
  std::vector<search::TrainingList> lists;
  std::vector<SetFigures> figures;
  for (std::size_t g = 0; g < sets.size(); ++g) {
    const auto& search = *libraries[set_corpus[g]]->search;
    std::string name = std::filesystem::path(question_files[g].substr(0, question_files[g].rfind('@'))).stem().string();
    if (set_corpus[g] != corpus) name += " (corpus " + std::filesystem::path(set_corpus[g]).filename().string() + ")";
    figures.push_back({name});
    for (const auto& q : sets[g]) {
      search::TrainingList list;
      list.group = static_cast<int>(g);
      list.weight = 1.0 / static_cast<double>(sets[g].size());
      search::Query query;
      query.text = q.text;
      for (const auto& c : search.candidates(query)) {
        auto cited = cited_passage(search, c.id);
        list.features.push_back(c.features);
        list.relevant.push_back(cited && is_gold(q, *cited) ? 1 : 0);
      }
      lists.push_back(std::move(list));
    }
  }

  const search::FitOptions options{.l2 = l2};
  const auto held_out = search::cross_validated_ranks(lists, folds, options);
  const auto weights = search::fit_ranking(lists, options);
  for (std::size_t i = 0; i < lists.size(); ++i) {
    auto& f = figures[static_cast<std::size_t>(lists[i].group)];
    ++f.questions;
    const auto hand = search::rank_of_first_relevant(lists[i], search::hand_tuned_scores(lists[i]));
    f.in_head += hand != 0;
    count(hand, f.hand_r1, f.hand_r5);
    count(held_out[i], f.held_out_r1, f.held_out_r5);
    count(search::rank_of_first_relevant(lists[i], search::linear_scores(lists[i], weights)), f.fitted_r1, f.fitted_r5);
  }

  std::string report = "Learned by: phobien train ranking --corpus " + corpus;
  for (const auto& path : question_files) report += " --questions " + path;
  report += " --folds " + std::to_string(folds) + " --l2 " + std::to_string(l2) + "\n";
  report += "Among the " + std::to_string(search::Ranking{}.rerank_depth) + " candidates re-ranked (held-out: " + std::to_string(folds) +
            "-fold cross-validation):\n";
  for (const auto& f : figures) report += line_of(f) + "\n";
  out << report;
  out << search::format_feature_weights(weights, "");
  if (out_path.empty()) return 0;
  std::ofstream file(out_path, std::ios::trunc);
  file << search::format_feature_weights(weights, "The learned ranking's weights (search/learned_ranking.h).\n" + report);
  if (!file) {
    out << "không ghi được " << out_path << "\n";
    return 1;
  }
  out << "# written to " << out_path << "\n";
  return 0;
}

}  // namespace app
