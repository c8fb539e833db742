#pragma once
// All SQL of certificates.
#include "db/database.h"
#include "learning/certificate_model.h"

#include <cstdint>
#include <optional>
#include <string>

namespace learning {

class CertificateRepository {
 public:
  explicit CertificateRepository(db::Connection& c) : c_(c) {}

  std::optional<Certificate> find_by_code(const std::string& code);
  std::optional<Certificate> find_by_attempt(std::int64_t attempt_id);
  // False when the attempt already has one, or (very unlikely) the code is taken.
  bool insert_for_attempt(std::int64_t attempt_id, const Certificate& cert);

 private:
  db::Connection& c_;
};

}  // namespace learning
