#pragma once
// Which law governs a subject (issue 14: questions outside the library). The curated list
// content/thesaurus/law-subjects.tsv names, per law, the phrases of subjects that law governs; it
// is compiled into the program and read as a text::Thesaurus from each phrase to its law, which
// the search index uses to tell a question about a law it does not hold
// (search::Result::outside_library).
#include "text/thesaurus.h"

#include <memory>
#include <string>
#include <string_view>

namespace library {

// The list as thesaurus lines: "Luật Hộ tịch<TAB>khai sinh; khai tử" becomes "khai sinh<TAB>Luật
// Hộ tịch" and "khai tử<TAB>Luật Hộ tịch". Comments, blank lines and lines without a TAB are left out.
std::string law_subject_lines(std::string_view tsv);

// The curated list, read once; lines it cannot use are logged and skipped.
std::shared_ptr<const text::Thesaurus> builtin_law_subjects();

}  // namespace library
