#pragma once
// All SQL of the editors' citizen vocabulary (table citizen_terms, migration 0031) and of the
// suggestions they dismissed (citizen_term_dismissals, migration 0032).
#include "db/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace library {

struct CitizenTerm {
  std::int64_t id = 0;
  std::string phrase, terms;  // terms separated by "; "
  std::string added_by;       // display name, "" when gone
  std::int64_t created_at = 0;
};

class CitizenTermRepository {
 public:
  explicit CitizenTermRepository(db::Connection& c) : c_(c) {}
  std::vector<CitizenTerm> list();  // in the phrases' order
  // Throws db::ConstraintError when the phrase (folded) is there already.
  std::int64_t add(const CitizenTerm& t, const std::string& phrase_key, std::optional<std::int64_t> user_id, std::int64_t now);
  std::optional<CitizenTerm> find(std::int64_t id);
  void remove(std::int64_t id);

  std::vector<std::string> dismissed_keys();
  // False when the phrase was dismissed already.
  bool dismiss(const std::string& phrase, const std::string& phrase_key, std::optional<std::int64_t> user_id, std::int64_t now);

 private:
  db::Connection& c_;
};

}  // namespace library
