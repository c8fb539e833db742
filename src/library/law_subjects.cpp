#include "library/law_subjects.h"

#include "core/resources.h"
#include "core/strings.h"

#include <spdlog/spdlog.h>

namespace library {

std::string law_subject_lines(std::string_view tsv) {
  std::string out;
  for (const auto& raw : core::split(tsv, "\n")) {
    const std::string_view line = core::trim(raw, " \r");
    const auto tab = line.find('\t');
    if (line.empty() || line.front() == '#' || tab == std::string_view::npos) continue;
    const std::string_view law = core::trim(line.substr(0, tab));
    for (const auto& phrase : core::split_list(line.substr(tab + 1), ';'))
      if (!law.empty()) out += phrase + "\t" + std::string(law) + "\n";
  }
  return out;
}

std::shared_ptr<const text::Thesaurus> builtin_law_subjects() {
  static const auto subjects = [] {
    const auto tsv = core::find_resource("content/thesaurus/law-subjects.tsv");
    if (!tsv) spdlog::error("law subjects: content/thesaurus/law-subjects.tsv is not in the program");
    std::vector<std::string> problems;
    auto parsed = std::make_shared<const text::Thesaurus>(text::Thesaurus::parse(law_subject_lines(tsv.value_or("")), &problems));
    for (const auto& p : problems) spdlog::warn("law-subjects.tsv {}", p);
    return parsed;
  }();
  return subjects;
}

}  // namespace library
