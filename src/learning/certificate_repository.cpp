#include "learning/certificate_repository.h"

#include "db/rows.h"

namespace learning {

namespace {
constexpr const char* kSelect =
    "SELECT code, holder_name, holder_detail, title, achievement, subject_url, issued_at FROM certificates ";
const auto certificate_from_row = db::into<Certificate>(&Certificate::code, &Certificate::holder_name, &Certificate::holder_detail,
                                                        &Certificate::title, &Certificate::achievement, &Certificate::subject_url,
                                                        &Certificate::issued_at);
}  // namespace

std::optional<Certificate> CertificateRepository::find_by_code(const std::string& code) {
  return db::map_row(c_.query_one(std::string(kSelect) + "WHERE code = ?", {code}), certificate_from_row);
}

std::optional<Certificate> CertificateRepository::find_by_attempt(std::int64_t attempt_id) {
  return db::map_row(c_.query_one(std::string(kSelect) + "WHERE attempt_id = ?", {attempt_id}), certificate_from_row);
}

std::optional<Certificate> CertificateRepository::find_by_enrolment(std::int64_t enrolment_id) {
  return db::map_row(c_.query_one(std::string(kSelect) + "WHERE enrolment_id = ?", {enrolment_id}), certificate_from_row);
}

bool CertificateRepository::insert(const Certificate& cert, std::optional<std::int64_t> attempt_id,
                                   std::optional<std::int64_t> enrolment_id) {
  return c_
      .query_one(
          "INSERT INTO certificates (code, attempt_id, enrolment_id, holder_name, holder_detail, title, achievement, subject_url, "
          "issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
          {cert.code, db::opt(attempt_id), db::opt(enrolment_id), cert.holder_name, cert.holder_detail, cert.title,
           cert.achievement, cert.subject_url, cert.issued_at})
      .has_value();
}

}  // namespace learning
