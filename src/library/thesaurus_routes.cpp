#include "library/thesaurus_routes.h"

#include "core/time.h"
#include "library/permissions.h"
#include "web/params.h"

#include <nlohmann/json.hpp>

namespace library {

namespace {

constexpr const char* kUrl = "/quan-tri/tu-dien";

http::Response vocabulary_page(web::Site& site, CitizenVocabulary& vocabulary, const web::Visitor& v, const std::string& phrase,
                               const std::string& terms, const nlohmann::json& extra, int status) {
  auto view = site.base_view(v, "Từ điển từ ngữ thường dùng");
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& t : vocabulary.list())
    entries.push_back({{"id", t.id}, {"phrase", t.phrase}, {"terms", t.terms}, {"by", t.added_by},
                       {"on", core::iso_to_vn_date(core::format_vn_iso_date(t.created_at))}, {"url", std::string(kUrl) + "/" + std::to_string(t.id)}});
  view["entries"] = entries;
  view["has_entries"] = !entries.empty();
  view["builtin"] = vocabulary.builtin_size();
  view["form"] = {{"phrase", phrase}, {"terms", terms}};
  view.update(extra);
  return site.page("admin/thesaurus", view, status);
}

}  // namespace

void register_thesaurus_routes(web::Site& site, CitizenVocabulary& vocabulary) {
  const auto manage = web::needs(perm::manage_library);
  site.add(web::page(kUrl, manage), [&site, &vocabulary](http::Request& r, web::Visitor& v) {
    nlohmann::json extra = nlohmann::json::object();
    if (r.query_param("da-them")) extra["notice"] = "Đã thêm mục từ. Tra cứu và hỏi đáp tự động dùng mục từ này ngay.";
    if (r.query_param("da-xoa")) extra["notice"] = "Đã xoá mục từ.";
    return vocabulary_page(site, vocabulary, v, "", "", extra, 200);
  });
  site.add(web::form(kUrl, manage), [&site, &vocabulary](http::Request&, web::Visitor& v) {
    const auto phrase = v.form.get("phrase"), terms = v.form.get("terms");
    auto added = vocabulary.add(v.actor(), phrase, terms, core::now_unix());
    if (!added) return vocabulary_page(site, vocabulary, v, phrase, terms, web::Site::refusal_view(added.error()), core::http_status(added.error().kind));
    return http::Response::redirect(std::string(kUrl) + "?da-them=1");
  });
  site.add(web::form(std::string(kUrl) + "/{id}/xoa", manage), [&site, &vocabulary](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    if (!id) return site.not_found_page(v);
    auto removed = vocabulary.remove(v.actor(), *id);
    if (!removed) return site.not_found_page(v);
    return http::Response::redirect(std::string(kUrl) + "?da-xoa=1");
  });
}

}  // namespace library
