#include "outreach/registry_service.h"

#include "auth/user_repository.h"
#include "core/time.h"
#include "core/utf8.h"
#include "outreach/activity_repository.h"
#include "outreach/scope.h"

namespace outreach {

namespace {

core::ServiceError not_found() { return core::ServiceError::not_found("Không có người này trong danh sách bạn phụ trách."); }


// A search text folded for LIKE, without LIKE's own wildcards.
std::string search_key(const std::string& text) {
  std::string out;
  for (char c : core::fold_vietnamese(core::utf8_prefix(text, 100)))
    if (c != '%' && c != '_' && c != '\\') out += c;
  return out;
}

core::ServiceError invalid_form(Problems problems) { return core::ServiceError::invalid("Thông tin chưa hợp lệ: xem từng mục.", std::move(problems)); }

// A form read into a record whose unit the person oversees.
core::Result<LegalReporter> checked_form(const Scope& scope, const ReporterForm& form) {
  auto read = read_reporter(form, scope.tree, core::today_vn_iso());
  if (auto* problems = std::get_if<Problems>(&read)) return core::fail(invalid_form(*problems));
  auto reporter = std::get<LegalReporter>(read);
  if (!may_act_on(scope.actor, scope.tree, reporter.unit_code))
    return core::fail(invalid_form({{"unit_code", "Bạn chỉ quản lý đơn vị của mình và các đơn vị cấp dưới."}}));
  return reporter;
}

}  // namespace

core::Result<ReporterRegistry::Located> ReporterRegistry::locate(db::Connection& c, const auth::User& user, std::int64_t id) const {
  if (auto ok = configured(); !ok) return core::fail(ok.error());
  auto scope = scope_of(c, root_code_, user);
  auto reporter = ReporterRepository(c).find(id);
  if (!reporter || !may_act_on(scope.actor, scope.tree, reporter->unit_code)) return core::fail(not_found());
  return Located{std::move(scope), std::move(*reporter)};
}

core::Result<void> ReporterRegistry::configured() const {
  if (root_code_.empty())
    return core::fail(province_unconfigured());
  return {};
}

units::UnitTree ReporterRegistry::tree() { return root_code_.empty() ? units::UnitTree{} : units::UnitRegistry::tree(*database_.acquire(), root_code_); }

std::vector<std::string> ReporterRegistry::units_of(const auth::User& user) {
  if (root_code_.empty()) return {};
  auto c = database_.acquire();
  auto scope = scope_of(*c, root_code_, user);
  return units_in_view(scope.actor, scope.tree);
}

core::Result<ReporterList> ReporterRegistry::search(const auth::User& user, const ReporterQuery& q, int limit, int offset) {
  if (auto ok = configured(); !ok) return core::fail(ok.error());
  auto c = database_.acquire();
  auto scope = scope_of(*c, root_code_, user);
  auto units = units_listed(scope.actor, scope.tree, q.unit);
  if (!units) return core::fail(not_found());
  ReporterFilter filter{std::move(*units), search_key(q.text), q.kind, q.level, q.active};
  ReporterRepository repo(*c);
  return ReporterList{repo.search(filter, limit, offset), repo.count(filter)};
}

core::Result<ReporterRecord> ReporterRegistry::record(const auth::User& user, std::int64_t id) {
  auto c = database_.acquire();
  auto found = locate(*c, user, id);
  if (!found) return core::fail(found.error());
  const auto& reporter = found->reporter;
  ReporterRecord out{reporter, ReporterRepository(*c).trainings(id), {}, ActivityRepository(*c).led_by(id)};
  if (!reporter.email.empty())
    if (auto account = auth::UserRepository(*c).find_by_email(reporter.email)) out.courses = courses_.completed_courses(account->user.id);
  return out;
}

core::Result<LegalReporter> ReporterRegistry::add(const auth::User& user, const auth::Actor& actor, const ReporterForm& form,
                                                  std::int64_t now) {
  if (auto ok = configured(); !ok) return core::fail(ok.error());
  auto c = database_.acquire();
  auto reporter = checked_form(scope_of(*c, root_code_, user), form);
  if (!reporter) return reporter;
  db::Transaction tx(*c);
  reporter->id = ReporterRepository(*c).insert(*reporter, now);
  auth::record_audit(*c, actor, "legal_reporter.add", "legal_reporter:" + std::to_string(reporter->id), reporter->unit_code);
  tx.commit();
  return reporter;
}

core::Result<LegalReporter> ReporterRegistry::change(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                                     const ReporterForm& form, std::int64_t now) {
  auto c = database_.acquire();
  auto found = locate(*c, user, id);
  if (!found) return core::fail(found.error());
  auto reporter = checked_form(found->scope, form);
  if (!reporter) return reporter;
  reporter->id = id;
  reporter->relieved_on = found->reporter.relieved_on;
  reporter->relieved_reason = found->reporter.relieved_reason;
  db::Transaction tx(*c);
  ReporterRepository(*c).update(*reporter, now);
  auth::record_audit(*c, actor, "legal_reporter.change", "legal_reporter:" + std::to_string(id), reporter->unit_code);
  tx.commit();
  return reporter;
}

core::Result<LegalReporter> ReporterRegistry::relieve(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                                      const std::string& relieved_on, const std::string& reason, std::int64_t now) {
  auto c = database_.acquire();
  auto found = locate(*c, user, id);
  if (!found) return core::fail(found.error());
  auto& reporter = found->reporter;
  if (!reporter.active()) return core::fail(core::ServiceError::conflict("Người này đã được miễn nhiệm."));
  const auto why = core::clean_text(reason);
  if (auto problems = check_relief(reporter, relieved_on, why, core::today_vn_iso()); !problems.empty()) return core::fail(invalid_form(problems));
  db::Transaction tx(*c);
  ReporterRepository(*c).set_relieved(id, relieved_on, why, now);
  auth::record_audit(*c, actor, "legal_reporter.relieve", "legal_reporter:" + std::to_string(id), relieved_on);
  tx.commit();
  reporter.relieved_on = relieved_on;
  reporter.relieved_reason = why;
  return reporter;
}

core::Result<Training> ReporterRegistry::add_training(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                                      const TrainingForm& form, std::int64_t now) {
  auto c = database_.acquire();
  auto found = locate(*c, user, id);
  if (!found) return core::fail(found.error());
  auto read = read_training(form, core::today_vn_iso());
  if (auto* problems = std::get_if<Problems>(&read)) return core::fail(invalid_form(*problems));
  auto training = std::get<Training>(read);
  training.reporter_id = id;
  db::Transaction tx(*c);
  training.id = ReporterRepository(*c).add_training(training, now);
  auth::record_audit(*c, actor, "legal_reporter.training", "legal_reporter:" + std::to_string(id), training.title);
  tx.commit();
  return training;
}

std::vector<web::FigureSource> registry_figures() {
  auto serving = [](ReporterKind kind) {
    return [kind](db::Connection& c, std::int64_t from, std::int64_t to) {
      // The period's days: from its first to its last (to is the next day's start).
      return ReporterRepository(c).serving(kind, core::format_vn_iso_date(from), core::format_vn_iso_date(to - 1));
    };
  };
  return {{"outreach.legal_reporters", "Số báo cáo viên pháp luật trong danh sách", serving(ReporterKind::reporter)},
          {"outreach.propagandists", "Số tuyên truyền viên pháp luật trong danh sách", serving(ReporterKind::propagandist)}};
}

}  // namespace outreach
