#pragma once
// The question banks' rules: importing a file all or nothing, reading questions back.
#include "auth/audit_log.h"
#include "db/database.h"
#include "learning/bank_import.h"
#include "learning/model.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace learning {

struct BankImportOptions {
  bool publish = false;  // published at once (an official bank); otherwise pending review
  auth::Actor actor{std::nullopt, "cli"};
};

struct BankImportResult {
  std::size_t imported = 0;  // stored now
  std::size_t already = 0;   // imported before (same source_ref): left as they are
  std::size_t skipped = 0;   // essay questions of the file, not bank questions
  // Every problem of the file: its own, a field that does not exist, an article that is not in
  // the library. When there is any, nothing was stored.
  std::vector<RowProblem> problems;
};

class QuestionBank {
 public:
  explicit QuestionBank(db::Database& database) : database_(database) {}

  // Resolves each question's articles in the library and stores the questions not imported
  // before, in one transaction, with one audit entry; or stores nothing and lists the problems.
  BankImportResult import(const ParsedBank& bank, const BankImportOptions& options, std::int64_t now);

  std::optional<BankQuestion> question(std::int64_t id);
  std::int64_t count(std::optional<BankStatus> status = std::nullopt);

 private:
  db::Database& database_;
};

}  // namespace learning
