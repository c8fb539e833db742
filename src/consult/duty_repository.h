#pragma once
// SQL of the scheduled duties (consult/scheduled_duties.h): which questions are due for a
// reminder or an escalation and the conditional UPDATEs that claim them, which ones the retention
// period has reached, and the hand-offs of the answering service waiting to become questions.
// A claim returns false when another node made it first.
#include "db/database.h"

#include <cstdint>
#include <string>
#include <vector>

namespace consult {

struct ExpiredQuestion {
  std::int64_t id = 0;
  bool published = false;  // keeps its anonymised copy
};

class DutyRepository {
 public:
  explicit DutyRepository(db::Connection& c) : c_(c) {}

  // Assigned or follow-up questions due in (now, until] that were not reminded yet.
  std::vector<std::int64_t> due_for_reminder(std::int64_t now, std::int64_t until);
  bool claim_reminder(std::int64_t id, std::int64_t now);
  // Open questions due at or before `now` that were not escalated yet.
  std::vector<std::int64_t> due_for_escalation(std::int64_t now);
  bool claim_escalation(std::int64_t id, std::int64_t now);

  // Finished questions untouched since `before`. A published question whose personal data is
  // already gone is left out: it would otherwise be rewritten (and counted) again on every run,
  // on every node, for ever.
  std::vector<ExpiredQuestion> expired(std::int64_t before);
  // Keeps the anonymised copy of a published question; removes what identifies the asker.
  void anonymise(std::int64_t id);


 private:
  db::Connection& c_;
};

}  // namespace consult
