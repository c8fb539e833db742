#pragma once
// The citizen thesaurus compiled into the program (content/thesaurus/citizen-terms.tsv), which the
// search index uses for everyday words (text/thesaurus.h).
#include "text/thesaurus.h"

#include <memory>

namespace library {

// Read once; lines it cannot use are logged and skipped.
std::shared_ptr<const text::Thesaurus> builtin_thesaurus();

}  // namespace library
