#pragma once
// Citizen vocabulary (issue 14): the curated list compiled into the program
// (content/thesaurus/citizen-terms.tsv) and the entries editors add at /quan-tri/tu-dien, merged
// into the one thesaurus search uses for everyday words (text/thesaurus.h). A change is told on
// the change feed as "thesaurus", and every node's search index takes the new list.
#include "auth/audit_log.h"
#include "core/error.h"
#include "db/change_feed.h"
#include "db/database.h"
#include "library/citizen_term_repository.h"
#include "text/thesaurus.h"

#include <memory>
#include <string>
#include <vector>

namespace library {

// The curated list alone, read once; lines it cannot use are logged and skipped.
std::shared_ptr<const text::Thesaurus> builtin_thesaurus();
// The curated list with the editors' entries (an entry for a phrase the list has adds its terms).
std::shared_ptr<const text::Thesaurus> current_thesaurus(db::Connection& c);

class CitizenVocabulary {
 public:
  CitizenVocabulary(db::Database& database, db::ChangeFeed& changes) : database_(database), changes_(changes) {}

  std::vector<CitizenTerm> list();
  std::size_t builtin_size() const { return builtin_thesaurus()->size(); }
  // `terms` separated by ";". 422 with the fields (a phrase of 2–60 characters and at most 6
  // words; 1–5 terms of 2–120 characters), 409 when the phrase is there already.
  core::Result<CitizenTerm> add(const auth::Actor& actor, const std::string& phrase, const std::string& terms, std::int64_t now);
  core::Result<void> remove(const auth::Actor& actor, std::int64_t id);

 private:
  db::Database& database_;
  db::ChangeFeed& changes_;
};

}  // namespace library
