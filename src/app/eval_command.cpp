#include "app/eval_command.h"

#include "app/eval_data.h"
#include "app/outside_command.h"

#include "answer/answer_service.h"
#include "consult/qa_index.h"
#include "core/utf8.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <optional>
#include <sstream>

namespace app {

namespace {
struct Scores {
  double r1 = 0, r5 = 0, r10 = 0, mrr10 = 0;
  double seconds = 0;
};

// `misses`: where to list the questions whose gold is not first, with the first hit.
Scores evaluate(const library::SearchService& search, const std::vector<Question>& questions, bool strip, std::ostream* misses = nullptr) {
  Scores s;
  auto started = std::chrono::steady_clock::now();
  for (const auto& q : questions) {
    search::Query query;
    query.text = strip ? core::remove_diacritics(q.text) : q.text;
    query.limit = 10;
    auto result = search.search(query);
    const auto rank = gold_rank(q, result.hits, [&](const search::Hit& hit) { return cited_passage(search, hit.id); });
    if (misses && rank != 1) {
      *misses << "- rank " << rank << ": " << q.text << "\n  gold: " << q.gold.front().law << " Điều " << q.gold.front().article;
      if (auto first = result.hits.empty() ? std::nullopt : search.passage(result.hits.front().id))
        *misses << "\n  first: " << (first->document_number.empty() ? first->document_title : first->document_number) << " Điều "
                << first->article_number << " " << first->title;
      *misses << "\n";
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

int eval_retrieval(const std::string& corpus, const std::string& questions_path, bool list_misses, const std::string& weights, std::ostream& out) {
  auto questions = load_or_complain(questions_path, out);
  EvalLibrary lib;
  if (questions.empty() || !lib.load(corpus, out, weights)) return 1;
  print(out, "with diacritics", questions.size(), evaluate(*lib.search, questions, false));
  print(out, "without diacritics", questions.size(), evaluate(*lib.search, questions, true));
  std::map<std::string, std::vector<Question>> by_style;
  for (const auto& q : questions)
    if (!q.style.empty()) by_style[q.style].push_back(q);
  for (const auto& [style, group] : by_style) print(out, ("style " + style).c_str(), group.size(), evaluate(*lib.search, group, false));
  if (list_misses) {
    out << "# questions whose gold article is not first (rank 0: not in the first 10)\n";
    evaluate(*lib.search, questions, false, &out);
  }
  return 0;
}

namespace {
// Answers to true/false or multiple-choice questions, with the gold answers' distribution for
// the majority-class baseline.
struct ChoiceTally {
  std::size_t asked = 0, correct = 0, undecided = 0;
  std::map<std::string, std::size_t> gold;
};

void tally(ChoiceTally& t, const std::string& gold, const std::optional<std::string>& choice) {
  ++t.asked;
  ++t.gold[gold];
  if (!choice) ++t.undecided;
  else if (*choice == gold) ++t.correct;
}

// Wilson score interval at 95%: honest for the small question counts of a development set.
std::pair<double, double> wilson(std::size_t correct, std::size_t n) {
  if (n == 0) return {0, 0};
  const double z = 1.96, p = static_cast<double>(correct) / static_cast<double>(n), nn = static_cast<double>(n);
  double centre = (p + z * z / (2 * nn)) / (1 + z * z / nn);
  double half = z * std::sqrt(p * (1 - p) / nn + z * z / (4 * nn * nn)) / (1 + z * z / nn);
  return {centre - half, centre + half};
}

void print_tally(std::ostream& out, const char* label, const ChoiceTally& t) {
  if (!t.asked) return;
  std::size_t majority = 0;
  for (const auto& [answer, count] : t.gold) majority = std::max(majority, count);
  auto [low, high] = wilson(t.correct, t.asked);
  char line[256];
  std::snprintf(line, sizeof line, "%s questions=%zu accuracy=%.3f (95%% CI %.3f–%.3f) majority_baseline=%.3f undecided=%zu\n", label,
                t.asked, static_cast<double>(t.correct) / static_cast<double>(t.asked), low, high,
                static_cast<double>(majority) / static_cast<double>(t.asked), t.undecided);
  out << line;
}
}  // namespace

namespace {
// The archive without the asked question's own entry: evaluating on the questions an archive was
// made from must not let a question find its own answer.
class LeaveOneOut : public answer::Archive {
 public:
  explicit LeaveOneOut(const answer::Archive& archive) : archive_(archive) {}
  std::vector<answer::RelatedQuestion> similar(const std::string& question, std::size_t limit) const override {
    auto key = core::fold_vietnamese(core::clean_text(question));
    auto found = archive_.similar(question, limit + 1);
    std::erase_if(found, [&](const auto& r) { return core::fold_vietnamese(core::clean_text(r.question)) == key; });
    if (found.size() > limit) found.resize(limit);
    return found;
  }

 private:
  const answer::Archive& archive_;
};

int report_answers(EvalLibrary& lib, const answer::AnswerService& service, const std::vector<Question>& questions, bool list_misses,
                   std::ostream& out);
}  // namespace

int eval_answer(const std::string& corpus, const std::string& questions_path, const std::string& archive_path, const std::string& weights,
                bool list_misses, std::ostream& out) {
  auto questions = load_or_complain(questions_path, out);
  EvalLibrary lib;
  if (questions.empty() || !lib.load(corpus, out, weights)) return 1;
  answer::AnswerService service(*lib.database, *lib.search);
  if (archive_path.empty()) return report_answers(lib, service, questions, list_misses, out);

  auto imported = lib.import_archive(archive_path, out);
  if (!imported) return 1;
  consult::QaIndex qa(*lib.database, lib.changes);
  out << "# archive " << archive_path << ": " << imported->published << " published answers (" << imported->unresolved
      << " skipped: cited article not in the corpus)\n";
  out << "## without the archive\n";
  int rc = report_answers(lib, service, questions, list_misses, out);
  LeaveOneOut archive(qa);
  service.set_archive(&archive);
  out << "## with the archive (each question's own archive entry left out)\n";
  rc |= report_answers(lib, service, questions, list_misses, out);
  return rc;
}

namespace {
// One question's answer against its gold.
struct AnswerOutcome {
  std::string style;
  std::size_t rank = 0;  // of the first gold article among the citations; 0 when not cited
  bool handoff = false, clarify = false, related = false;
  bool clause_named = false, clause_right = false;
  bool names_missing = false;  // the question names a document the library does not hold
  bool outside = false;        // the question's subject belongs to a law the library does not hold
};

// citation R@1, R@5, MRR; clause = of the questions whose gold names a clause, the share whose
// first citation is that article quoting that clause (and the same among those whose first
// citation is the right article); the hand-off, clarify and related rates; the share of questions
// found to name a document the library does not hold (on a set whose gold articles are all in the
// library, each is a mistake unless the question names another document too), and likewise the
// share found to be on a subject of a law the library does not hold.
void print_outcomes(std::ostream& out, const std::string& label, const std::vector<AnswerOutcome>& outcomes,
                    std::optional<std::size_t> failures) {
  double r1 = 0, r5 = 0, mrr = 0, handoff = 0, clarify = 0, related = 0, named = 0, clause = 0, named_right_article = 0, missing = 0, outside = 0;
  for (const auto& o : outcomes) {
    r1 += o.rank == 1;
    r5 += o.rank >= 1 && o.rank <= 5;
    mrr += o.rank ? 1.0 / static_cast<double>(o.rank) : 0.0;
    handoff += o.handoff;
    clarify += o.clarify;
    related += o.related;
    named += o.clause_named;
    clause += o.clause_right;
    named_right_article += o.clause_named && o.rank == 1;
    missing += o.names_missing;
    outside += o.outside;
  }
  const double n = std::max<double>(1, static_cast<double>(outcomes.size()));
  char line[400];
  std::snprintf(line, sizeof line,
                "[%s] questions=%zu citation R@1=%.3f R@5=%.3f MRR@10=%.3f clause=%.3f (of %.0f; %.3f of the %.0f with the right article) "
                "handoff=%.3f clarify=%.3f related=%.3f names_missing=%.3f outside_library=%.3f",
                label.c_str(), outcomes.size(), r1 / n, r5 / n, mrr / n, named ? clause / named : 0.0, named,
                named_right_article ? clause / named_right_article : 0.0, named_right_article, handoff / n, clarify / n, related / n, missing / n, outside / n);
  out << line;
  if (failures) out << " verification_failures=" << *failures;
  out << "\n";
}

int report_answers(EvalLibrary& lib, const answer::AnswerService& service, const std::vector<Question>& questions, bool list_misses,
                   std::ostream& out) {
  struct Row {
    double confidence;
    bool correct;
  };
  std::vector<Row> rows;
  ChoiceTally true_false, multiple_choice;
  struct SupportRow {
    double support;
    bool is_true;
  };
  std::vector<SupportRow> support_rows;
  // Questions whose two best articles come from different documents: the relative score gap,
  // and whether the first or the second is the right one (choosing the ambiguity margin).
  struct CloseCall {
    double gap;
    bool first_right, second_right;
  };
  std::vector<CloseCall> close_calls;
  std::vector<AnswerOutcome> outcomes;
  std::size_t failures = 0;
  std::ostringstream clause_misses, missing_named;
  auto conn = lib.database->acquire();
  for (const auto& q : questions) {
    auto a = service.compose(q.text, q.choices);
    if (q.type == "Đúng/Sai") {
      tally(true_false, q.answer, a.choice);
      support_rows.push_back({a.choice_support, q.answer == "Đúng"});
    }
    if (q.type == "Trắc nghiệm") tally(multiple_choice, q.answer, a.choice);
    for (const auto& c : a.citations) {
      // Grounding: the cited article exists and the quote is a verbatim substring of it as stored.
      auto stored = conn->query_one(
          "SELECT n.text FROM legal_nodes n JOIN legal_documents d ON d.id = n.document_id "
          "WHERE d.id = ? AND n.kind = 'dieu' AND n.number = ?",
          {std::stoll(c.document_id), c.article});
      if (!stored || c.quote.empty() || stored->text(0).find(c.quote) == std::string::npos) {
        ++failures;
        out << "# verification failed: Điều " << c.article << " " << c.document_title << (stored ? "" : " (not found)")
            << (c.quote.empty() ? " (empty quote)" : "") << "\n";
      }
    }
    const auto rank = gold_rank(q, a.citations, [](const answer::AnswerCitation& c) -> std::optional<Cited> {
      return Cited{c.corpus_id, c.document_number, c.document_title, c.article_id, c.article};
    });
    AnswerOutcome o{q.style, rank, a.handoff, a.clarify, !a.related.empty()};
    o.names_missing = !a.missing_documents.empty();
    o.outside = !a.outside_library.empty();
    if (list_misses) write_not_held(missing_named, q.text, a);
    // The clause: among the gold articles that name one, the first citation quotes that clause.
    for (const auto& g : q.gold)
      if (!g.clause.empty()) {
        o.clause_named = true;
        const auto& first = a.citations.empty() ? nullptr : &a.citations.front();
        if (rank == 1 && first && is_gold(g, {first->corpus_id, first->document_number, first->document_title, first->article_id, first->article}))
          o.clause_right = o.clause_right || first->clause.value_or("") == g.clause;
      }
    if (list_misses && o.clause_named && rank == 1 && !o.clause_right)
      clause_misses << "- khoản " << a.citations.front().clause.value_or("-") << " quoted, gold khoản "
                    << [&] {
                         for (const auto& g : q.gold)
                           if (!g.clause.empty()) return g.clause;
                         return std::string();
                       }()
                    << ": " << q.text << "\n  " << core::utf8_prefix(a.citations.front().quote, 160) << "\n";
    outcomes.push_back(o);
    rows.push_back({a.confidence, rank == 1});
    if (a.citations.size() > 1 && a.citations[0].document_id != a.citations[1].document_id && a.citations[0].score > 0)
      close_calls.push_back({(a.citations[0].score - a.citations[1].score) / a.citations[0].score, rank == 1, rank == 2});
  }
  const double n = static_cast<double>(questions.size());
  char line[320];
  print_outcomes(out, "all", outcomes, failures);
  std::map<std::string, std::vector<AnswerOutcome>> by_style;
  for (const auto& o : outcomes)
    if (!o.style.empty()) by_style[o.style].push_back(o);
  for (const auto& [style, group] : by_style) print_outcomes(out, ("style " + style).c_str(), group, std::nullopt);
  // Throughput in the same run, one thread each: the search alone (the top 5 articles the answer
  // starts from, for the same query: a multiple-choice question is asked with its options)
  // against the whole answer (search, quotes, choices), without the checks above.
  auto rate = [&](auto&& work) {
    auto t0 = std::chrono::steady_clock::now();
    for (const auto& q : questions) work(q);
    return n / std::max(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 1e-9);
  };
  double searches = rate([&](const Question& q) {
    search::Query query;
    query.text = q.text;
    for (const auto& [key, option] : q.choices) query.text += "\n" + option;
    query.limit = 5;
    (void)lib.search->search(query);
  });
  double answers = rate([&](const Question& q) { (void)service.compose(q.text, q.choices); });
  
  std::snprintf(line, sizeof line, "throughput: search %.0f queries/s, answer %.0f answers/s (%.0f%% of search)\n", searches, answers,
                100 * answers / searches);
  out << line;
  if (list_misses) out << "# questions whose first citation is the right article but quotes another clause\n" << clause_misses.str();
  if (list_misses) out << "# questions found to name a document, or a subject of a law, the library does not hold\n" << missing_named.str();
  print_tally(out, "true/false (Đúng/Sai)", true_false);
  print_tally(out, "multiple choice (Trắc nghiệm)", multiple_choice);
  if (!support_rows.empty()) {
    out << "# true/false: accuracy if statements with support >= threshold are judged Đúng\n";
    for (double t = 0.50; t < 0.99; t += 0.05) {
      std::size_t right = 0;
      for (const auto& r : support_rows) right += (r.support >= t) == r.is_true;
      std::snprintf(line, sizeof line, "support_threshold=%.2f accuracy=%.3f\n", t, static_cast<double>(right) / static_cast<double>(support_rows.size()));
      out << line;
    }
  }
  out << "# two documents: questions whose top two articles come from different documents with a relative score gap below the margin\n";
  for (double m : {0.02, 0.05, 0.1, 0.15, 0.2, 0.3}) {
    std::size_t below = 0, first = 0, second = 0;
    for (const auto& c : close_calls)
      if (c.gap < m) ++below, first += c.first_right, second += c.second_right;
    std::snprintf(line, sizeof line, "margin=%.2f questions=%zu first_right=%zu second_right=%zu\n", m, below, first, second);
    out << line;
  }
  out << "# confidence threshold: coverage (answered without hand-off) and precision (first citation correct)\n";
  for (double t = 0.0; t < 0.95; t += 0.05) {
    std::size_t answered = 0, correct = 0;
    for (const auto& r : rows)
      if (r.confidence >= t) {
        ++answered;
        correct += r.correct;
      }
    std::snprintf(line, sizeof line, "threshold=%.2f coverage=%.3f precision=%.3f\n", t, answered / n,
                  answered ? static_cast<double>(correct) / static_cast<double>(answered) : 0.0);
    out << line;
  }
  return failures == 0 ? 0 : 1;
}
}  // namespace

}  // namespace app
