#include "library/search_routes.h"

#include "web/pagination.h"

#include "core/utf8.h"
#include "web/params.h"

#include <nlohmann/json.hpp>

namespace library {

namespace {
constexpr std::size_t kResultsPerPage = 10;
constexpr std::size_t kMaxQueryBytes = 1000;

// q, type and status, validated; `error` is set for bad input.
search::Query query_from(const http::Request& r, std::string& error, const char* type_param, const char* status_param) {
  search::Query q;
  q.text = core::clean_text(r.query_param("q").value_or(""));
  if (q.text.size() > kMaxQueryBytes) error = "Câu tìm kiếm quá dài (tối đa 1000 ký tự).";
  for (auto [name, into] : {std::pair{type_param, &q.type}, std::pair{status_param, &q.status}})
    if (auto v = r.query_param(name); v && !v->empty()) {
      if (!web::is_slug(*v)) error = std::string("Tham số \"") + name + "\" phải là mã không dấu (chữ thường, số, dấu gạch ngang).";
      else *into = *v;
    }
  return q;
}
}  // namespace

// Per client (web::ClientLimit): a search costs a few milliseconds; a person or a well-behaved
// program sends a few a second at most.
constexpr int kSearchesPerMinute = 300;

void register_search_routes(web::Site& site, SearchService& search) {
  site.add(web::api("GET", "/api/v1/search").limited(kSearchesPerMinute, 60), [&](http::Request& r, web::Visitor&) {
    std::string error;
    auto q = query_from(r, error, "type", "status");
    web::ParamError pe;
    auto limit = web::int_param(r, "limit", 20, 1, 100, pe);
    auto offset = limit ? web::int_param(r, "offset", 0, 0, 10'000, pe) : std::nullopt;
    if (!offset) error = pe.message;
    if (error.empty() && q.text.empty()) error = "Vui lòng nhập nội dung cần tìm (tham số \"q\").";
    if (!error.empty()) return web::Site::api_error(400, "invalid_parameter", error);
    q.limit = static_cast<std::size_t>(*limit);
    q.offset = static_cast<std::size_t>(*offset);
    auto result = search.search(q);
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& h : result.hits)
      if (auto j = search.hit_json(h); !j.is_null()) hits.push_back(std::move(j));
    nlohmann::json body = {{"total", result.total}, {"took_ms", result.took_ms}, {"hits", hits},
                           {"suggestion", result.suggestion ? nlohmann::json(*result.suggestion) : nlohmann::json(nullptr)},
                           {"missing_documents", result.missing_documents},
                           {"outside_library", outside_library_json(result.outside_library)}};
    auto res = http::Response::json(body.dump());
    res.set("Cache-Control", "no-store");  // every query differs; caching them would only fill memory
    return res;
  });

  site.add(web::page("/tra-cuu").limited(kSearchesPerMinute, 60), [&](http::Request& r, web::Visitor& v) {
    std::string error;
    auto q = query_from(r, error, "loai", "hieu-luc");
    web::ParamError pe;
    auto page = web::int_param(r, "trang", 1, 1, 1000, pe);
    if (!page) error = pe.message;
    auto view = site.base_view(v, q.text.empty() ? "Tra cứu pháp luật" : "Tra cứu: " + q.text);
    view["q"] = q.text;
    if (!error.empty()) {
      view["error"] = error;
      return site.page("library/search", view, 400);
    }
    if (!q.text.empty()) {
      q.limit = kResultsPerPage;
      q.offset = static_cast<std::size_t>(*page - 1) * kResultsPerPage;
      auto result = search.search(q);
      nlohmann::json hits = nlohmann::json::array();
      for (const auto& h : result.hits)
        if (auto j = search.hit_json(h); !j.is_null()) {
          j["is_citation"] = h.match == "citation";
          j["is_number"] = h.match == "number";
          hits.push_back(std::move(j));
        }
      view["hits"] = hits;
      view["searched"] = true;
      view["total"] = result.total;
      view["took_ms"] = static_cast<int>(result.took_ms * 100) / 100.0;
      if (!result.missing_documents.empty() || !result.outside_library.empty())
        view["missing_notice"] = not_held(result.missing_documents, result.outside_library) +
                                 (result.hits.empty() ? "." : "; các kết quả dưới đây thuộc văn bản khác.");
      if (result.suggestion)
        view["suggestion"] = {{"text", *result.suggestion}, {"url", "/tra-cuu?q=" + http::percent_encode(*result.suggestion)}};
      view["pagination"] = web::pagination_view("/tra-cuu?q=" + http::percent_encode(q.text), static_cast<std::int64_t>(result.total),
                                                   kResultsPerPage, static_cast<std::size_t>(*page));
    }
    auto res = site.page("library/search", view);
    res.set("Cache-Control", "no-store");
    return res;
  });
}

}  // namespace library
