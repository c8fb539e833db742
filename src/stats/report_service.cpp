#include "stats/report_service.h"

#include "core/time.h"
#include "stats/report_repository.h"
#include "units/unit_registry.h"

#include <fmt/format.h>

#include <regex>

namespace stats {

namespace {

constexpr std::size_t kMaxNoteBytes = 2000;

core::ServiceError no_period() { return core::ServiceError::not_found("Không có kỳ báo cáo này."); }
core::ServiceError no_unit() { return core::ServiceError::not_found("Không có đơn vị này trong cây đơn vị của tỉnh."); }
core::ServiceError stale() {
  return core::ServiceError::conflict("Báo cáo vừa được người khác thay đổi. Hãy tải lại trang để xem bản mới nhất.");
}

bool is_date(const std::string& s) {
  static const std::regex shape(R"(20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
  return std::regex_match(s, shape);
}

// [from, to) in Unix seconds for a period's inclusive dates, in Vietnam time.
std::pair<std::int64_t, std::int64_t> period_span(const ReportPeriod& p) {
  auto from = core::parse_vn_datetime_local(p.starts_on + "T00:00").value_or(0);
  auto last = core::parse_vn_datetime_local(p.ends_on + "T00:00").value_or(0);
  return {from, last + 24 * 3600};
}

std::string audit_target(const ReportPeriod& p, const std::string& unit) { return fmt::format("report:{}/{}", p.code, unit); }

// What every step on one unit's report starts from: the period, the tree and the person acting.
struct Scope {
  ReportPeriod period;
  units::UnitTree tree;
  ReportActor actor;
};

core::ServiceError not_configured() {
  return core::ServiceError::unavailable("province_not_configured",
                                         "Chưa chọn tỉnh, thành phố cho hệ thống báo cáo (thiết lập province, biến PHOBIEN_PROVINCE).");
}

// The period by its code and the tree under `root` (503 when no province is configured), which
// must hold `unit`; `user` may be null (a machine client, whose rights the caller has checked).
core::Result<Scope> open_scope(db::Connection& c, ReportRepository& repo, const std::string& root, const std::string& period_code,
                               const std::string& unit, const auth::User* user) {
  if (root.empty()) return core::fail(not_configured());
  auto period = repo.find_period(period_code);
  if (!period) return core::fail(no_period());
  Scope scope{std::move(*period), units::UnitRegistry::tree(c, root), {}};
  if (!scope.tree.contains(unit)) return core::fail(no_unit());
  if (user) scope.actor = {user->role, units::UnitRegistry::unit_of(c, user->id)};
  return scope;
}

// The tree and the unit a reader looks at: `unit`, else their own, else the root (404 outside
// the tree, 403 outside what they oversee).
core::Result<std::pair<units::UnitTree, std::string>> reader_view(db::Connection& c, const std::string& root, const auth::User& user,
                                                                  const std::string& unit) {
  auto tree = units::UnitRegistry::tree(c, root);
  ReportActor actor{user.role, units::UnitRegistry::unit_of(c, user.id)};
  std::string top = !unit.empty() ? unit : actor.unit && tree.contains(*actor.unit) ? *actor.unit : root;
  if (!tree.contains(top)) return core::fail(no_unit());
  if (!can_read(actor, tree, top)) return core::fail(core::ServiceError::forbidden("Bạn không phụ trách đơn vị này."));
  return std::pair{std::move(tree), std::move(top)};
}

}  // namespace

std::optional<std::int64_t> starting_figure(const ReportForm& form, const std::string& code) {
  if (form.report) {
    auto it = form.report->figures.find(code);
    return it == form.report->figures.end() ? std::nullopt : std::optional(it->second);
  }
  auto it = form.counted.find(code);
  return it == form.counted.end() ? std::nullopt : std::optional(it->second);
}

ReportService::ReportService(db::Database& database, std::string root_code, std::vector<web::FigureSource> sources)
    : database_(database), root_code_(std::move(root_code)), sources_(std::move(sources)) {}

core::Result<void> ReportService::configured() const {
  if (root_code_.empty()) return core::fail(not_configured());
  return {};
}

units::UnitTree ReportService::tree() {
  if (root_code_.empty()) return {};
  return units::UnitRegistry::tree(*database_.acquire(), root_code_);
}

ReportActor ReportService::actor_of(const auth::User& user) {
  return {user.role, units::UnitRegistry::unit_of(*database_.acquire(), user.id)};
}

std::vector<Indicator> ReportService::indicators(bool with_inactive) {
  return ReportRepository(*database_.acquire()).indicators(with_inactive);
}

std::vector<std::pair<std::string, std::string>> ReportService::sources() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& s : sources_) out.emplace_back(s.key, s.label);
  return out;
}

core::Result<Indicator> ReportService::save_indicator(const Indicator& indicator, bool is_new, const auth::Actor& actor) {
  std::vector<std::string> keys;
  for (const auto& s : sources_) keys.push_back(s.key);
  auto c = database_.acquire();
  db::Transaction tx(*c);
  ReportRepository repo(*c);
  auto catalogue = repo.indicators(true);
  if (!is_new && !repo.find_indicator(indicator.code)) return core::fail(core::ServiceError::not_found("Không có chỉ tiêu này."));
  auto problems = check_indicator(indicator, catalogue, keys, is_new);
  // A total that has parts may not become a part itself.
  if (!indicator.part_of.empty() && !problems.count("part_of"))
    for (const auto& i : catalogue)
      if (i.part_of == indicator.code) problems["part_of"] = "Chỉ tiêu này đang có chỉ tiêu «Trong đó» nên không thể là một phần của chỉ tiêu khác.";
  if (!problems.empty()) return core::fail(core::ServiceError::invalid("Thông tin chỉ tiêu chưa hợp lệ.", problems));
  if (is_new) repo.insert_indicator(indicator);
  else repo.update_indicator(indicator);
  auth::record_audit(*c, actor, is_new ? "reports.indicator_add" : "reports.indicator_change", "indicator:" + indicator.code, indicator.name);
  tx.commit();
  return indicator;
}

core::Result<std::vector<PeriodLine>> ReportService::periods(const auth::User& user, const std::string& today) {
  if (auto ok = configured(); !ok) return core::fail(ok.error());
  auto c = database_.acquire();
  ReportRepository repo(*c);
  auto unit = units::UnitRegistry::unit_of(*c, user.id);
  std::vector<PeriodLine> out;
  for (auto& p : repo.periods()) {
    PeriodLine line{std::move(p), std::nullopt, false};
    if (unit && user.role == auth::Role::reporter) {
      if (auto r = repo.find_report(line.period.id, *unit)) line.own_status = r->status;
      line.own_late = !line.period.locked_at && late(line.period, line.own_status, today);
    }
    out.push_back(std::move(line));
  }
  return out;
}

core::Result<ReportPeriod> ReportService::open_period(const std::string& code, const std::string& due_on, const auth::Actor& actor) {
  if (auto ok = configured(); !ok) return core::fail(ok.error());
  auto period = standard_period(code);
  if (!period)
    return core::fail(core::ServiceError::invalid(
        "Mã kỳ báo cáo không hợp lệ.", {{"code", "Ghi năm và nửa năm, ví dụ 2026-H1 (6 tháng đầu năm), 2026-H2, hoặc 2026 (cả năm)."}}));
  if (!due_on.empty()) {
    if (!is_date(due_on))
      return core::fail(core::ServiceError::invalid("Hạn nộp không hợp lệ.", {{"due_on", "Ghi theo dạng năm-tháng-ngày, ví dụ 2026-07-15."}}));
    if (due_on < period->ends_on)
      return core::fail(core::ServiceError::invalid("Hạn nộp không hợp lệ.", {{"due_on", "Hạn nộp phải sau ngày cuối của kỳ báo cáo."}}));
    period->due_on = due_on;
  }
  auto c = database_.acquire();
  db::Transaction tx(*c);
  ReportRepository repo(*c);
  if (repo.find_period(code)) return core::fail(core::ServiceError::conflict("Kỳ báo cáo này đã được mở."));
  try {
    period->id = repo.insert_period(*period);
  } catch (const db::ConstraintError&) {
    return core::fail(core::ServiceError::conflict("Kỳ báo cáo này đã được mở."));  // by someone else meanwhile
  }
  auth::record_audit(*c, actor, "reports.period_open", "period:" + code, period->name + ", hạn nộp " + period->due_on);
  tx.commit();
  return *period;
}

core::Result<ReportPeriod> ReportService::lock_period(const std::string& code, const auth::Actor& actor, std::int64_t now) {
  auto c = database_.acquire();
  db::Transaction tx(*c);
  ReportRepository repo(*c);
  auto period = repo.find_period(code);
  if (!period) return core::fail(no_period());
  if (period->locked_at) return core::fail(core::ServiceError::conflict("Kỳ báo cáo này đã khóa."));
  repo.lock_period(period->id, now);
  period->locked_at = now;
  auth::record_audit(*c, actor, "reports.period_lock", "period:" + code);
  tx.commit();
  return *period;
}

std::map<std::string, std::int64_t> ReportService::counted(db::Connection& c, const ReportPeriod& period,
                                                           const std::vector<Indicator>& indicators, const std::string& unit) {
  std::map<std::string, std::int64_t> out;
  auto [from, to] = period_span(period);
  for (const auto& source : sources_) {
    std::vector<const Indicator*> users;
    for (const auto& i : indicators)
      if (i.source_key == source.key) users.push_back(&i);
    if (users.empty()) continue;
    auto counts = source.count(c, from, to);
    std::int64_t value = counts.count(unit) ? counts[unit] : 0;
    if (unit == root_code_ && counts.count("")) value += counts[""];
    for (const auto* i : users) out[i->code] = value;
  }
  return out;
}

core::Result<PeriodOverview> ReportService::overview(const auth::User& user, const std::string& period_code, const std::string& unit,
                                                     const std::string& today) {
  if (auto ok = configured(); !ok) return core::fail(ok.error());
  auto c = database_.acquire();
  ReportRepository repo(*c);
  auto period = repo.find_period(period_code);
  if (!period) return core::fail(no_period());
  auto view = reader_view(*c, root_code_, user, unit);
  if (!view) return core::fail(view.error());
  const auto& [tree, top] = *view;
  PeriodOverview out{*period, *tree.find(top), repo.indicators(), {}, {}, 0};
  auto statuses = repo.statuses(period->id);
  for (const auto& [u, depth] : tree.walk(top)) {
    UnitProgress line{*u, depth, std::nullopt, false};
    if (auto it = statuses.find(u->code); it != statuses.end()) line.status = it->second;
    line.late = !period->locked_at && late(*period, line.status, today);
    out.late_units += line.late ? 1 : 0;
    out.units.push_back(std::move(line));
  }
  out.rolled_up = roll_up(tree, repo.approved_figures(period->id), top);
  return out;
}

core::Result<Dashboard> ReportService::dashboard(const auth::User& user, const std::string& unit, const std::string& indicator,
                                                 const std::string& period_code) {
  if (auto ok = configured(); !ok) return core::fail(ok.error());
  auto c = database_.acquire();
  ReportRepository repo(*c);
  auto view = reader_view(*c, root_code_, user, unit);
  if (!view) return core::fail(view.error());
  const auto& [tree, top] = *view;
  Dashboard out;
  out.unit = *tree.find(top);
  out.indicators = repo.indicators();
  auto chosen = std::find_if(out.indicators.begin(), out.indicators.end(), [&](const Indicator& i) { return i.code == indicator; });
  if (!indicator.empty() && chosen == out.indicators.end()) return core::fail(core::ServiceError::not_found("Không có chỉ tiêu này."));
  if (out.indicators.empty()) return core::fail(core::ServiceError::conflict("Danh mục chỉ tiêu đang trống."));
  out.indicator = indicator.empty() ? out.indicators.front() : *chosen;
  out.periods = repo.periods();
  if (out.periods.empty()) return core::fail(core::ServiceError::conflict("Chưa có kỳ báo cáo nào được mở."));
  std::optional<ReportPeriod> picked;
  for (auto it = out.periods.rbegin(); it != out.periods.rend(); ++it) {
    auto rolled = roll_up(tree, repo.approved_figures(it->id), top);
    out.trend.emplace_back(*it, rolled);
    if (period_code.empty() ? rolled.approved > 0 : it->code == period_code) picked = *it;
  }
  if (!period_code.empty() && !picked) return core::fail(no_period());
  out.period = picked ? *picked : out.periods.front();
  auto figures = repo.approved_figures(out.period.id);
  out.total = roll_up(tree, figures, top);
  for (const auto& child : tree.children(top)) out.below.emplace_back(*tree.find(child), roll_up(tree, figures, child));
  return out;
}

core::Result<ReportForm> ReportService::form(const auth::User& user, const std::string& period_code, const std::string& unit) {
  auto c = database_.acquire();
  ReportRepository repo(*c);
  auto scope = open_scope(*c, repo, root_code_, period_code, unit, &user);
  if (!scope) return core::fail(scope.error());
  const auto& [period, tree, actor] = *scope;
  if (!can_read(actor, tree, unit)) return core::fail(core::ServiceError::forbidden("Bạn không phụ trách đơn vị này."));
  ReportForm form;
  form.period = period;
  form.unit = *tree.find(unit);
  form.indicators = repo.indicators();
  form.report = repo.find_report(period.id, unit);
  const ReportStatus status = form.report ? form.report->status : ReportStatus::draft;
  const bool open = !period.locked_at;
  form.may_enter = open && editable(status) && can_enter(actor, tree, unit);
  form.may_decide = open && form.report && can_decide(status) && can_approve(actor, tree, unit);
  form.counted = counted(*c, period, form.indicators, unit);
  form.has_units_below = !tree.children(unit).empty();
  if (form.has_units_below) form.rolled_up = roll_up(tree, repo.approved_figures(period.id), unit);
  return form;
}

core::Result<UnitReport> ReportService::save(const auth::User& user, const auth::Actor& actor, const std::string& period_code,
                                             const std::string& unit, const std::map<std::string, std::string>& raw,
                                             const std::string& note, int version, bool submit, std::int64_t now) {
  if (note.size() > kMaxNoteBytes)
    return core::fail(core::ServiceError::invalid("Ghi chú quá dài.", {{"note", "Ghi chú tối đa 2.000 ký tự."}}));
  auto c = database_.acquire();
  db::Transaction tx(*c);
  ReportRepository repo(*c);
  auto scope = open_scope(*c, repo, root_code_, period_code, unit, &user);
  if (!scope) return core::fail(scope.error());
  const ReportPeriod* period = &scope->period;
  if (!can_enter(scope->actor, scope->tree, unit))
    return core::fail(core::ServiceError::forbidden("Bạn chỉ nhập số liệu cho đơn vị của mình."));
  if (period->locked_at) return core::fail(core::ServiceError::conflict("Kỳ báo cáo đã khóa, không sửa được số liệu."));
  auto report = repo.find_report(period->id, unit);
  if (!report) {
    if (version != 0) return core::fail(stale());
    try {
      repo.insert_report(period->id, unit, actor.user_id, now);
    } catch (const db::ConstraintError&) {
      return core::fail(stale());  // another first save of the same report committed meanwhile
    }
    report = repo.find_report(period->id, unit);
  } else if (report->version != version) {
    return core::fail(stale());
  }
  if (!editable(report->status))
    return core::fail(core::ServiceError::conflict(report->status == ReportStatus::approved
                                                       ? "Báo cáo đã được duyệt, không sửa được nữa."
                                                       : "Báo cáo đang chờ duyệt, không sửa được. Người duyệt có thể trả lại để sửa."));
  auto read = read_figures(repo.indicators(), raw);
  if (!read.problems.empty()) return core::fail(core::ServiceError::invalid("Số liệu chưa hợp lệ, hãy sửa các ô được đánh dấu.", read.problems));
  report->note = note;
  if (submit) {
    report->status = ReportStatus::submitted;
    report->submitted_at = now;
  }
  if (!repo.update_report(*report, actor.user_id, std::nullopt, now)) return core::fail(stale());
  repo.replace_figures(report->id, read.figures);
  auth::record_audit(*c, actor, submit ? "reports.submit" : "reports.save", audit_target(*period, unit));
  auto saved = repo.find_report(period->id, unit);
  tx.commit();
  return *saved;
}

core::Result<UnitReport> ReportService::approve(const auth::User& user, const auth::Actor& actor, const std::string& period_code,
                                                const std::string& unit, int version, std::int64_t now) {
  return decide(user, actor, period_code, unit, version, std::nullopt, now);
}

core::Result<UnitReport> ReportService::send_back(const auth::User& user, const auth::Actor& actor, const std::string& period_code,
                                                  const std::string& unit, int version, const std::string& reason, std::int64_t now) {
  if (reason.empty())
    return core::fail(core::ServiceError::invalid("Hãy ghi lý do trả lại.", {{"reason", "Ghi rõ số liệu nào cần sửa và vì sao."}}));
  if (reason.size() > kMaxNoteBytes)
    return core::fail(core::ServiceError::invalid("Lý do quá dài.", {{"reason", "Lý do tối đa 2.000 ký tự."}}));
  return decide(user, actor, period_code, unit, version, reason, now);
}

core::Result<UnitReport> ReportService::decide(const auth::User& user, const auth::Actor& actor, const std::string& period_code,
                                               const std::string& unit, int version, const std::optional<std::string>& return_reason,
                                               std::int64_t now) {
  const bool approving = !return_reason;
  auto c = database_.acquire();
  db::Transaction tx(*c);
  ReportRepository repo(*c);
  auto scope = open_scope(*c, repo, root_code_, period_code, unit, &user);
  if (!scope) return core::fail(scope.error());
  const ReportPeriod* period = &scope->period;
  if (!can_approve(scope->actor, scope->tree, unit))
    return core::fail(core::ServiceError::forbidden("Bạn chỉ duyệt báo cáo của các đơn vị cấp dưới."));
  if (period->locked_at) return core::fail(core::ServiceError::conflict("Kỳ báo cáo đã khóa."));
  auto report = repo.find_report(period->id, unit);
  if (!report) return core::fail(core::ServiceError::conflict("Đơn vị chưa gửi báo cáo."));
  if (report->version != version) return core::fail(stale());
  if (!can_decide(report->status)) return core::fail(core::ServiceError::conflict("Báo cáo không ở trạng thái chờ duyệt."));
  if (approving) {
    report->status = ReportStatus::approved;
    report->approved_at = now;
    report->return_reason.clear();
  } else {
    report->status = ReportStatus::returned;
    report->return_reason = *return_reason;
  }
  if (!repo.update_report(*report, actor.user_id, approving ? actor.user_id : std::nullopt, now)) return core::fail(stale());
  auth::record_audit(*c, actor, approving ? "reports.approve" : "reports.return", audit_target(*period, unit), return_reason.value_or(""));
  auto saved = repo.find_report(period->id, unit);
  tx.commit();
  return *saved;
}

core::Result<ApprovedFigures> ReportService::approved(const std::string& period_code, const std::string& unit) {
  auto c = database_.acquire();
  ReportRepository repo(*c);
  auto scope = open_scope(*c, repo, root_code_, period_code, unit, nullptr);
  if (!scope) return core::fail(scope.error());
  const auto& tree = scope->tree;
  auto figures = repo.approved_figures(scope->period.id);
  ApprovedFigures out{scope->period, *tree.find(unit), repo.indicators(), roll_up(tree, figures, unit), {}};
  for (const auto& child : tree.children(unit)) out.below.emplace_back(*tree.find(child), roll_up(tree, figures, child));
  return out;
}

std::optional<std::string> ReportService::latest_approved_period() {
  auto c = database_.acquire();
  ReportRepository repo(*c);
  for (const auto& p : repo.periods())
    if (!repo.approved_figures(p.id).empty()) return p.code;
  return std::nullopt;
}

}  // namespace stats
