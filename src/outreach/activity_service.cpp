#include "outreach/activity_service.h"

#include "core/time.h"
#include "core/utf8.h"
#include "outreach/reporter_repository.h"
#include "outreach/scope.h"

#include <algorithm>

namespace outreach {

namespace {

core::ServiceError no_activity() { return core::ServiceError::not_found("Không có hoạt động này trong các đơn vị bạn phụ trách."); }
core::ServiceError invalid(Problems problems) { return core::ServiceError::invalid("Thông tin chưa hợp lệ: xem từng mục.", std::move(problems)); }

}  // namespace

units::UnitTree ActivityLog::tree() { return root_code_.empty() ? units::UnitTree{} : units::UnitRegistry::tree(*database_.acquire(), root_code_); }

core::Result<ActivityList> ActivityLog::list(const auth::User& user, const ActivityQuery& q, int limit, int offset) {
  if (root_code_.empty()) return core::fail(province_unconfigured());
  for (const auto* date : {&q.from_date, &q.to_date})
    if (!date->empty() && !core::parse_vn_iso_date(*date))
      return core::fail(core::ServiceError::invalid("Ngày phải ghi theo dạng năm-tháng-ngày, ví dụ 2026-07-01."));
  auto c = database_.acquire();
  auto scope = scope_of(*c, root_code_, user);
  auto units = units_listed(scope.actor, scope.tree, q.unit);
  if (!units) return core::fail(no_activity());
  ActivityFilter filter{std::move(*units), q.kind, q.from_date, q.to_date};
  ActivityRepository repo(*c);
  return ActivityList{repo.list(filter, limit, offset), repo.count(filter)};
}

core::Result<ActivityDetail> ActivityLog::find(const auth::User& user, std::int64_t id) {
  if (root_code_.empty()) return core::fail(province_unconfigured());
  auto c = database_.acquire();
  auto scope = scope_of(*c, root_code_, user);
  auto activity = ActivityRepository(*c).find(id);
  if (!activity || !may_act_on(scope.actor, scope.tree, activity->unit_code)) return core::fail(no_activity());
  return ActivityDetail{*activity, ReporterRepository(*c).find_all(activity->leaders)};
}

core::Result<Activity> ActivityLog::checked(db::Connection& c, const auth::User& user, const ActivityInput& input) {
  auto scope = scope_of(c, root_code_, user);
  auto read = read_activity(input, scope.tree, core::today_vn_iso());
  if (auto* problems = std::get_if<Problems>(&read)) return core::fail(invalid(*problems));
  auto activity = std::get<Activity>(read);
  if (!may_act_on(scope.actor, scope.tree, activity.unit_code))
    return core::fail(invalid({{"unit_code", "Bạn chỉ ghi hoạt động của đơn vị mình và các đơn vị cấp dưới."}}));
  auto leaders = ReporterRepository(c).find_all(activity.leaders);
  if (leaders.size() != activity.leaders.size()) return core::fail(invalid({{"leaders", "Có người chủ trì không còn trong danh sách: hãy tải lại trang."}}));
  return activity;
}

core::Result<Activity> ActivityLog::record(const auth::User& user, const auth::Actor& actor, const ActivityInput& input, std::int64_t now) {
  if (root_code_.empty()) return core::fail(province_unconfigured());
  auto c = database_.acquire();
  auto activity = checked(*c, user, input);
  if (!activity) return activity;
  db::Transaction tx(*c);
  activity->id = ActivityRepository(*c).insert(*activity, *core::parse_vn_iso_date(activity->held_on), actor.user_id, now);
  auth::record_audit(*c, actor, "activity.add", "activity:" + std::to_string(activity->id), activity->unit_code);
  tx.commit();
  return activity;
}

core::Result<Activity> ActivityLog::change(const auth::User& user, const auth::Actor& actor, std::int64_t id, const ActivityInput& input,
                                           std::int64_t now) {
  if (root_code_.empty()) return core::fail(province_unconfigured());
  auto c = database_.acquire();
  auto scope = scope_of(*c, root_code_, user);
  ActivityRepository repo(*c);
  auto stored = repo.find(id);
  if (!stored || !may_act_on(scope.actor, scope.tree, stored->unit_code)) return core::fail(no_activity());
  auto activity = checked(*c, user, input);
  if (!activity) return activity;
  activity->id = id;
  db::Transaction tx(*c);
  repo.update(*activity, *core::parse_vn_iso_date(activity->held_on), now);
  auth::record_audit(*c, actor, "activity.change", "activity:" + std::to_string(id), activity->unit_code);
  tx.commit();
  return activity;
}

std::vector<LegalReporter> ActivityLog::possible_leaders(const auth::User& user) {
  if (root_code_.empty()) return {};
  auto c = database_.acquire();
  auto scope = scope_of(*c, root_code_, user);
  ReporterRepository repo(*c);
  auto people = repo.search({units_in_view(scope.actor, scope.tree), "", std::nullopt, std::nullopt, true}, 0, 0);
  std::vector<std::string> province;
  for (const auto& [unit, depth] : scope.tree.walk(root_code_)) province.push_back(unit->code);
  for (auto& r : repo.search({province, "", ReporterKind::reporter, std::nullopt, true}, 0, 0))
    if (std::none_of(people.begin(), people.end(), [&](const LegalReporter& p) { return p.id == r.id; })) people.push_back(std::move(r));
  std::stable_sort(people.begin(), people.end(), [](const LegalReporter& a, const LegalReporter& b) {
    return core::vietnamese_sort_key(a.full_name) < core::vietnamese_sort_key(b.full_name);
  });
  return people;
}

std::vector<web::FigureSource> activity_figures() {
  return {{"outreach.activities", "Số hoạt động phổ biến pháp luật đã ghi nhận",
           [](db::Connection& c, std::int64_t from, std::int64_t to) { return ActivityRepository(c).held(from, to); }},
          {"outreach.activity_participants", "Số lượt người dự các hoạt động đã ghi nhận",
           [](db::Connection& c, std::int64_t from, std::int64_t to) { return ActivityRepository(c).participants(from, to); }}};
}

}  // namespace outreach
