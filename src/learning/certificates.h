#pragma once
// Issuing and checking certificates. A participant's finished attempt (submitted, or expired and
// scored as saved) gets one certificate, issued the first time it is asked for and the same one
// after; a finished course gets one when it is finished (courses.h). Anyone with its code can
// check it.
#include "core/error.h"
#include "db/database.h"
#include "learning/certificate_model.h"
#include "learning/contest_model.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace learning {

class CertificateRepository;

// Stores `cert` under a new code for the contest attempt or the course enrolment, in the caller's
// transaction; returns what is stored for it (`cert`, or the certificate a racing request stored).
Certificate store_certificate(CertificateRepository& repo, Certificate cert, std::optional<std::int64_t> attempt_id,
                              std::optional<std::int64_t> enrolment_id);

class CertificateService {
 public:
  explicit CertificateService(db::Database& database) : database_(database) {}

  // The certificate of `p`'s attempt, issued at `now` (Unix seconds) when it has none yet.
  // 404 for an attempt that is not p's; 409 while the attempt is still open.
  core::Result<Certificate> issue_for_attempt(const Participant& p, std::int64_t attempt_id, std::int64_t now);
  // The certificate whose code this is, as a person types it (certificate_code.h).
  std::optional<Certificate> find(std::string_view typed_code);

 private:
  db::Database& database_;
};

}  // namespace learning
