#include "auth/audit_log.h"

#include "core/time.h"

namespace auth {

void record_audit(db::Connection& c, const Actor& actor, const std::string& action, const std::string& target,
                  const std::string& detail) {
  c.execute("INSERT INTO audit_log (at, user_id, action, target, detail, ip) VALUES (?, ?, ?, ?, ?, ?)",
            {core::now_unix(), db::opt(actor.user_id), action, target, detail, actor.ip});
}

std::vector<AuditEntry> list_audit(db::Connection& c, std::size_t limit, std::size_t offset) {
  std::vector<AuditEntry> out;
  for (const auto& r : c.query(
           "SELECT a.id, a.at, a.user_id, COALESCE(u.email, ''), a.action, a.target, a.detail, a.ip "
           "FROM audit_log a LEFT JOIN users u ON u.id = a.user_id ORDER BY a.id DESC LIMIT ? OFFSET ?",
           {std::int64_t(limit), std::int64_t(offset)})) {
    out.push_back({r.int64(0), r.int64(1), r.opt_int64(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7)});
  }
  return out;
}

}  // namespace auth
