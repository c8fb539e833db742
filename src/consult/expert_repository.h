#pragma once
// SQL for the expert registry and the expert load that automatic assignment reads.
#include "consult/model.h"
#include "db/database.h"

namespace consult {

class ExpertRepository {
 public:
  explicit ExpertRepository(db::Connection& c) : c_(c) {}
  std::int64_t insert(const Expert& e, std::int64_t now);
  void update(const Expert& e, std::int64_t now);
  void set_verified(std::int64_t id, std::optional<std::int64_t> verified_at, std::optional<std::int64_t> by);
  std::optional<Expert> find(std::int64_t id);
  std::optional<Expert> find_by_user(std::int64_t user_id);
  std::vector<Expert> list();
  // Verified, available experts of `field_slug` with room under their capacity, least loaded
  // first (ties: the one who got a question least recently).
  std::vector<Expert> candidates(const std::string& field_slug);

 private:
  // The expert matching `where` ("WHERE e.id = ?"), with its fields.
  std::optional<Expert> find_one(std::string_view where, std::int64_t key);
  void insert_fields(std::int64_t expert_id, const std::vector<std::string>& fields);
  void load_fields(Expert& e);
  db::Connection& c_;
};

}  // namespace consult
