#include "learning/question_bank.h"

#include "learning/bank_repository.h"
#include "library/citation_resolver.h"

#include <fmt/format.h>

#include <set>

namespace learning {

BankImportResult QuestionBank::import(const ParsedBank& bank, const BankImportOptions& options, std::int64_t now) {
  BankImportResult result;
  result.skipped = bank.skipped;
  result.problems = bank.problems;
  auto c = database_.acquire();
  db::Transaction tx(*c);
  BankRepository repo(*c);
  library::DocumentLookup documents(*c);
  std::vector<BankQuestion> ready;
  std::set<std::string> seen;
  for (const ImportedQuestion& item : bank.questions) {
    auto problem = [&](std::string field, std::string message) { result.problems.push_back({item.row, std::move(field), std::move(message)}); };
    BankQuestion q = item.question;
    if (!q.field_slug.empty() && !repo.field_exists(q.field_slug))
      problem(std::string(bank.field_column), fmt::format("Lĩnh vực «{}» không có trong danh mục lĩnh vực pháp luật.", q.field_slug));
    for (const auto& [law, article] : item.cited) {
      library::ArticleCitation a;
      a.article = article;
      if (auto doc = documents.find(law)) a.document_id = *doc;
      if (a.document_id == 0 || !library::complete_citation(a, *c))
        problem(std::string(bank.articles_column),
                fmt::format("Điều {} của «{}» không có trong tủ sách pháp luật: hãy nhập văn bản đó trước.", article, law));
      else
        q.articles.push_back(std::move(a));
    }
    if (repo.source_ref_taken(q.source_ref) || !seen.insert(q.source_ref).second) {
      ++result.already;
      continue;
    }
    q.status = options.publish ? BankStatus::published : BankStatus::pending;
    ready.push_back(std::move(q));
  }
  if (!result.problems.empty()) return result;  // the transaction rolls back: nothing stored
  for (const auto& q : ready) repo.insert(q, options.actor.user_id, now);
  result.imported = ready.size();
  auth::record_audit(*c, options.actor, "bank.import", "bank",
                     fmt::format("{} câu hỏi mới, {} đã có", result.imported, result.already));
  tx.commit();
  return result;
}

std::optional<BankQuestion> QuestionBank::question(std::int64_t id) {
  auto c = database_.acquire();
  return BankRepository(*c).find(id);
}

std::int64_t QuestionBank::count(std::optional<BankStatus> status) {
  auto c = database_.acquire();
  return BankRepository(*c).count(BankQuery{status});
}

}  // namespace learning
