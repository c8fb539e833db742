#include "library/citizen_term_repository.h"

#include "db/rows.h"

namespace library {

namespace {
constexpr const char* kSelect =
    "SELECT t.id, t.phrase, t.terms, COALESCE(u.display_name, ''), t.created_at FROM citizen_terms t LEFT JOIN users u ON u.id = t.added_by ";
const auto read_term = db::into<CitizenTerm>(&CitizenTerm::id, &CitizenTerm::phrase, &CitizenTerm::terms, &CitizenTerm::added_by,
                                             &CitizenTerm::created_at);
}  // namespace

std::vector<CitizenTerm> CitizenTermRepository::list() {
  return db::map_rows(c_.query(std::string(kSelect) + "ORDER BY t.phrase_key"), read_term);
}

std::int64_t CitizenTermRepository::add(const CitizenTerm& t, const std::string& phrase_key, std::optional<std::int64_t> user_id,
                                        std::int64_t now) {
  return c_.query_int("INSERT INTO citizen_terms (phrase, phrase_key, terms, added_by, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                      {t.phrase, phrase_key, t.terms, db::opt(user_id), now});
}

std::optional<CitizenTerm> CitizenTermRepository::find(std::int64_t id) {
  return db::map_row(c_.query_one(std::string(kSelect) + "WHERE t.id = ?", {id}), read_term);
}

void CitizenTermRepository::remove(std::int64_t id) { c_.execute("DELETE FROM citizen_terms WHERE id = ?", {id}); }

std::vector<std::string> CitizenTermRepository::dismissed_keys() {
  std::vector<std::string> keys;
  for (const auto& r : c_.query("SELECT phrase_key FROM citizen_term_dismissals ORDER BY phrase_key")) keys.push_back(r.text(0));
  return keys;
}

bool CitizenTermRepository::dismiss(const std::string& phrase, const std::string& phrase_key, std::optional<std::int64_t> user_id,
                                    std::int64_t now) {
  return c_.execute("INSERT INTO citizen_term_dismissals (phrase_key, phrase, dismissed_by, created_at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT DO NOTHING",
                    {phrase_key, phrase, db::opt(user_id), now}) > 0;
}

}  // namespace library
