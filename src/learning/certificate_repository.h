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
  std::optional<Certificate> find_by_enrolment(std::int64_t enrolment_id);
  // The certificate of a contest attempt or of a course enrolment (one of the two). False when
  // that one has a certificate already, or (very unlikely) the code is taken.
  bool insert(const Certificate& cert, std::optional<std::int64_t> attempt_id, std::optional<std::int64_t> enrolment_id);

 private:
  db::Connection& c_;
};

}  // namespace learning
