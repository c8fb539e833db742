#include "library/citizen_terms.h"

#include "core/resources.h"
#include "core/strings.h"
#include "core/utf8.h"
#include "text/vietnamese.h"

#include <spdlog/spdlog.h>

namespace library {

namespace {

constexpr const char* kTopic = "thesaurus";

std::string_view builtin_tsv() {
  static const auto tsv = core::find_resource("content/thesaurus/citizen-terms.tsv");
  if (!tsv) spdlog::error("citizen thesaurus: content/thesaurus/citizen-terms.tsv is not in the program");
  return tsv.value_or("");
}

}  // namespace

std::shared_ptr<const text::Thesaurus> builtin_thesaurus() {
  static const auto thesaurus = [] {
    std::vector<std::string> problems;
    auto parsed = std::make_shared<const text::Thesaurus>(text::Thesaurus::parse(builtin_tsv(), &problems));
    for (const auto& p : problems) spdlog::warn("citizen-terms.tsv {}", p);
    return parsed;
  }();
  return thesaurus;
}

std::shared_ptr<const text::Thesaurus> current_thesaurus(db::Connection& c) {
  auto editors = CitizenTermRepository(c).list();
  if (editors.empty()) return builtin_thesaurus();
  std::string tsv(builtin_tsv());
  for (const auto& t : editors) tsv += "\n" + t.phrase + "\t" + t.terms;
  return std::make_shared<const text::Thesaurus>(text::Thesaurus::parse(tsv));
}

std::vector<CitizenTerm> CitizenVocabulary::list() {
  auto c = database_.acquire();
  return CitizenTermRepository(*c).list();
}

core::Result<CitizenTerm> CitizenVocabulary::add(const auth::Actor& actor, const std::string& phrase, const std::string& terms,
                                                 std::int64_t now) {
  std::map<std::string, std::string> problems;
  CitizenTerm t;
  t.phrase = text::normalize(core::clean_text(phrase));
  const auto words = text::tokenize(t.phrase);
  if (core::utf8_length(t.phrase) < 2 || core::utf8_length(t.phrase) > 60 || words.empty() || words.size() > 6)
    problems["phrase"] = "Từ thường dùng phải có từ 2 đến 60 ký tự, tối đa 6 tiếng.";
  std::vector<std::string> list;
  for (auto& term : core::split_clean(terms, ';')) list.push_back(text::normalize(core::clean_text(term)));
  bool sized = !list.empty() && list.size() <= 5;
  for (const auto& term : list) sized = sized && core::utf8_length(term) >= 2 && core::utf8_length(term) <= 120 && term.find('\t') == std::string::npos;
  if (!sized) problems["terms"] = "Ghi từ 1 đến 5 thuật ngữ pháp luật, mỗi thuật ngữ 2 đến 120 ký tự, ngăn cách bằng dấu chấm phẩy.";
  if (!problems.empty()) return core::fail(core::ServiceError::invalid("Mục từ chưa hợp lệ: xem từng mục.", problems));
  t.terms = core::join(list, "; ");
  const std::string key = text::title_key(t.phrase);  // as the thesaurus keys it
  auto c = database_.acquire();
  try {
    db::Transaction tx(*c);
    t.id = CitizenTermRepository(*c).add(t, key, actor.user_id, now);
    auth::record_audit(*c, actor, "thesaurus.add", "citizen_term:" + std::to_string(t.id), t.phrase + " → " + t.terms);
    changes_.record(*c, kTopic);
    tx.commit();
  } catch (const db::ConstraintError&) {
    return core::fail(core::ServiceError::conflict("Đã có mục từ «" + t.phrase + "»: xoá mục cũ rồi thêm lại nếu cần sửa."));
  }
  changes_.notify(kTopic);
  t.created_at = now;
  return t;
}

core::Result<void> CitizenVocabulary::remove(const auth::Actor& actor, std::int64_t id) {
  auto c = database_.acquire();
  CitizenTermRepository repo(*c);
  auto t = repo.find(id);
  if (!t) return core::fail(core::ServiceError::not_found("Không có mục từ này."));
  db::Transaction tx(*c);
  repo.remove(id);
  auth::record_audit(*c, actor, "thesaurus.remove", "citizen_term:" + std::to_string(id), t->phrase);
  changes_.record(*c, kTopic);
  tx.commit();
  changes_.notify(kTopic);
  return {};
}

}  // namespace library
