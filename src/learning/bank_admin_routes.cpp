#include "learning/bank_admin_routes.h"

#include "core/time.h"
#include "core/utf8.h"
#include "core/spreadsheet.h"
#include "learning/bank_files.h"
#include "learning/bank_sheet.h"
#include "learning/bank_views.h"
#include "learning/permissions.h"
#include "web/download.h"
#include "web/pagination.h"
#include "web/params.h"

namespace learning {

namespace {

constexpr std::size_t kPerPage = 30;
constexpr const char* kBase = "/quan-tri/cau-hoi";

std::string question_url(std::int64_t id) { return std::string(kBase) + "/" + std::to_string(id); }

http::Response list_page(web::Site& site, BankEditor& editor, http::Request& r, web::Visitor& v) {
  BankQuery q;
  web::ParamError err;
  auto page = web::int_param(r, "trang", 1, 1, 100000, err);
  auto status_param = r.query_param("trang-thai").value_or("");
  if (!status_param.empty()) q.status = parse_status(status_param);
  q.text = core::clean_text(r.query_param("q").value_or(""));
  if (!page || (!status_param.empty() && !q.status) || q.text.size() > 200) {
    auto view = site.base_view(v, "Ngân hàng câu hỏi");
    view["error"] = page ? "Bộ lọc không hợp lệ." : err.message;
    return site.page("learning/admin_bank", view, 400);
  }
  q.limit = kPerPage;
  q.offset = static_cast<std::size_t>(*page - 1) * kPerPage;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : editor.list(q)) items.push_back(bank_list_item_view(item));
  auto view = site.base_view(v, "Ngân hàng câu hỏi");
  view["items"] = items;
  view["query"] = q.text;
  nlohmann::json tabs = nlohmann::json::array({{{"slug", ""}, {"label", "Tất cả"}, {"selected", !q.status}}});
  for (auto s : {BankStatus::draft, BankStatus::pending, BankStatus::published, BankStatus::returned})
    tabs.push_back({{"slug", std::string(status_slug(s))}, {"label", std::string(status_label(s))}, {"selected", q.status == s}});
  view["statuses"] = tabs;
  std::string base = std::string(kBase) + "?trang-thai=" + status_param + "&q=" + http::percent_encode(q.text);
  view["pagination"] = web::pagination_view(base, editor.count(q), kPerPage, static_cast<std::size_t>(*page));
  return site.page("learning/admin_bank", view);
}

// The edit page: the form (from `in`), and for a stored question its status and workflow.
http::Response edit_page(web::Site& site, BankEditor& editor, web::Visitor& v, const QuestionInput& in,
                         const std::optional<EditableQuestion>& stored, const nlohmann::json& extra, int status) {
  auto view = site.base_view(v, stored ? "Sửa câu hỏi" : "Câu hỏi mới");
  view["form"] = question_form_view(in, editor.fields());
  view["action"] = stored ? question_url(stored->question.id) : std::string(kBase);
  if (stored) {
    const auto& q = stored->question;
    view["question"] = {{"status", std::string(status_label(q.status))},
                        {"review_note", q.review_note},
                        {"used", stored->used},
                        {"source", q.source_ref}};
    const bool reviewer = perm::review_questions.allows(v.user->role);
    view["editable"] = !stored->used;
    view["can_submit"] = q.status == BankStatus::draft || q.status == BankStatus::returned;
    view["can_publish"] = reviewer && q.status == BankStatus::pending;
    view["can_return"] = reviewer && (q.status == BankStatus::pending || q.status == BankStatus::published);
  } else {
    view["editable"] = true;
  }
  view.update(extra);
  return site.page("learning/admin_question", view, status);
}

http::Response save(web::Site& site, BankEditor& editor, http::Request& r, web::Visitor& v) {
  const auto in = question_input(v.form);
  const bool submit = v.form.get("action") == "submit";
  const auto now = core::now_unix();
  std::optional<std::int64_t> id;
  if (r.params.count("id")) {
    id = web::parse_id(r.params["id"]);
    if (!id) return site.not_found_page(v);
    auto updated = editor.update(*v.user, v.actor(), *id, in, submit, now);
    if (!updated) {
      if (updated.error().kind == core::ErrorKind::not_found) return site.not_found_page(v);
      auto stored = editor.editable(*v.user, *id);
      if (!stored) return site.not_found_page(v);
      return edit_page(site, editor, v, in, *stored, web::Site::refusal_view(updated.error()), core::http_status(updated.error().kind));
    }
  } else {
    auto created = editor.create(*v.user, v.actor(), in, submit, now);
    if (!created) return edit_page(site, editor, v, in, std::nullopt, web::Site::refusal_view(created.error()), core::http_status(created.error().kind));
    id = *created;
  }
  return http::Response::redirect(question_url(*id) + "?da-luu=1");
}

// POST …/{id}/gui-duyet, /duyet, /tra-lai.
http::Response workflow(web::Site& site, BankEditor& editor, http::Request& r, web::Visitor& v, const std::string& step) {
  auto id = web::parse_id(r.params["id"]);
  if (!id) return site.not_found_page(v);
  const auto now = core::now_unix();
  auto done = step == "gui-duyet" ? editor.submit(*v.user, v.actor(), *id, now)
              : step == "duyet"   ? editor.publish(*v.user, v.actor(), *id, now)
                                  : editor.return_to_writer(*v.user, v.actor(), *id, v.form.get("comment"), now);
  if (done) return http::Response::redirect(question_url(*id) + "?da-chuyen=1");
  if (done.error().kind == core::ErrorKind::not_found) return site.not_found_page(v);
  if (done.error().kind == core::ErrorKind::forbidden) return site.forbidden_page(v);
  auto stored = editor.editable(*v.user, *id);
  if (!stored) return site.not_found_page(v);
  auto extra = web::Site::refusal_view(done.error());
  extra["comment"] = v.form.get("comment");
  return edit_page(site, editor, v, input_of(*stored), *stored, extra, core::http_status(done.error().kind));
}

// ---- Importing a file ------------------------------------------------------------------------------

constexpr std::size_t kShownProblems = 200;

http::Response import_page(web::Site& site, const web::Visitor& v, const nlohmann::json& extra, int status) {
  auto view = site.base_view(v, "Nhập câu hỏi từ tệp");
  view["can_publish"] = perm::review_questions.allows(v.user->role);
  view["max_mb"] = kMaxBankFileBytes >> 20;
  view.update(extra);
  return site.page("learning/admin_bank_import", view, status);
}

http::Response post_import(web::Site& site, QuestionBank& bank, web::Visitor& v) {
  const auto* file = v.form.file("file");
  if (!file) return import_page(site, v, {{"error", "Hãy chọn tệp câu hỏi (.xlsx, .csv hoặc .json)."}}, 422);
  const auto parsed = parse_bank_file(file->data, file->filename);
  const bool publish = v.form.get("publish") == "1" && perm::review_questions.allows(v.user->role);
  const auto result = bank.import(parsed, {publish, v.actor()}, core::now_unix());
  if (!result.problems.empty()) {
    nlohmann::json problems = nlohmann::json::array();
    for (std::size_t i = 0; i < result.problems.size() && i < kShownProblems; ++i)
      problems.push_back(describe(result.problems[i], parsed.row_word));
    return import_page(site, v,
                       {{"error", "Tệp có " + std::to_string(result.problems.size()) + " lỗi nên chưa câu hỏi nào được nhập. Sửa các lỗi dưới đây rồi nhập lại."},
                        {"problems", problems},
                        {"has_problems", true},
                        {"more_problems", result.problems.size() > kShownProblems}},
                       422);
  }
  return http::Response::redirect(std::string(kBase) + "/nhap?da-nhap=" + std::to_string(result.imported) +
                                  "&da-co=" + std::to_string(result.already) + "&tu-luan=" + std::to_string(result.skipped));
}

http::Response get_import(web::Site& site, http::Request& r, web::Visitor& v) {
  auto imported = r.query_param("da-nhap");
  if (!imported) return import_page(site, v, nlohmann::json::object(), 200);
  auto count = [&](const char* name) { return web::parse_id(r.query_param(name).value_or("")).value_or(0); };
  return import_page(site, v,
                     {{"notice", "Đã nhập " + std::to_string(count("da-nhap")) + " câu hỏi mới; " + std::to_string(count("da-co")) +
                                     " câu đã có từ trước, " + std::to_string(count("tu-luan")) + " câu tự luận được bỏ qua."}},
                     200);
}

http::Response template_file(BankEditor& editor, const std::string& extension) {
  const auto tables = bank_sheet_template(editor.fields());
  // The CSV holds the question sheet only: a CSV file has one table.
  return web::tables_download(extension == "csv" ? std::vector<core::Table>{tables.front()} : tables, extension, "mau-ngan-hang-cau-hoi");
}

}  // namespace

void register_bank_admin_routes(web::Site& site, BankEditor& editor, QuestionBank& bank) {
  const auto writers = web::needs(perm::write_questions);
  site.add(web::page(kBase, writers), [&site, &editor](http::Request& r, web::Visitor& v) { return list_page(site, editor, r, v); });
  site.add(web::page(std::string(kBase) + "/nhap", writers), [&site](http::Request& r, web::Visitor& v) { return get_import(site, r, v); });
  site.add(web::upload(std::string(kBase) + "/nhap", writers, kMaxBankFileBytes + 64 * 1024),
           [&site, &bank](http::Request&, web::Visitor& v) { return post_import(site, bank, v); });
  for (const std::string extension : {"xlsx", "csv"})
    site.add(web::page(std::string(kBase) + "/mau." + extension, writers),
             [&editor, extension](http::Request&, web::Visitor&) { return template_file(editor, extension); });
  site.add(web::page(std::string(kBase) + "/moi", writers), [&site, &editor](http::Request&, web::Visitor& v) {
    return edit_page(site, editor, v, QuestionInput{}, std::nullopt, nlohmann::json::object(), 200);
  });
  site.add(web::form(kBase, writers).accepting(64 * 1024), [&site, &editor](http::Request& r, web::Visitor& v) { return save(site, editor, r, v); });
  site.add(web::page(std::string(kBase) + "/{id}", writers), [&site, &editor](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    auto stored = id ? editor.editable(*v.user, *id) : core::fail(core::ServiceError::not_found());
    if (!stored) return site.not_found_page(v);
    nlohmann::json extra = nlohmann::json::object();
    if (r.query_param("da-luu")) extra["notice"] = "Đã lưu câu hỏi.";
    if (r.query_param("da-chuyen")) extra["notice"] = "Đã chuyển trạng thái câu hỏi.";
    return edit_page(site, editor, v, input_of(*stored), *stored, extra, 200);
  });
  site.add(web::form(std::string(kBase) + "/{id}", writers).accepting(64 * 1024),
           [&site, &editor](http::Request& r, web::Visitor& v) { return save(site, editor, r, v); });
  for (const std::string step : {"gui-duyet", "duyet", "tra-lai"})
    site.add(web::form(std::string(kBase) + "/{id}/" + step, writers).accepting(8 * 1024),
             [&site, &editor, step](http::Request& r, web::Visitor& v) { return workflow(site, editor, r, v, step); });
}

}  // namespace learning
