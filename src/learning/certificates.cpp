#include "learning/certificates.h"

#include "core/time.h"
#include "learning/certificate_code.h"
#include "learning/certificate_repository.h"
#include "learning/contest_repository.h"
#include "units/unit_registry.h"

#include <fmt/format.h>

namespace learning {

namespace {
Certificate contest_certificate(const Contest& contest, const Participant& p, const Attempt& a, const std::string& unit_name) {
  Certificate cert;
  cert.holder_name = p.name;
  cert.holder_detail = unit_name.empty() ? fmt::format("Sinh năm {}", p.birth_year)
                                         : fmt::format("Sinh năm {} · {}", p.birth_year, unit_name);
  cert.title = contest.rounds.size() > 1 ? fmt::format("{}, vòng {}", contest.title, a.round_number) : contest.title;
  cert.achievement = fmt::format("{} điểm, {}/{} câu trả lời đúng, trong {}", a.score(), a.correct, a.total,
                                 core::format_vn_duration(a.time_ms.value_or(0)));
  cert.subject_url = contest_url(contest);
  return cert;
}
}  // namespace

core::Result<Certificate> CertificateService::issue_for_attempt(const Participant& p, std::int64_t attempt_id, std::int64_t now) {
  auto c = database_.acquire();
  db::Transaction tx(*c);
  CertificateRepository certificates(*c);
  ContestRepository contests(*c);
  auto attempt = contests.find_attempt(attempt_id);
  if (!attempt || attempt->participant_id != p.id) return core::fail(core::ServiceError::not_found("Không có bài thi này."));
  if (attempt->status == AttemptStatus::open)
    return core::fail(core::ServiceError::conflict("Bài thi chưa nộp: giấy chứng nhận được cấp sau khi nộp bài."));
  if (auto issued = certificates.find_by_attempt(attempt_id)) return *issued;
  auto contest = contests.find_contest(attempt->contest_id);
  if (!contest) return core::fail(core::ServiceError::not_found("Không có cuộc thi này."));
  Certificate cert = contest_certificate(*contest, p, *attempt, units::UnitRegistry::full_name(*c, p.unit_code));
  cert.issued_at = now;
  cert = store_certificate(certificates, std::move(cert), attempt_id, std::nullopt);
  tx.commit();
  return cert;
}

Certificate store_certificate(CertificateRepository& repo, Certificate cert, std::optional<std::int64_t> attempt_id,
                              std::optional<std::int64_t> enrolment_id) {
  // A second request racing this one, or a code already taken (2^-50 a pair): read back or retry.
  for (int tries = 0; tries < 3; ++tries) {
    cert.code = new_certificate_code();
    if (repo.insert(cert, attempt_id, enrolment_id)) return cert;
    auto issued = attempt_id ? repo.find_by_attempt(*attempt_id) : repo.find_by_enrolment(enrolment_id.value_or(0));
    if (issued) return *issued;
  }
  throw std::runtime_error("certificate: no free code after three tries");
}

std::optional<Certificate> CertificateService::find(std::string_view typed_code) {
  auto code = normalize_certificate_code(typed_code);
  if (!code) return std::nullopt;
  auto c = database_.acquire();
  return CertificateRepository(*c).find_by_code(*code);
}

}  // namespace learning
