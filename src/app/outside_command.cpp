#include "app/outside_command.h"

#include "answer/answer_service.h"
#include "app/eval_data.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>
#include <utility>
#include <vector>

namespace app {

void write_not_held(std::ostream& out, const std::string& question, const answer::Answer& a) {
  if (a.missing_documents.empty() && a.outside_library.empty()) return;
  out << "- " << question << "\n  not held:";
  for (const auto& d : a.missing_documents) out << " «" << d << "»";
  for (const auto& o : a.outside_library) out << " «" << o.law << "» for «" << o.phrase << "»";
  out << "\n";
}

int eval_outside(const std::string& corpus, const std::string& questions_path, bool list, std::ostream& out) {
  const auto questions = load_texts_or_complain(questions_path, out);
  if (questions.empty()) return 1;
  EvalLibrary lib;
  if (!lib.load(corpus, out)) return 1;
  answer::AnswerService service(*lib.database, *lib.search);
  std::size_t named = 0, outside = 0, handoff = 0, clarify = 0, confident = 0;
  std::size_t outside_sure = 0;  // flagged, though the confidence alone would have answered
  std::map<std::string, std::size_t> laws;
  std::ostringstream listed;
  for (const auto& q : questions) {
    const auto a = service.compose(q);
    named += !a.missing_documents.empty();
    outside += !a.outside_library.empty();
    outside_sure += !a.outside_library.empty() && a.missing_documents.empty() && !a.clarify && !a.citations.empty() &&
                    a.confidence >= answer::kConfidenceThreshold;
    handoff += a.handoff;
    clarify += a.clarify;
    confident += !a.handoff && !a.clarify && !a.citations.empty();
    for (const auto& d : a.missing_documents) ++laws[d];
    for (const auto& o : a.outside_library) ++laws[o.law];
    if (list) write_not_held(listed, q, a);
  }
  const double n = static_cast<double>(questions.size());
  char line[400];
  std::snprintf(line, sizeof line,
                "questions=%zu names_missing=%.3f outside_library=%.3f (sure by confidence alone: %.3f) handoff=%.3f clarify=%.3f confident=%.3f\n",
                questions.size(), named / n, outside / n, outside_sure / n, handoff / n, clarify / n, confident / n);
  out << line;
  std::vector<std::pair<std::string, std::size_t>> most(laws.begin(), laws.end());
  std::stable_sort(most.begin(), most.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  out << "# documents the library does not hold, most asked about first\n";
  for (std::size_t i = 0; i < most.size() && i < 20; ++i) out << most[i].second << "\t" << most[i].first << "\n";
  if (list) out << "# questions found to name a document, or a subject of a law, the library does not hold\n" << listed.str();
  return 0;
}

}  // namespace app
