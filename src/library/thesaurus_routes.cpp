#include "library/thesaurus_routes.h"

#include "core/strings.h"
#include "core/time.h"
#include "library/permissions.h"
#include "web/params.h"

#include <nlohmann/json.hpp>

namespace library {

namespace {

constexpr const char* kUrl = "/quan-tri/tu-dien";
constexpr const char* kSuggestionsUrl = "/quan-tri/tu-dien/goi-y";

int percent(double share) { return static_cast<int>(share * 100 + 0.5); }

http::Response suggestions_page(web::Site& site, VocabularySuggestions& suggestions, const web::Visitor& v, const nlohmann::json& extra,
                                int status) {
  auto view = site.base_view(v, "Gợi ý bổ sung từ điển");
  const auto report = suggestions.suggestions();
  nlohmann::json items = nlohmann::json::array();
  int n = 0;
  for (const auto& s : report.suggestions) {
    nlohmann::json examples = nlohmann::json::array();
    for (const auto& e : s.examples) examples.push_back(e);
    items.push_back({{"n", ++n}, {"phrase", s.phrase}, {"terms", core::join(s.terms, "; ")}, {"questions", s.questions},
                     {"articles", s.articles}, {"share", percent(s.share)}, {"examples", examples}});
  }
  view["suggestions"] = items;
  view["has_suggestions"] = !items.empty();
  view["questions"] = report.questions;
  view.update(extra);
  return site.page("admin/thesaurus_suggestions", view, status);
}

nlohmann::json suggestion_json(const VocabularySuggestion& s) {
  return {{"phrase", s.phrase}, {"phrase_key", s.phrase_key}, {"terms", s.terms}, {"questions", s.questions}, {"articles", s.articles},
          {"share", s.share},   {"lift", s.lift},             {"examples", s.examples}};
}

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

void register_thesaurus_routes(web::Site& site, CitizenVocabulary& vocabulary, VocabularySuggestions& suggestions) {
  const auto manage = web::needs(perm::manage_library);
  site.add(web::page(kUrl, manage), [&site, &vocabulary](http::Request& r, web::Visitor& v) {
    nlohmann::json extra = nlohmann::json::object();
    if (r.query_param("da-them")) extra["notice"] = "Đã thêm mục từ. Tra cứu và hỏi đáp tự động dùng mục từ này ngay.";
    if (r.query_param("da-xoa")) extra["notice"] = "Đã xoá mục từ.";
    return vocabulary_page(site, vocabulary, v, "", "", extra, 200);
  });
  site.add(web::form(kUrl, manage), [&site, &vocabulary, &suggestions](http::Request&, web::Visitor& v) {
    const auto phrase = v.form.get("phrase"), terms = v.form.get("terms");
    // A suggestion taken from /quan-tri/tu-dien/goi-y goes back there (the only other place allowed).
    const bool from_suggestions = v.form.get("tro-lai") == "goi-y";
    auto added = vocabulary.add(v.actor(), phrase, terms, core::now_unix());
    if (!added) {
      auto refusal = web::Site::refusal_view(added.error());
      if (from_suggestions) return suggestions_page(site, suggestions, v, refusal, core::http_status(added.error().kind));
      return vocabulary_page(site, vocabulary, v, phrase, terms, refusal, core::http_status(added.error().kind));
    }
    return http::Response::redirect(std::string(from_suggestions ? kSuggestionsUrl : kUrl) + "?da-them=1");
  });
  site.add(web::form(std::string(kUrl) + "/{id}/xoa", manage), [&site, &vocabulary](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    if (!id) return site.not_found_page(v);
    auto removed = vocabulary.remove(v.actor(), *id);
    if (!removed) return site.not_found_page(v);
    return http::Response::redirect(std::string(kUrl) + "?da-xoa=1");
  });

  site.add(web::page(kSuggestionsUrl, manage), [&site, &suggestions](http::Request& r, web::Visitor& v) {
    nlohmann::json extra = nlohmann::json::object();
    if (r.query_param("da-them")) extra["notice"] = "Đã thêm mục từ vào từ điển. Tra cứu và hỏi đáp tự động dùng mục từ này ngay.";
    if (r.query_param("da-bo-qua")) extra["notice"] = "Đã bỏ qua gợi ý; gợi ý này không hiện lại.";
    return suggestions_page(site, suggestions, v, extra, 200);
  });
  site.add(web::form(std::string(kSuggestionsUrl) + "/bo-qua", manage), [&site, &suggestions](http::Request&, web::Visitor& v) {
    auto dismissed = suggestions.dismiss(v.actor(), v.form.get("phrase"), core::now_unix());
    if (!dismissed) return suggestions_page(site, suggestions, v, web::Site::refusal_view(dismissed.error()), core::http_status(dismissed.error().kind));
    return http::Response::redirect(std::string(kSuggestionsUrl) + "?da-bo-qua=1");
  });
  site.add(web::api("GET", "/api/v1/thesaurus/suggestions", manage), [&suggestions](http::Request&, web::Visitor&) {
    const auto report = suggestions.suggestions();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& s : report.suggestions) items.push_back(suggestion_json(s));
    auto res = http::Response::json(nlohmann::json{{"questions", report.questions}, {"suggestions", items}}.dump());
    res.set("Cache-Control", "no-store");
    return res;
  });
}

}  // namespace library
