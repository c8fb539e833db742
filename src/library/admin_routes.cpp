#include "library/admin_routes.h"

#include "core/strings.h"
#include "library/permissions.h"
#include "library/views.h"

#include <nlohmann/json.hpp>

namespace library {

namespace {

nlohmann::json kinds(const std::string& selected) {
  nlohmann::json a = nlohmann::json::array();
  for (auto k : {ItemKind::book, ItemKind::outline, ItemKind::leaflet, ItemKind::situation})
    a.push_back({{"slug", std::string(item_kind_slug(k))}, {"label", std::string(item_kind_label(k))}, {"selected", item_kind_slug(k) == selected}});
  return a;
}
// The shared list of legal fields as checkboxes, with the checked ones kept.
nlohmann::json field_choices(LibraryService& library, const std::vector<std::string>& checked) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& name : library.legal_fields())
    a.push_back({{"name", name}, {"checked", std::find(checked.begin(), checked.end(), name) != checked.end()}});
  return a;
}

std::vector<std::string> checked_fields(const http::Form& f) {
  std::vector<std::string> out;
  for (const auto& [name, value] : f.fields)
    if (name == "fields" && !value.empty()) out.push_back(value);
  return out;
}
}  // namespace

void register_library_admin_routes(web::Site& site, LibraryService& library) {
  site.add(web::page("/quan-tri/thu-vien", web::needs(perm::manage_library)), [&](http::Request&, web::Visitor& v) {
    auto view = site.base_view(v, "Tủ sách pháp luật: nhập văn bản");
    view["kinds"] = kinds("");
    view["field_choices"] = field_choices(library, {});
    return site.page("admin/library", view);
  });

  site.add(web::upload("/quan-tri/thu-vien/nhap", web::needs(perm::manage_library)), [&](http::Request&, web::Visitor& v) {
    auto view = site.base_view(v, "Kết quả nhập văn bản");
    view["kinds"] = kinds("");
    view["field_choices"] = field_choices(library, {});
    nlohmann::json reports = nlohmann::json::array();
    int failures = 0;
    for (const auto& f : v.form.files) {
      if (f.field != "files" || f.data.empty()) continue;
      auto name = f.filename.empty() ? std::string("tệp không tên") : f.filename;
      auto report = library.import_file(f.data, name, v.actor());
      nlohmann::json docs = nlohmann::json::array();
      for (const auto& d : report.documents)
        docs.push_back({{"title", d.title}, {"number", d.number}, {"url", "/van-ban/" + d.slug}, {"articles", d.counts.articles},
                        {"created", d.created}, {"notes", d.notes}});
      nlohmann::json item = {{"file", name}, {"format", report.format}, {"documents", docs}, {"ok", report.ok()}};
      if (report.error) item["error"] = report.error->where + ": " + report.error->message;
      failures += !report.ok();
      reports.push_back(item);
    }
    if (reports.empty()) {
      view["error"] = "Vui lòng chọn ít nhất một tệp để nhập.";
      return site.page("admin/library", view, 422);
    }
    view["reports"] = reports;
    return site.page("admin/library", view, failures ? 422 : 200);
  });

  site.add(web::upload("/quan-tri/thu-vien/tai-lieu", web::needs(perm::manage_library)), [&](http::Request&, web::Visitor& v) {
    const auto& f = v.form;
    auto fields = checked_fields(f);
    ItemInput in{parse_item_kind(f.get("kind")).value_or(ItemKind::document), f.get("title"), f.get("summary"), core::join(fields, "; "),
                 std::nullopt};
    if (const auto* file = f.file("file")) in.file = UploadedItemFile{file->filename, file->data};
    auto created = library.add_item(in, v.actor());
    if (!created) {
      auto view = site.base_view(v, "Tủ sách pháp luật: nhập văn bản");
      view["kinds"] = kinds(f.get("kind"));
      view["item"] = {{"title", f.get("title")}, {"summary", f.get("summary")}};
      view["field_choices"] = field_choices(library, fields);
      view["error"] = created.error().message;
      for (const auto& [field, msg] : created.error().fields) view["errors"][field] = msg;
      return site.page("admin/library", view, core::http_status(created.error().kind));
    }
    return http::Response::redirect(document_url(*created));
  });
}

}  // namespace library
