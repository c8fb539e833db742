#include "library/citizen_terms.h"

#include "core/resources.h"

#include <spdlog/spdlog.h>

namespace library {

std::shared_ptr<const text::Thesaurus> builtin_thesaurus() {
  static const auto thesaurus = [] {
    auto tsv = core::find_resource("content/thesaurus/citizen-terms.tsv");
    if (!tsv) {
      spdlog::error("citizen thesaurus: content/thesaurus/citizen-terms.tsv is not in the program");
      return std::make_shared<const text::Thesaurus>();
    }
    std::vector<std::string> problems;
    auto parsed = std::make_shared<const text::Thesaurus>(text::Thesaurus::parse(*tsv, &problems));
    for (const auto& p : problems) spdlog::warn("citizen-terms.tsv {}", p);
    return parsed;
  }();
  return thesaurus;
}

}  // namespace library
