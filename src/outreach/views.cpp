#include "outreach/views.h"

#include "core/time.h"

#include <algorithm>

namespace outreach {

namespace {

std::string unit_name(const units::UnitTree& tree, const std::string& code) {
  const auto* unit = tree.find(code);
  return unit ? unit->name : code;
}

}  // namespace

nlohmann::json unit_options(const units::UnitTree& tree, const std::vector<std::string>& codes, const std::string& selected) {
  nlohmann::json out = nlohmann::json::array();
  if (codes.empty()) return out;
  for (const auto& [unit, depth] : tree.walk(codes.front())) {
    std::string indent;
    for (int i = 0; i < depth; ++i) indent += "\u00a0\u00a0\u00a0";  // no-break spaces: a select keeps them
    out.push_back({{"code", unit->code}, {"name", indent + unit->name},
                   {"selected", unit->code == selected}});
  }
  return out;
}

nlohmann::json reporter_view(const LegalReporter& r, const units::UnitTree& tree) {
  return {{"id", r.id},
          {"url", std::string(kRegistryUrl) + "/" + std::to_string(r.id)},
          {"full_name", r.full_name},
          {"unit", unit_name(tree, r.unit_code)},
          {"kind", std::string(kind_label(r.kind))},
          {"level", std::string(level_label(r.level))},
          {"decision", r.decision_number + ", ngày " + core::iso_to_vn_date(r.decision_date)},
          {"fields", r.fields},
          {"position", r.position},
          {"email", r.email},
          {"phone", r.phone},
          {"active", r.active()},
          {"status", r.active() ? "Đang hoạt động" : "Đã miễn nhiệm ngày " + core::iso_to_vn_date(*r.relieved_on)},
          {"relieved_reason", r.relieved_reason}};
}

ReporterForm form_of(const LegalReporter& r) {
  return {r.full_name,         r.unit_code, std::string(kind_slug(r.kind)), std::string(level_slug(r.level)), r.decision_number,
          r.decision_date,     r.fields,    r.position,                     r.email,                           r.phone};
}

nlohmann::json reporter_form_view(const ReporterForm& f) {
  return {{"full_name", f.full_name},
          {"decision_number", f.decision_number},
          {"decision_date", f.decision_date},
          {"fields", f.fields},
          {"position", f.position},
          {"email", f.email},
          {"phone", f.phone},
          {"kinds", enum_options(reporter_kinds(), kind_slug, kind_label, f.kind)},
          {"levels", enum_options(reporter_levels(), level_slug, level_label, f.level)}};
}

nlohmann::json record_view(const ReporterRecord& record, const units::UnitTree& tree) {
  auto view = reporter_view(record.reporter, tree);
  nlohmann::json trainings = nlohmann::json::array();
  for (const auto& t : record.trainings) trainings.push_back({{"title", t.title}, {"held_on", core::iso_to_vn_date(t.held_on)}, {"organiser", t.organiser}});
  for (const auto& c : record.courses)
    trainings.push_back({{"title", "Khóa học trực tuyến: " + c.course_title},
                         {"held_on", core::format_vn_date(c.completed_at)},
                         {"organiser", "Hoàn thành trên hệ thống"},
                         {"url", "/khoa-hoc/" + c.course_slug}});
  nlohmann::json activities = nlohmann::json::array();
  for (const auto& a : record.activities) activities.push_back(activity_view(a, tree));
  view["trainings"] = trainings;
  view["has_trainings"] = !trainings.empty();
  view["activities"] = activities;
  view["has_activities"] = !activities.empty();
  return view;
}

nlohmann::json activity_view(const Activity& a, const units::UnitTree& tree) {
  return {{"id", a.id},
          {"url", std::string(kActivitiesUrl) + "/" + std::to_string(a.id)},
          {"title", a.title},
          {"unit", unit_name(tree, a.unit_code)},
          {"kind", std::string(activity_label(a.kind))},
          {"held_on", core::iso_to_vn_date(a.held_on)},
          {"place", a.place},
          {"form", std::string(form_label(a.form))},
          {"audience", a.audience},
          {"participants", a.participants},
          {"materials", a.materials}};
}

ActivityInput input_of(const Activity& a) {
  ActivityInput in{a.unit_code, std::string(activity_slug(a.kind)), a.title, a.held_on, a.place, std::string(form_slug(a.form)),
                   a.audience, std::to_string(a.participants), a.materials, {}};
  for (auto id : a.leaders) in.leaders.push_back(std::to_string(id));
  return in;
}

nlohmann::json activity_form_view(const ActivityInput& in, const std::vector<LegalReporter>& possible) {
  nlohmann::json leaders = nlohmann::json::array();
  for (const auto& r : possible) {
    const auto id = std::to_string(r.id);
    leaders.push_back({{"id", id},
                       {"label", r.full_name + " (" + std::string(kind_label(r.kind)) + ")"},
                       {"checked", std::find(in.leaders.begin(), in.leaders.end(), id) != in.leaders.end()}});
  }
  return {{"title", in.title},
          {"held_on", in.held_on},
          {"place", in.place},
          {"audience", in.audience},
          {"participants", in.participants},
          {"materials", in.materials},
          {"kinds", enum_options(activity_kinds(), activity_slug, activity_label, in.kind)},
          {"forms", enum_options(activity_forms(), form_slug, form_label, in.form)},
          {"leaders", leaders},
          {"has_leaders", !leaders.empty()}};
}

core::Table registry_table(const std::vector<LegalReporter>& people, const units::UnitTree& tree) {
  core::Table t{"Báo cáo viên, tuyên truyền viên",
                {"Họ và tên", "Loại", "Cấp", "Đơn vị", "Quyết định công nhận", "Ngày quyết định", "Lĩnh vực", "Chức vụ, nơi công tác",
                 "Trạng thái", "Ngày miễn nhiệm"},
                {}};
  for (const auto& r : people)
    t.rows.push_back({r.full_name, std::string(kind_label(r.kind)), std::string(level_label(r.level)), unit_name(tree, r.unit_code),
                      r.decision_number, r.decision_date, r.fields, r.position, std::string(r.active() ? "Đang hoạt động" : "Đã miễn nhiệm"),
                      r.relieved_on ? core::Cell(*r.relieved_on) : core::Cell()});
  return t;
}

}  // namespace outreach
