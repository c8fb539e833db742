#include "consult/expert_repository.h"

#include "db/rows.h"

namespace consult {

namespace {

// The load counts the questions the expert still owes a reply.
constexpr const char* kSelect =
    "SELECT e.id, e.user_id, u.email, e.kind, e.full_name, e.organisation, e.credential, e.bio, e.photo, e.available, "
    "e.capacity, e.review_required, e.verified_at, "
    "(SELECT COUNT(*) FROM questions q WHERE q.expert_id = e.id AND q.status IN ('assigned', 'follow-up')) "
    "FROM experts e JOIN users u ON u.id = e.user_id ";

Expert from_row(const db::Row& r) {
  Expert e;
  std::string kind;
  db::read_row(r, e.id, e.user_id, e.email, kind, e.full_name, e.organisation, e.credential, e.bio, e.photo,
               e.available, e.capacity, e.review_required, e.verified_at, e.open_questions);
  e.kind = parse_expert_kind(kind).value_or(ExpertKind::lawyer);
  return e;
}

}  // namespace

void ExpertRepository::insert_fields(std::int64_t expert_id, const std::vector<std::string>& fields) {
  for (const auto& f : fields)
    c_.execute("INSERT INTO expert_fields (expert_id, field_slug) VALUES (?, ?)", {expert_id, f});
}

void ExpertRepository::load_fields(Expert& e) {
  e.fields.clear();
  for (const auto& r :
       c_.query("SELECT ef.field_slug FROM expert_fields ef JOIN legal_fields f ON f.slug = ef.field_slug "
                "WHERE ef.expert_id = ? ORDER BY f.position",
                {e.id}))
    e.fields.push_back(r.text(0));
}

std::int64_t ExpertRepository::insert(const Expert& e, std::int64_t now) {
  auto id = c_.query_one(
                  "INSERT INTO experts (user_id, kind, full_name, organisation, credential, bio, photo, available, "
                  "capacity, review_required, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                  "RETURNING id",
                  {e.user_id, std::string(expert_kind_slug(e.kind)), e.full_name, e.organisation, e.credential, e.bio,
                   db::opt(e.photo), std::int64_t{e.available ? 1 : 0}, std::int64_t{e.capacity},
                   std::int64_t{e.review_required ? 1 : 0}, now, now})
                ->int64(0);
  insert_fields(id, e.fields);
  return id;
}

void ExpertRepository::update(const Expert& e, std::int64_t now) {
  c_.execute(
      "UPDATE experts SET kind = ?, full_name = ?, organisation = ?, credential = ?, bio = ?, photo = ?, available = ?, "
      "capacity = ?, review_required = ?, updated_at = ? WHERE id = ?",
      {std::string(expert_kind_slug(e.kind)), e.full_name, e.organisation, e.credential, e.bio, db::opt(e.photo),
       std::int64_t{e.available ? 1 : 0}, std::int64_t{e.capacity}, std::int64_t{e.review_required ? 1 : 0}, now,
       e.id});
  c_.execute("DELETE FROM expert_fields WHERE expert_id = ?", {e.id});
  insert_fields(e.id, e.fields);
}

void ExpertRepository::set_verified(std::int64_t id, std::optional<std::int64_t> verified_at,
                                    std::optional<std::int64_t> by) {
  c_.execute("UPDATE experts SET verified_at = ?, verified_by = ? WHERE id = ?", {db::opt(verified_at), db::opt(by), id});
}

std::optional<Expert> ExpertRepository::find_one(std::string_view where, std::int64_t key) {
  auto e = db::map_row(c_.query_one(std::string(kSelect) + std::string(where), {key}), from_row);
  if (e) load_fields(*e);
  return e;
}

std::optional<Expert> ExpertRepository::find(std::int64_t id) { return find_one("WHERE e.id = ?", id); }

std::optional<Expert> ExpertRepository::find_by_user(std::int64_t user_id) { return find_one("WHERE e.user_id = ?", user_id); }

std::vector<Expert> ExpertRepository::list() {
  auto out = db::map_rows(c_.query(std::string(kSelect) + "ORDER BY e.full_name"), from_row);
  for (auto& e : out) load_fields(e);
  return out;
}

std::vector<Expert> ExpertRepository::candidates(const std::string& field_slug) {
  std::vector<Expert> out;
  for (const auto& r : c_.query(
           std::string(kSelect) +
               "WHERE e.verified_at IS NOT NULL AND e.available = 1 AND u.active = 1 "
               "AND EXISTS (SELECT 1 FROM expert_fields ef WHERE ef.expert_id = e.id AND ef.field_slug = ?) "
               "ORDER BY 14, (SELECT COALESCE(MAX(q.assigned_at), 0) FROM questions q WHERE q.expert_id = e.id), e.id",
           {field_slug})) {
    auto e = from_row(r);
    if (e.open_questions < e.capacity) out.push_back(std::move(e));
  }
  for (auto& e : out) load_fields(e);
  return out;
}

}  // namespace consult
