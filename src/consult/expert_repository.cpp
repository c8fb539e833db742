#include "consult/expert_repository.h"

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
  e.id = r.int64(0);
  e.user_id = r.int64(1);
  e.email = r.text(2);
  e.kind = parse_expert_kind(r.text(3)).value_or(ExpertKind::lawyer);
  e.full_name = r.text(4);
  e.organisation = r.text(5);
  e.credential = r.text(6);
  e.bio = r.text(7);
  e.photo = r.opt_text(8);
  e.available = r.int64(9) != 0;
  e.capacity = static_cast<int>(r.int64(10));
  e.review_required = r.int64(11) != 0;
  e.verified_at = r.opt_int64(12);
  e.open_questions = static_cast<int>(r.int64(13));
  return e;
}

}  // namespace

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
  for (const auto& f : e.fields)
    c_.execute("INSERT INTO expert_fields (expert_id, field_slug) VALUES (?, ?)", {id, f});
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
  for (const auto& f : e.fields)
    c_.execute("INSERT INTO expert_fields (expert_id, field_slug) VALUES (?, ?)", {e.id, f});
}

void ExpertRepository::set_verified(std::int64_t id, std::optional<std::int64_t> verified_at,
                                    std::optional<std::int64_t> by) {
  c_.execute("UPDATE experts SET verified_at = ?, verified_by = ? WHERE id = ?", {db::opt(verified_at), db::opt(by), id});
}

std::optional<Expert> ExpertRepository::find(std::int64_t id) {
  auto r = c_.query_one(std::string(kSelect) + "WHERE e.id = ?", {id});
  if (!r) return std::nullopt;
  auto e = from_row(*r);
  load_fields(e);
  return e;
}

std::optional<Expert> ExpertRepository::find_by_user(std::int64_t user_id) {
  auto r = c_.query_one(std::string(kSelect) + "WHERE e.user_id = ?", {user_id});
  if (!r) return std::nullopt;
  auto e = from_row(*r);
  load_fields(e);
  return e;
}

std::vector<Expert> ExpertRepository::list() {
  std::vector<Expert> out;
  for (const auto& r : c_.query(std::string(kSelect) + "ORDER BY e.full_name")) out.push_back(from_row(r));
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
