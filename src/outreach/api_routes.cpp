#include "outreach/api_routes.h"

#include "core/time.h"
#include "outreach/permissions.h"
#include "units/unit_import.h"
#include "web/params.h"

#include <nlohmann/json.hpp>

namespace outreach {

namespace {

nlohmann::json optional_text(const std::optional<std::string>& s) { return s ? nlohmann::json(*s) : nlohmann::json(nullptr); }

nlohmann::json reporter_json(const LegalReporter& r) {
  return {{"id", std::to_string(r.id)},
          {"full_name", r.full_name},
          {"unit", r.unit_code},
          {"kind", std::string(kind_slug(r.kind))},
          {"level", std::string(level_slug(r.level))},
          {"decision_number", r.decision_number},
          {"decision_date", r.decision_date},
          {"fields", r.fields},
          {"position", r.position},
          {"email", r.email},
          {"phone", r.phone},
          {"active", r.active()},
          {"relieved_on", optional_text(r.relieved_on)},
          {"relieved_reason", r.relieved_reason}};
}

nlohmann::json activity_json(const Activity& a) {
  nlohmann::json leaders = nlohmann::json::array();
  for (auto id : a.leaders) leaders.push_back(std::to_string(id));
  return {{"id", std::to_string(a.id)},
          {"unit", a.unit_code},
          {"kind", std::string(activity_slug(a.kind))},
          {"title", a.title},
          {"held_on", a.held_on},
          {"place", a.place},
          {"form", std::string(form_slug(a.form))},
          {"audience", a.audience},
          {"participants", a.participants},
          {"materials", a.materials},
          {"leaders", leaders}};
}

http::Response bad_parameter(const std::string& message) { return web::Site::api_error(400, "invalid_parameter", message); }

// A list's refusal: a unit filter outside one's units is "not found" to the services.
http::Response list_refused(const core::ServiceError& e) {
  if (e.kind == core::ErrorKind::not_found) return web::Site::api_error(404, "not_found", "Không có đơn vị này trong phạm vi bạn xem được.");
  if (e.kind == core::ErrorKind::invalid) return bad_parameter(e.message);  // a malformed date
  return web::Site::api_error(e);
}

// Answers one page of a list: `list(limit, offset)` with the request's limit (1–100, 20) and
// offset (0–1,000,000, 0), each item written by `to_json`.
template <typename List, typename ToJson>
http::Response page_json(const http::Request& r, List&& list, ToJson&& to_json) {
  web::ParamError pe;
  auto limit = web::int_param(r, "limit", 20, 1, 100, pe);
  auto offset = limit ? web::int_param(r, "offset", 0, 0, 1'000'000, pe) : std::nullopt;
  if (!offset) return bad_parameter(pe.message);
  auto found = list(static_cast<int>(*limit), static_cast<int>(*offset));
  if (!found) return list_refused(found.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : found->items) items.push_back(to_json(item));
  return web::private_json({{"total", found->total}, {"limit", *limit}, {"offset", *offset}, {"items", items}});
}

http::Response list_reporters(ReporterRegistry& registry, const http::Request& r, const web::Visitor& v) {
  ReporterQuery q;
  q.text = r.query_param("q").value_or("");
  q.unit = r.query_param("unit").value_or("");
  if (q.text.size() > 300) return bad_parameter("Tham số \"q\" tối đa 300 ký tự.");
  if (!q.unit.empty() && !units::is_unit_code(q.unit)) return bad_parameter("Tham số \"unit\" không phải mã đơn vị.");
  if (auto kind = r.query_param("kind"); kind && !(q.kind = parse_reporter_kind(*kind)))
    return bad_parameter("Tham số \"kind\" phải là bao-cao-vien hoặc tuyen-truyen-vien.");
  if (auto level = r.query_param("level"); level && !(q.level = parse_reporter_level(*level)))
    return bad_parameter("Tham số \"level\" phải là trung-uong, cap-tinh hoặc cap-xa.");
  if (auto active = r.query_param("active")) {
    if (*active != "true" && *active != "false") return bad_parameter("Tham số \"active\" phải là true hoặc false.");
    q.active = *active == "true";
  }
  return page_json(r, [&](int limit, int offset) { return registry.search(*v.user, q, limit, offset); }, reporter_json);
}

http::Response one_reporter(ReporterRegistry& registry, const http::Request& r, const web::Visitor& v) {
  auto id = web::parse_id(r.params.at("id"));
  auto record = id ? registry.record(*v.user, *id) : core::Result<ReporterRecord>(core::fail(core::ServiceError::not_found("")));
  if (!record) {
    if (record.error().kind == core::ErrorKind::not_found) return web::Site::api_error(404, "not_found", "Không có người này trong danh sách bạn xem được.");
    return web::Site::api_error(record.error());
  }
  auto out = reporter_json(record->reporter);
  out["trainings"] = nlohmann::json::array();
  for (const auto& t : record->trainings) out["trainings"].push_back({{"title", t.title}, {"held_on", t.held_on}, {"organiser", t.organiser}});
  out["courses_completed"] = nlohmann::json::array();
  for (const auto& c : record->courses)
    out["courses_completed"].push_back({{"course", c.course_title}, {"completed_at", core::format_rfc3339(c.completed_at)}, {"certificate", c.certificate_code}});
  out["activities"] = nlohmann::json::array();
  for (const auto& a : record->activities) out["activities"].push_back(activity_json(a));
  return web::private_json(out);
}

http::Response list_activities(ActivityLog& log, const http::Request& r, const web::Visitor& v) {
  ActivityQuery q{r.query_param("unit").value_or(""), std::nullopt, r.query_param("from").value_or(""), r.query_param("to").value_or("")};
  if (!q.unit.empty() && !units::is_unit_code(q.unit)) return bad_parameter("Tham số \"unit\" không phải mã đơn vị.");
  if (auto kind = r.query_param("kind"); kind && !(q.kind = parse_activity_kind(*kind)))
    return bad_parameter("Tham số \"kind\" không phải một loại hoạt động.");
  return page_json(r, [&](int limit, int offset) { return log.list(*v.user, q, limit, offset); }, activity_json);
}

http::Response one_activity(ActivityLog& log, const http::Request& r, const web::Visitor& v) {
  auto id = web::parse_id(r.params.at("id"));
  auto detail = id ? log.find(*v.user, *id) : core::Result<ActivityDetail>(core::fail(core::ServiceError::not_found("")));
  if (!detail) {
    if (detail.error().kind == core::ErrorKind::not_found) return web::Site::api_error(404, "not_found", "Không có hoạt động này trong phạm vi bạn xem được.");
    return web::Site::api_error(detail.error());
  }
  auto out = activity_json(detail->activity);
  out["leaders"] = nlohmann::json::array();
  for (const auto& p : detail->leaders) out["leaders"].push_back({{"id", std::to_string(p.id)}, {"full_name", p.full_name}, {"kind", std::string(kind_slug(p.kind))}});
  return web::private_json(out);
}

}  // namespace

void register_outreach_api_routes(web::Site& site, ReporterRegistry& registry, ActivityLog& log) {
  const auto read = web::needs(perm::record_activities);
  site.add(web::api("GET", "/api/v1/reporters", read), [&registry](http::Request& r, web::Visitor& v) { return list_reporters(registry, r, v); });
  site.add(web::api("GET", "/api/v1/reporters/{id}", read), [&registry](http::Request& r, web::Visitor& v) { return one_reporter(registry, r, v); });
  site.add(web::api("GET", "/api/v1/activities", read), [&log](http::Request& r, web::Visitor& v) { return list_activities(log, r, v); });
  site.add(web::api("GET", "/api/v1/activities/{id}", read), [&log](http::Request& r, web::Visitor& v) { return one_activity(log, r, v); });
}

}  // namespace outreach
