#pragma once
// The registry of experts (lawyers, jurists, legal aid officers) who answer questions: who they
// are, their fields, capacity and availability, whether their answers need review, their photo,
// and verification. Only admins change it (auth::can_manage_experts); an expert is linked to an
// existing account with the role `expert` and gets questions only once verified. Photos are typed
// by content and stored without their metadata (EXIF may hold a location) under
// <uploads>/experts, served at /uploads/experts/{name}. Thread-safe: every call takes its own
// connection.
#include "auth/audit_log.h"
#include "auth/user.h"
#include "core/file_store.h"
#include "consult/model.h"
#include "core/config.h"
#include "core/error.h"
#include "db/database.h"

namespace consult {

struct ExpertInput {
  std::string email;  // the expert's account (must exist)
  std::string kind;
  std::string full_name;
  std::string organisation;
  std::string credential;
  std::string bio;
  std::vector<std::string> fields;
  bool available = true;
  int capacity = 5;
  bool review_required = false;
  std::optional<AttachmentUpload> photo;  // a new photo (JPEG, PNG, WebP); none keeps the current one
};

class ExpertRegistry {
 public:
  ExpertRegistry(db::Database& database, const core::Config& config);

  std::vector<Expert> list();
  std::optional<Expert> find(std::int64_t id);
  // The expert record of an account, if it has one.
  std::optional<Expert> of_user(const auth::User& user);
  // Adds (no id) or updates an expert; invalid with field messages for what to correct.
  core::Result<Expert> save(const auth::User& user, const auth::Actor& actor, std::optional<std::int64_t> id,
                            const ExpertInput& in);
  core::Result<Expert> verify(const auth::User& user, const auth::Actor& actor, std::int64_t id, bool verified);

 private:
  // The expert as typed, with a message per field to correct; `c` checks fields and the account.
  Expert checked(db::Connection& c, const ExpertInput& in, std::map<std::string, std::string>& errors);
  core::Result<void> store(db::Connection& c, const auth::Actor& actor, std::optional<std::int64_t> id, Expert& e,
                           const std::optional<std::string>& new_photo);

  db::Database& database_;
  core::FileStore photos_;
};

}  // namespace consult
