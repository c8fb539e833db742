#include "outreach/commendation_routes.h"

#include "core/time.h"
#include "outreach/permissions.h"
#include "outreach/views.h"
#include "web/params.h"

namespace outreach {

namespace {

constexpr const char* kCommendationsUrl = "/quan-tri/khen-thuong";

http::Response commendations_page(web::Site& site, CommendationService& service, const web::Visitor& v, const std::string& filter,
                                  const CommendationForm& typed, const nlohmann::json& extra, int status) {
  std::optional<CommendationStatus> only;
  if (filter == "de-nghi") only = CommendationStatus::proposed;
  else if (filter == "da-khen") only = CommendationStatus::awarded;
  const bool may_decide = perm::decide_commendations.allows(v.user->role);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& [c, figures] : service.list(*v.user, only))
    items.push_back({{"id", c.id},
                     {"url", std::string(kCommendationsUrl) + "/" + std::to_string(c.id)},
                     {"nominee", c.nominee},
                     {"kind", c.for_person ? "Cá nhân" : "Tập thể"},
                     {"award", c.award},
                     {"reason", c.reason},
                     {"period", core::iso_to_vn_date(c.from_date) + " – " + core::iso_to_vn_date(c.to_date)},
                     {"activities", figures.activities},
                     {"participants", figures.participants},
                     {"status", std::string(commendation_label(c.status))},
                     {"slug", c.status == CommendationStatus::awarded ? "approved" : c.status == CommendationStatus::declined ? "returned" : "submitted"},
                     {"decision_number", c.decision_number},
                     {"decision_note", c.decision_note},
                     {"may_decide", may_decide && c.status == CommendationStatus::proposed}});
  auto view = site.base_view(v, "Khen thưởng, tôn vinh");
  view["items"] = items;
  view["has_items"] = !items.empty();
  view["filter_proposed"] = filter == "de-nghi";
  view["filter_awarded"] = filter == "da-khen";
  const auto nominees = service.nominees(*v.user);
  nlohmann::json options = nlohmann::json::array();
  for (const auto& u : unit_options(nominees.tree, nominees.units, ""))
    options.push_back({{"value", "unit:" + u["code"].get<std::string>()}, {"label", "Tập thể: " + u["name"].get<std::string>()},
                       {"selected", "unit:" + u["code"].get<std::string>() == typed.nominee}});
  for (const auto& p : nominees.people)
    options.push_back({{"value", "person:" + std::to_string(p.id)}, {"label", "Cá nhân: " + p.full_name + " (" + std::string(kind_label(p.kind)) + ")"},
                       {"selected", "person:" + std::to_string(p.id) == typed.nominee}});
  view["nominees"] = options;
  view["may_propose"] = !options.empty();
  const auto today = core::today_vn_iso();
  view["form"] = {{"award", typed.award},
                  {"reason", typed.reason},
                  {"from_date", typed.from_date.empty() ? today.substr(0, 4) + "-01-01" : typed.from_date},
                  {"to_date", typed.to_date.empty() ? today : typed.to_date}};
  view.update(extra);
  return site.page("outreach/commendations", view, status);
}

}  // namespace

void register_commendation_routes(web::Site& site, CommendationService& service) {
  const auto propose = web::needs(perm::record_activities);
  const auto decide = web::needs(perm::decide_commendations);
  const std::string base = kCommendationsUrl;

  // The public page of those honoured (tôn vinh): awarded commendations only.
  site.add(web::page("/ton-vinh"), [&site, &service](http::Request&, web::Visitor& v) {
    constexpr int kHonoured = 100;
    nlohmann::json items = nlohmann::json::array();
    for (const auto& [c, figures, unit_name] : service.honoured(kHonoured))
      items.push_back({{"nominee", c.nominee},
                       {"unit", c.for_person ? unit_name : ""},
                       {"kind", c.for_person ? "Cá nhân" : "Tập thể"},
                       {"award", c.award},
                       {"reason", c.reason},
                       {"decision_number", c.decision_number},
                       {"decided_on", c.decided_at ? core::iso_to_vn_date(core::format_vn_iso_date(*c.decided_at)) : ""},
                       {"period", core::iso_to_vn_date(c.from_date) + " – " + core::iso_to_vn_date(c.to_date)},
                       {"activities", figures.activities},
                       {"participants", figures.participants}});
    auto view = site.base_view(v, "Tôn vinh tập thể, cá nhân có thành tích trong phổ biến, giáo dục pháp luật");
    view["items"] = items;
    view["has_items"] = !items.empty();
    auto res = site.page("outreach/honoured", view);
    res.set("Cache-Control", "public, max-age=60");  // the page cache keeps it until a decision (the change feed)
    return res;
  });
  site.add(web::page(base, propose), [&site, &service](http::Request& r, web::Visitor& v) {
    const auto filter = r.query_param("loc").value_or("");
    if (!filter.empty() && filter != "de-nghi" && filter != "da-khen") return site.not_found_page(v);
    nlohmann::json extra = nlohmann::json::object();
    if (r.query_param("da-luu")) extra["notice"] = "Đã ghi nhận.";
    return commendations_page(site, service, v, filter, {}, extra, 200);
  });
  site.add(web::form(base, propose), [&site, &service, base](http::Request&, web::Visitor& v) {
    const CommendationForm form{v.form.get("nominee"), v.form.get("award"), v.form.get("reason"), v.form.get("from_date"), v.form.get("to_date")};
    auto proposed = service.propose(*v.user, v.actor(), form, core::now_unix());
    if (!proposed) return commendations_page(site, service, v, "", form, web::Site::refusal_view(proposed.error()), core::http_status(proposed.error().kind));
    return http::Response::redirect(base + "?da-luu=1");
  });
  for (const std::string step : {"khen", "khong-khen"}) {
    site.add(web::form(base + "/{id}/" + step, decide), [&site, &service, base, step](http::Request& r, web::Visitor& v) {
      auto id = web::parse_id(r.params["id"]);
      if (!id) return site.not_found_page(v);
      const auto now = core::now_unix();
      auto decided = step == "khen" ? service.award(v.actor(), *id, v.form.get("decision_number"), now)
                                    : service.decline(v.actor(), *id, v.form.get("decision_note"), now);
      if (!decided) {
        if (decided.error().kind == core::ErrorKind::not_found) return site.not_found_page(v);
        return commendations_page(site, service, v, "de-nghi", {}, web::Site::refusal_view(decided.error()), core::http_status(decided.error().kind));
      }
      return http::Response::redirect(base + "?da-luu=1");
    });
  }
}

}  // namespace outreach
