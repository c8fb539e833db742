#include "stats/intake_service.h"


#include <nlohmann/json.hpp>

namespace stats {

std::string_view receipt_name(IntakeReceipt::Kind kind) {
  switch (kind) {
    case IntakeReceipt::Kind::created: return "created";
    case IntakeReceipt::Kind::replaced: return "replaced";
    case IntakeReceipt::Kind::unchanged: return "unchanged";
  }
  return "created";
}

core::Result<IntakeReceipt> IntakeService::receive(const auth::ApiToken& token, const std::string& body, const auth::Actor& actor,
                                                   std::int64_t now) {
  auto json = nlohmann::json::parse(body, nullptr, false);
  if (json.is_discarded()) return core::fail(core::ServiceError::invalid("Nội dung gửi lên không phải JSON hợp lệ."));
  auto in = read_exchange_document(json);
  if (!in) return core::fail(in.error());
  if (in->province != token.unit_code)
    return core::fail(core::ServiceError::forbidden("Mã truy cập này chỉ gửi được báo cáo của đơn vị mang mã " + token.unit_code + "."));
  const auto document = json.dump();
  // Two deliveries of a new report racing: the second insert breaks the unique key, and the
  // second round finds the first one's row.
  for (int round = 0;; ++round) {
    try {
      auto c = database_.acquire();
      db::Transaction tx(*c);
      ReceivedRepository repo(*c);
      IntakeReceipt receipt{IntakeReceipt::Kind::created, in->report_key, in->revision};
      auto stored = repo.find(in->report_key);
      if (!stored) repo.insert(*in, document, token.id, now);
      else if (stored->revision == in->revision) {
        receipt.kind = IntakeReceipt::Kind::unchanged;
        repo.count_delivery(stored->id);
      } else {
        receipt.kind = IntakeReceipt::Kind::replaced;
        repo.replace(stored->id, *in, document, token.id, now);
      }
      if (receipt.kind != IntakeReceipt::Kind::unchanged)
        auth::record_audit(*c, actor, std::string("received_report.") + std::string(receipt_name(receipt.kind)), in->report_key,
                           "token " + std::to_string(token.id) + ", revision " + in->revision.substr(0, 12));
      tx.commit();
      return receipt;
    } catch (const db::ConstraintError&) {
      if (round > 0) throw;
    }
  }
}

std::vector<std::pair<std::string, std::string>> IntakeService::periods() {
  auto c = database_.acquire();
  return ReceivedRepository(*c).periods();
}

core::Result<ReceivedPeriod> IntakeService::period(const std::string& code) {
  auto c = database_.acquire();
  ReceivedRepository repo(*c);
  ReceivedPeriod out{code, "", repo.of_period(code), repo.totals(code)};
  if (out.reports.empty()) return core::fail(core::ServiceError::not_found("Chưa nhận được báo cáo nào của kỳ này."));
  out.name = out.reports.front().period_name;
  return out;
}

}  // namespace stats
