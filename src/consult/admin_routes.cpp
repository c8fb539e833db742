#include "consult/admin_routes.h"

#include "consult/citation_resolver.h"
#include "core/time.h"
#include "core/utf8.h"
#include "library/model.h"
#include "text/personal_data.h"
#include "text/vietnamese.h"
#include "web/markdown.h"
#include "web/params.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <fstream>
#include <set>
#include <sstream>

namespace consult {

namespace {

constexpr std::size_t kPerPage = 30;
constexpr std::size_t kOverdueLimit = 200;
constexpr std::size_t kPickerHits = 8;
constexpr const char* kOverdueTab = "qua-han";

struct Deps {
  web::Site& site;
  Consultation& consult;
  library::SearchService& search;
};

bool moderator(const web::Visitor& v) { return v.user && auth::can_moderate_questions(v.user->role); }
// Moderators and experts work on questions; which ones each may open, the service decides.
bool desk(const web::Visitor& v) {
  return v.user && (auth::can_moderate_questions(v.user->role) || auth::can_answer_questions(v.user->role));
}
bool registrar(const web::Visitor& v) { return v.user && auth::can_manage_experts(v.user->role); }

// Tracking codes are upper-case ASCII ("TV-7K3M9Q2P"); people type them in any case.
std::string tracking_code(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

std::string question_url(std::int64_t id) { return "/quan-tri/tu-van/" + std::to_string(id); }
std::string expert_url(std::int64_t id) { return "/quan-tri/chuyen-gia/" + std::to_string(id); }

bool is_overdue(const Question& q, std::int64_t now) {
  bool open = q.status == Status::fresh || q.status == Status::triaged || q.status == Status::assigned ||
              q.status == Status::follow_up;
  return open && q.due_at && *q.due_at < now;
}

// Short labels for the queue's tabs; the long ones (status_label) are for the question itself.
struct Tab {
  Status status;
  const char* label;
};
const std::vector<Tab>& moderator_tabs() {
  static const std::vector<Tab> tabs = {
      {Status::fresh, "Mới gửi"},     {Status::triaged, "Chờ phân công"},   {Status::assigned, "Đang trả lời"},
      {Status::answered, "Chờ duyệt"}, {Status::delivered, "Đã trả lời"},    {Status::follow_up, "Hỏi tiếp"},
      {Status::published, "Đã công bố"}, {Status::rejected, "Từ chối"},     {Status::merged, "Đã gộp"}};
  return tabs;
}
const std::vector<Tab>& expert_tabs() {
  static const std::vector<Tab> tabs = {{Status::assigned, "Đang trả lời"}, {Status::follow_up, "Hỏi tiếp"},
                                        {Status::answered, "Chờ duyệt"},    {Status::delivered, "Đã trả lời"},
                                        {Status::published, "Đã công bố"}};
  return tabs;
}

// Messages after a successful POST: the redirect carries a code, never text to reflect.
const std::map<std::string, std::string>& notices() {
  static const std::map<std::string, std::string> m = {
      {"da-phan-loai", "Đã phân loại câu hỏi. Chưa có chuyên gia phù hợp còn nhận câu hỏi: hãy phân công."},
      {"da-phan-loai-phan-cong", "Đã phân loại câu hỏi và tự động phân công cho chuyên gia phù hợp."},
      {"da-tu-choi", "Đã ghi nhận không tiếp nhận câu hỏi và báo lý do cho người hỏi."},
      {"da-gop", "Đã gộp câu hỏi vào câu hỏi trùng và báo cho người hỏi."},
      {"da-phan-cong", "Đã phân công chuyên gia và gửi thông báo."},
      {"da-tra-loi", "Đã gửi câu trả lời cho người hỏi."},
      {"cho-duyet", "Đã lưu câu trả lời; câu trả lời chờ kiểm duyệt viên duyệt."},
      {"da-duyet", "Đã duyệt và gửi câu trả lời cho người hỏi."},
      {"da-tra-lai", "Đã trả lại câu trả lời cho chuyên gia kèm nhận xét."},
      {"da-cong-bo", "Đã công bố câu hỏi và câu trả lời trong mục Hỏi đáp pháp luật."},
      {"da-go", "Đã gỡ câu hỏi khỏi mục Hỏi đáp pháp luật."},
      {"da-them-chuyen-gia", "Đã thêm chuyên gia. Chuyên gia chỉ nhận câu hỏi sau khi được xác minh."},
      {"da-luu-chuyen-gia", "Đã lưu thông tin chuyên gia."},
      {"da-xac-minh", "Đã xác minh chuyên gia: chuyên gia có thể nhận và trả lời câu hỏi."},
      {"da-bo-xac-minh", "Đã bỏ xác minh: chuyên gia không nhận thêm câu hỏi và không trả lời được nữa."},
  };
  return m;
}

void add_notice(nlohmann::json& view, const http::Request& r) {
  if (auto code = r.query_param("thong-bao")) {
    auto it = notices().find(*code);
    if (it != notices().end()) view["notice"] = it->second;
  }
}

void add_errors(nlohmann::json& view, const core::ServiceError& e) {
  view["error"] = e.message;
  for (const auto& [field, msg] : e.fields) view["errors"][field] = msg;
}

http::Response message_page(web::Site& site, const web::Visitor& v, const std::string& title, const std::string& message,
                            int status) {
  auto view = site.base_view(v, title);
  view["message"] = message;
  return site.page("errors/error", view, status);
}

// A service error that leaves no form to show again.
http::Response error_page(web::Site& site, const web::Visitor& v, const core::ServiceError& e) {
  if (e.kind == core::ErrorKind::not_found) return site.not_found_page(v);
  if (e.kind == core::ErrorKind::forbidden) return message_page(site, v, "Không có quyền truy cập", e.message, 403);
  return message_page(site, v, "Không thực hiện được", e.message, core::http_status(e.kind));
}

std::string article_anchor(const std::string& number) { return "dieu-" + core::slugify(number); }

nlohmann::json citation_json(const Citation& c) {
  std::string url = "/van-ban/" + c.document_slug + "/" + article_anchor(c.article);
  if (!c.clause.empty()) url += "#" + article_anchor(c.article) + "-khoan-" + core::slugify(c.clause);
  return {{"label", citation_label(c)},
          {"url", url},
          {"validity", c.validity},
          {"expired", library::status_slug(c.validity) == "het-hieu-luc"}};
}

nlohmann::json citations_json(const std::vector<Citation>& list) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& c : list) a.push_back(citation_json(c));
  return a;
}

std::string citation_lines(const std::vector<Citation>& list) {
  std::string s;
  for (const auto& c : list) s += citation_label(c) + "\n";
  return s;
}

// How the picker writes a search hit as a citation line: "Điều 25 Bộ luật Lao động" (by the
// document's title, or its number when the title is a long sentence). static/consult-admin.js
// does the same for the hits of /api/v1/search.
std::string picker_line(const std::string& article, const std::string& title, const std::string& number) {
  const std::string& doc = core::utf8_length(title) <= 80 || number.empty() ? title : number;
  return "Điều " + article + " " + doc;
}

// The text with each finding of the personal-data detector wrapped in <mark class="pii">, so the
// moderator sees what to remove before publishing. Everything else is HTML-escaped.
struct Highlighted {
  std::string html;
  std::vector<std::string> kinds;
};
Highlighted highlight_personal_data(const std::string& raw) {
  std::string s = text::normalize(raw);
  Highlighted out;
  std::size_t at = 0;
  for (const auto& p : text::find_personal_data(s)) {
    if (p.begin < at || p.end > s.size() || p.begin >= p.end) continue;
    out.html += http::html_escape(std::string_view(s).substr(at, p.begin - at));
    out.html += "<mark class=\"pii\" title=\"" + http::html_escape(p.kind) + "\">" +
                http::html_escape(std::string_view(s).substr(p.begin, p.end - p.begin)) + "</mark>";
    out.kinds.emplace_back(p.kind);
    at = p.end;
  }
  out.html += http::html_escape(std::string_view(s).substr(at));
  return out;
}

// "3 thông tin cá nhân: [số điện thoại], [họ tên]": the findings in words, for screen readers too.
std::string findings_summary(const std::vector<std::string>& kinds) {
  if (kinds.empty()) return "";
  std::set<std::string> seen;
  std::string list;
  for (const auto& k : kinds)
    if (seen.insert(k).second) list += (list.empty() ? "" : ", ") + k;
  return std::to_string(kinds.size()) + " thông tin cá nhân: " + list;
}

std::string event_label(const std::string& action) {
  static const std::map<std::string, std::string> m = {
      {"ask", "Gửi câu hỏi"},          {"handoff", "Chuyển từ hỏi đáp tự động"}, {"triage", "Phân loại"},
      {"assign", "Phân công"},         {"answer", "Trả lời"},                    {"approve", "Duyệt câu trả lời"},
      {"return", "Trả lại để sửa"},    {"reply", "Trả lời câu hỏi tiếp"},        {"follow-up", "Người hỏi hỏi tiếp"},
      {"publish", "Công bố"},          {"unpublish", "Gỡ công bố"},              {"reject", "Không tiếp nhận"},
      {"merge", "Gộp vào câu hỏi"},    {"rate", "Người hỏi đánh giá"},           {"remind", "Nhắc hạn trả lời"},
      {"escalate", "Báo quá hạn"}};
  auto it = m.find(action);
  return it == m.end() ? action : it->second;
}

std::string event_actor(const Event& e) {
  if (!e.user_name.empty()) return e.user_name;
  return e.action == "ask" || e.action == "follow-up" || e.action == "rate" ? "Người hỏi" : "Hệ thống";
}

std::string size_label(std::int64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " B";
  if (bytes < 1024 * 1024) return std::to_string((bytes + 512) / 1024) + " KB";
  std::ostringstream s;
  s.precision(1);
  s << std::fixed << static_cast<double>(bytes) / (1024.0 * 1024.0) << " MB";
  return s.str();
}

nlohmann::json question_row(const Question& q, std::int64_t now) {
  return {{"code", q.code},
          {"title", q.title},
          {"url", question_url(q.id)},
          {"field", q.field_name},
          {"status", std::string(status_label(q.status))},
          {"status_slug", std::string(status_slug(q.status))},
          {"due", q.due_at ? core::format_vn_date(*q.due_at) : ""},
          {"overdue", is_overdue(q, now)},
          {"expert", q.expert_name},
          {"created", core::format_vn_datetime(q.created_at)}};
}

// ---- One question ---------------------------------------------------------------------------

// The value a form field shows: what was just posted, else the default.
std::string posted_or(const http::Form* posted, const char* name, const std::string& fallback) {
  return posted && posted->has(name) ? posted->get(name) : fallback;
}

nlohmann::json expert_options(Consultation& consult, const Question& q, const std::string& selected) {
  nlohmann::json in_field = nlohmann::json::array(), others = nlohmann::json::array();
  for (const auto& e : consult.experts.list()) {
    if (!e.verified()) continue;
    bool matches = q.field_slug && std::find(e.fields.begin(), e.fields.end(), *q.field_slug) != e.fields.end();
    std::string label = e.full_name + " (" + std::string(expert_kind_label(e.kind)) + ") — " +
                        std::to_string(e.open_questions) + "/" + std::to_string(e.capacity) + " câu đang xử lý";
    if (e.open_questions >= e.capacity) label += ", đã đủ";
    if (!e.available) label += ", đang tạm nghỉ";
    (matches ? in_field : others).push_back({{"id", e.id}, {"label", label}, {"selected", std::to_string(e.id) == selected}});
  }
  nlohmann::json groups = nlohmann::json::array();
  if (!in_field.empty()) groups.push_back({{"label", "Đúng lĩnh vực " + q.field_name}, {"experts", in_field}});
  if (!others.empty()) groups.push_back({{"label", in_field.empty() ? "Chuyên gia đã xác minh" : "Lĩnh vực khác"}, {"experts", others}});
  return groups;
}

nlohmann::json picker_hits(library::SearchService& search, const std::string& text) {
  search::Query query;
  query.text = text;
  query.limit = kPickerHits;
  nlohmann::json hits = nlohmann::json::array();
  for (const auto& h : search.search(query).hits) {
    auto j = search.hit_json(h);
    if (j.is_null() || !j["article"].is_string()) continue;  // a document without articles cannot be cited
    hits.push_back({{"line", picker_line(j["article"].get<std::string>(), j["document_title"].get<std::string>(),
                                         j["document_number"].get<std::string>())},
                    {"title", j["title"]},
                    {"snippet", j["snippet"]},
                    {"url", j["url"]}});
  }
  return hits;
}

nlohmann::json detail_view(Deps& d, const http::Request& r, web::Visitor& v, const QuestionView& qv,
                           const http::Form* posted) {
  const Question& q = qv.question;
  const auto now = core::now_unix();
  auto view = d.site.base_view(v, "Câu hỏi " + q.code);
  const bool mod = moderator(v);
  std::optional<Expert> me;
  if (v.user->role == auth::Role::expert) me = d.consult.experts.of_user(*v.user);
  const bool assignee = me && q.expert_id && *q.expert_id == me->id;
  const bool answered_or_later =
      q.status == Status::delivered || q.status == Status::follow_up || q.status == Status::published;

  nlohmann::json question = question_row(q, now);
  question["id"] = q.id;
  question["body"] = q.body;
  question["source"] = q.source == "handoff" ? "Chuyển từ hỏi đáp tự động"
                       : q.source == "api"   ? "Qua API"
                       : q.source == "import" ? "Nhập từ hệ thống khác"
                                              : "Biểu mẫu trên cổng";
  question["note"] = q.status_reason;
  question["email"] = q.email;
  question["phone"] = q.phone;
  question["has_contact"] = !q.email.empty() || !q.phone.empty();
  question["publish_consent"] = q.publish_consent;
  if (q.merged_into) question["merged_url"] = question_url(*q.merged_into);
  if (q.public_slug && q.status == Status::published) question["public_url"] = "/hoi-dap/" + *q.public_slug;
  if (q.answered_at) question["answered"] = core::format_vn_datetime(*q.answered_at);
  if (q.rating) question["rating"] = *q.rating == 1 ? "Hữu ích" : "Chưa hữu ích";
  view["question"] = question;
  view["action"] = question_url(q.id);

  nlohmann::json files = nlohmann::json::array();
  for (const auto& a : qv.attachments)
    files.push_back({{"name", a.display_name}, {"url", question_url(q.id) + "/tep/" + std::to_string(a.id)},
                     {"type", a.content_type}, {"size", size_label(a.size)}});
  view["attachments"] = files;
  view["has_attachments"] = !files.empty();
  view["has_candidates"] = !qv.candidates.empty();
  view["has_citations"] = !qv.citations.empty();
  view["has_messages"] = !qv.messages.empty();
  view["candidates"] = citations_json(qv.candidates);
  if (!q.answer.empty()) view["answer_html"] = web::markdown_to_html(q.answer);
  view["citations"] = citations_json(qv.citations);
  nlohmann::json thread = nlohmann::json::array();
  for (const auto& m : qv.messages)
    thread.push_back({{"from_asker", m.author == "asker"}, {"author", m.author == "asker" ? "Người hỏi" : "Chuyên gia"},
                      {"at", core::format_vn_datetime(m.created_at)},
                      {"html", m.author == "asker" ? "" : web::markdown_to_html(m.body)},
                      {"text", m.author == "asker" ? m.body : ""}});
  view["messages"] = thread;
  nlohmann::json events = nlohmann::json::array();
  for (const auto& e : qv.events)
    events.push_back({{"label", event_label(e.action)}, {"detail", e.detail}, {"who", event_actor(e)},
                      {"at", core::format_vn_datetime(e.created_at)}});
  view["events"] = events;

  nlohmann::json form;
  // Moderators: triage, merge, reject, assign.
  if (mod && (q.status == Status::fresh || q.status == Status::triaged)) {
    std::string field = posted_or(posted, "field", q.field_slug.value_or(""));
    nlohmann::json options = nlohmann::json::array();
    for (const auto& f : d.consult.fields())
      options.push_back({{"slug", f.slug}, {"name", f.name + " (hạn " + std::to_string(f.answer_days) + " ngày)"},
                         {"selected", f.slug == field}});
    view["can_triage"] = true;
    view["fields"] = options;
    form["note"] = posted_or(posted, "note", "");
    view["can_merge"] = true;
    form["into"] = posted_or(posted, "into", "");
  }
  // Not taken in (spam, out of scope) is decided before an answer goes out; the service would
  // also allow it later, but after an answer it would only confuse the asker.
  if (mod && (q.status == Status::fresh || q.status == Status::triaged || q.status == Status::assigned)) {
    view["can_reject"] = true;
    form["reason"] = posted_or(posted, "reason", "");
  }
  if (mod && (q.status == Status::triaged || q.status == Status::assigned || q.status == Status::follow_up)) {
    view["can_assign"] = true;
    view["expert_groups"] = expert_options(
        d.consult, q, posted_or(posted, "expert", q.expert_id ? std::to_string(*q.expert_id) : ""));
    view["has_expert_groups"] = !view["expert_groups"].empty();
  }
  // The assigned expert: answer, or reply to a follow-up.
  if (assignee && is_open_for_expert(q.status)) {
    if (!me->verified()) {
      view["answer_blocked"] = "Tài khoản chuyên gia của bạn chưa được xác minh (hoặc đã bị bỏ xác minh): "
                               "chưa thể trả lời. Vui lòng liên hệ quản trị hệ thống.";
    } else {
      view["can_answer"] = true;
      view["is_follow_up"] = q.status == Status::follow_up;
      form["answer"] = posted_or(posted, "answer", q.status == Status::follow_up ? "" : q.answer);
      form["citations"] = posted_or(posted, "citations", citation_lines(qv.citations));
      std::string find = core::clean_text(r.query_param("tim-dieu").value_or(""));
      if (find.size() > 500) find.clear();  // as the search API, which refuses long queries
      form["find"] = find;
      if (!find.empty()) {
        auto hits = picker_hits(d.search, find);
        view["picker_searched"] = true;
        view["has_picker_hits"] = !hits.empty();
        view["picker_hits"] = hits;
      }
      if (q.status == Status::assigned && !q.status_reason.empty() && q.answered_at)
        view["review_note"] = q.status_reason;  // returned by a moderator
    }
  }
  // Review, publication.
  if (mod && q.status == Status::answered) {
    view["can_review"] = true;
    form["note"] = posted_or(posted, "note", "");
  }
  if (mod && answered_or_later) {
    if (!q.publish_consent) {
      view["no_consent"] = true;
    } else {
      auto draft = d.consult.moderation.publish_draft(q);
      view["can_publish"] = true;
      form["title"] = posted_or(posted, "title", draft.title);
      form["body"] = posted_or(posted, "body", draft.body);
      auto title = highlight_personal_data(q.title), body = highlight_personal_data(q.body);
      view["original_title_html"] = title.html;
      view["original_body_html"] = body.html;
      auto kinds = title.kinds;
      kinds.insert(kinds.end(), body.kinds.begin(), body.kinds.end());
      view["original_findings"] = findings_summary(kinds);
      if (posted) {
        // After a refused publication: the submitted text, with what is still personal marked.
        auto t = highlight_personal_data(form["title"].get<std::string>());
        auto b = highlight_personal_data(form["body"].get<std::string>());
        if (!t.kinds.empty() || !b.kinds.empty()) {
          view["draft_title_html"] = t.html;
          view["draft_body_html"] = b.html;
          auto all = t.kinds;
          all.insert(all.end(), b.kinds.begin(), b.kinds.end());
          view["draft_findings"] = findings_summary(all);
        }
      }
    }
  }
  if (mod && q.status == Status::published) view["can_unpublish"] = true;
  view["form"] = form;
  return view;
}

http::Response show_question(Deps& d, http::Request& r, web::Visitor& v, std::int64_t id,
                             const core::ServiceError* error = nullptr) {
  auto qv = d.consult.desk.view(*v.user, id);
  if (!qv) return error_page(d.site, v, qv.error());
  auto view = detail_view(d, r, v, *qv, error ? &v.form : nullptr);
  if (error) add_errors(view, *error);
  else add_notice(view, r);
  return d.site.page("consult/admin_question", view, error ? core::http_status(error->kind) : 200);
}

// ---- Expert registry ------------------------------------------------------------------------

ExpertInput expert_input(const http::Form& f) {
  ExpertInput in;
  in.email = f.get("email");
  in.kind = f.get("kind");
  in.full_name = f.get("full_name");
  in.organisation = f.get("organisation");
  in.credential = f.get("credential");
  in.bio = f.get("bio");
  for (const auto& [name, value] : f.fields)
    if (name == "fields") in.fields.push_back(value);
  in.available = f.get("available") == "1";
  in.review_required = f.get("review_required") == "1";
  if (const auto* photo = f.file("photo")) in.photo = AttachmentUpload{photo->filename, photo->data};
  // Not a number: 0, which the service refuses with its own message next to the field.
  std::string cap = core::clean_text(f.get("capacity"));
  int capacity = 0;
  auto [end, ec] = std::from_chars(cap.data(), cap.data() + cap.size(), capacity);
  in.capacity = ec == std::errc() && end == cap.data() + cap.size() ? capacity : 0;
  return in;
}

ExpertInput input_of(const Expert& e) {
  return {e.email, std::string(expert_kind_slug(e.kind)), e.full_name, e.organisation, e.credential, e.bio,
          e.fields, e.available, e.capacity, e.review_required, std::nullopt};
}

nlohmann::json expert_form(Consultation& consult, const ExpertInput& in, const std::string& raw_capacity = "") {
  nlohmann::json kinds = nlohmann::json::array();
  for (auto k : {ExpertKind::lawyer, ExpertKind::jurist, ExpertKind::legal_aid})
    kinds.push_back({{"slug", std::string(expert_kind_slug(k))}, {"label", std::string(expert_kind_label(k))},
                     {"selected", expert_kind_slug(k) == in.kind}});
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& f : consult.fields())
    fields.push_back({{"slug", f.slug}, {"name", f.name},
                      {"checked", std::find(in.fields.begin(), in.fields.end(), f.slug) != in.fields.end()}});
  return {{"email", in.email},
          {"kinds", kinds},
          {"full_name", in.full_name},
          {"organisation", in.organisation},
          {"credential", in.credential},
          {"bio", in.bio},
          {"fields", fields},
          {"available", in.available},
          {"capacity", raw_capacity.empty() ? std::to_string(in.capacity) : raw_capacity},
          {"review_required", in.review_required}};
}

nlohmann::json experts_view(Deps& d, web::Visitor& v) {
  auto view = d.site.base_view(v, "Chuyên gia tư vấn");
  std::map<std::string, std::string> field_names;
  for (const auto& f : d.consult.fields()) field_names[f.slug] = f.name;
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& e : d.consult.experts.list()) {
    std::string fields;
    for (const auto& f : e.fields) fields += (fields.empty() ? "" : ", ") + (field_names.count(f) ? field_names[f] : f);
    rows.push_back({{"id", e.id},
                    {"name", e.full_name},
                    {"email", e.email},
                    {"kind", std::string(expert_kind_label(e.kind))},
                    {"organisation", e.organisation},
                    {"fields", fields},
                    {"verified", e.verified()},
                    {"verified_at", e.verified_at ? core::format_vn_date(*e.verified_at) : ""},
                    {"available", e.available},
                    {"load", std::to_string(e.open_questions) + "/" + std::to_string(e.capacity)},
                    {"review_required", e.review_required},
                    {"photo", e.photo ? nlohmann::json("/uploads/experts/" + *e.photo) : nlohmann::json(nullptr)},
                    {"url", expert_url(e.id)}});
  }
  view["experts"] = rows;
  ExpertInput blank;
  blank.kind = "lawyer";
  view["form"] = expert_form(d.consult, blank);
  view["form_action"] = "/quan-tri/chuyen-gia";
  view["form_button"] = "Thêm chuyên gia";
  return view;
}

nlohmann::json expert_edit_view(Deps& d, web::Visitor& v, const Expert& e) {
  auto view = d.site.base_view(v, "Chuyên gia: " + e.full_name);
  view["expert"] = {{"name", e.full_name},
                    {"verified", e.verified()},
                    {"verified_at", e.verified_at ? core::format_vn_date(*e.verified_at) : ""},
                    {"load", std::to_string(e.open_questions) + "/" + std::to_string(e.capacity)},
                    {"url", expert_url(e.id)}};
  view["form"] = expert_form(d.consult, input_of(e));
  view["form_action"] = expert_url(e.id);
  view["form_button"] = "Lưu";
  return view;
}

}  // namespace

void register_consult_admin_routes(web::Site& site, Consultation& consult, library::SearchService& search) {
  // The lambdas outlive this call: the dependencies live in one heap object they share.
  auto d = std::make_shared<Deps>(Deps{site, consult, search});

  site.get("/quan-tri/tu-van", [d](http::Request& r, web::Visitor& v) {
    if (!desk(v)) return d->site.deny(r, v);
    const bool mod = moderator(v);
    std::optional<Status> status;
    bool overdue_tab = false;
    if (auto s = r.query_param("trang-thai"); s && !s->empty()) {
      if (*s == kOverdueTab && mod) overdue_tab = true;
      else if (!(status = parse_status(*s)))
        return message_page(d->site, v, "Yêu cầu không hợp lệ", "Trạng thái câu hỏi không hợp lệ.", 400);
    }
    web::ParamError err;
    auto page = web::int_param(r, "trang", 1, 1, 100000, err);
    if (!page) return message_page(d->site, v, "Yêu cầu không hợp lệ", err.message, 400);

    std::vector<Question> list;
    bool more = false;
    if (overdue_tab) {
      list = d->consult.desk.overdue(kOverdueLimit);
    } else {
      // One more than a page tells whether there is a next page without counting.
      list = d->consult.desk.queue(*v.user, status, kPerPage + 1, static_cast<std::size_t>(*page - 1) * kPerPage);
      more = list.size() > kPerPage;
      if (more) list.pop_back();
    }
    auto view = d->site.base_view(v, mod ? "Tư vấn pháp luật: câu hỏi" : "Câu hỏi được phân công cho tôi");
    const auto now = core::now_unix();
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& q : list) rows.push_back(question_row(q, now));
    view["questions"] = rows;
    view["moderator"] = mod;

    nlohmann::json tabs = nlohmann::json::array();
    tabs.push_back({{"label", "Tất cả"}, {"url", "/quan-tri/tu-van"}, {"current", !status && !overdue_tab}});
    for (const auto& t : mod ? moderator_tabs() : expert_tabs())
      tabs.push_back({{"label", t.label}, {"url", "/quan-tri/tu-van?trang-thai=" + std::string(status_slug(t.status))},
                      {"current", status == t.status}});
    if (mod)
      tabs.push_back({{"label", "Quá hạn"}, {"url", std::string("/quan-tri/tu-van?trang-thai=") + kOverdueTab},
                      {"current", overdue_tab}, {"warn", true}});
    view["tabs"] = tabs;
    std::string base = "/quan-tri/tu-van?" + (status ? "trang-thai=" + std::string(status_slug(*status)) + "&" : std::string());
    if (*page > 1) view["prev"] = base + "trang=" + std::to_string(*page - 1);
    if (more) view["next"] = base + "trang=" + std::to_string(*page + 1);

    if (!mod) {
      auto me = d->consult.experts.of_user(*v.user);
      if (!me) view["expert_notice"] = "Tài khoản của bạn chưa có trong danh sách chuyên gia tư vấn: chưa có câu hỏi nào được phân công.";
      else if (!me->verified()) view["expert_notice"] = "Tài khoản chuyên gia của bạn chưa được xác minh: bạn chưa nhận và chưa trả lời được câu hỏi.";
      else view["expert_load"] = std::to_string(me->open_questions) + "/" + std::to_string(me->capacity);
    }
    add_notice(view, r);
    return d->site.page("consult/admin_queue", view);
  });

  site.get("/quan-tri/tu-van/{id}", [d](http::Request& r, web::Visitor& v) {
    if (!desk(v)) return d->site.deny(r, v);
    auto id = web::parse_id(r.params["id"]);
    if (!id) return d->site.not_found_page(v);
    return show_question(*d, r, v, *id);
  });

  site.get("/quan-tri/tu-van/{id}/tep/{attachment}", [d](http::Request& r, web::Visitor& v) {
    if (!desk(v)) return d->site.deny(r, v);
    auto id = web::parse_id(r.params["id"]);
    auto attachment_id = web::parse_id(r.params["attachment"]);
    if (!id || !attachment_id) return d->site.not_found_page(v);
    auto qv = d->consult.desk.view(*v.user, *id);  // forbidden unless may_view
    if (!qv) return error_page(d->site, v, qv.error());
    auto it = std::find_if(qv->attachments.begin(), qv->attachments.end(),
                           [&](const Attachment& a) { return a.id == *attachment_id; });
    if (it == qv->attachments.end()) return d->site.not_found_page(v);
    std::ifstream in(d->consult.attachments.path(*it), std::ios::binary);
    if (!in) return d->site.not_found_page(v);
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // The stored type was set by the upload check; anything that could break the header is not sent.
    std::string type = it->content_type;
    if (type.empty() || type.find_first_of("\r\n") != std::string::npos) type = "application/octet-stream";
    auto res = http::Response::text(std::move(data), 200, type);
    std::string ascii;
    for (unsigned char c : it->display_name)
      ascii += c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? static_cast<char>(c) : '_';
    res.set("Content-Disposition",
            "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + http::percent_encode(it->display_name));
    res.set("X-Content-Type-Options", "nosniff");
    res.set("Cache-Control", "private, no-store");
    return res;
  });

  // Every step on a question: the service decides who may do it in which status; the route maps
  // its answer to a redirect with a notice, or to the page again with the errors (never a 500).
  struct Call {  // what one step gets: the service, who acts, the question and the submitted form
    Consultation& consult;
    const auth::User& user;
    const auth::Actor& actor;
    std::int64_t id;
    const http::Form& form;
  };
  struct Action {
    const char* path;
    std::function<core::Result<Question>(const Call&)> run;
    std::function<std::string(const Question&)> notice;  // the code of the message after the redirect
  };
  auto fixed = [](const char* code) { return [code](const Question&) { return std::string(code); }; };
  std::vector<Action> actions = {
      {"phan-loai", [](const Call& c) { return c.consult.moderation.triage(c.user, c.actor, c.id, c.form.get("field"), c.form.get("note")); },
       [](const Question& q) { return std::string(q.status == Status::assigned ? "da-phan-loai-phan-cong" : "da-phan-loai"); }},
      {"tu-choi", [](const Call& c) { return c.consult.moderation.reject(c.user, c.actor, c.id, c.form.get("reason")); },
       fixed("da-tu-choi")},
      {"gop", [](const Call& c) { return c.consult.moderation.merge(c.user, c.actor, c.id, tracking_code(c.form.get("into"))); },
       fixed("da-gop")},
      {"phan-cong",
       [](const Call& c) { return c.consult.moderation.assign(c.user, c.actor, c.id, web::parse_id(c.form.get("expert")).value_or(0)); },
       fixed("da-phan-cong")},
      {"tra-loi",
       [](const Call& c) { return c.consult.answering.save_answer(c.user, c.actor, c.id, {c.form.get("answer"), c.form.get("citations")}); },
       [](const Question& q) { return std::string(q.status == Status::answered ? "cho-duyet" : "da-tra-loi"); }},
      {"duyet", [](const Call& c) { return c.consult.moderation.approve(c.user, c.actor, c.id); }, fixed("da-duyet")},
      {"tra-lai", [](const Call& c) { return c.consult.moderation.return_answer(c.user, c.actor, c.id, c.form.get("note")); },
       fixed("da-tra-lai")},
      {"cong-bo", [](const Call& c) { return c.consult.moderation.publish(c.user, c.actor, c.id, {c.form.get("title"), c.form.get("body")}); },
       fixed("da-cong-bo")},
      {"go-cong-bo", [](const Call& c) { return c.consult.moderation.unpublish(c.user, c.actor, c.id); }, fixed("da-go")},
  };
  for (auto& action : actions) {
    site.post(std::string("/quan-tri/tu-van/{id}/") + action.path,
              [d, run = std::move(action.run), notice = std::move(action.notice)](http::Request& r, web::Visitor& v) {
                if (!desk(v)) return d->site.deny(r, v);
                auto id = web::parse_id(r.params["id"]);
                if (!id) return d->site.not_found_page(v);
                const auth::Actor actor = v.actor();
                auto done = run(Call{d->consult, *v.user, actor, *id, v.form});
                if (!done) {
                  const auto kind = done.error().kind;
                  if (kind == core::ErrorKind::not_found || kind == core::ErrorKind::forbidden)
                    return error_page(d->site, v, done.error());
                  return show_question(*d, r, v, *id, &done.error());
                }
                return http::Response::redirect(question_url(*id) + "?thong-bao=" + notice(*done));
              });
  }

  // Expert registry (admin).
  site.get("/quan-tri/chuyen-gia", [d](http::Request& r, web::Visitor& v) {
    if (!registrar(v)) return d->site.deny(r, v);
    auto view = experts_view(*d, v);
    add_notice(view, r);
    return d->site.page("consult/admin_experts", view);
  });

  site.post("/quan-tri/chuyen-gia", [d](http::Request& r, web::Visitor& v) {
    if (!registrar(v)) return d->site.deny(r, v);
    auto in = expert_input(v.form);
    auto saved = d->consult.experts.save(*v.user, v.actor(), std::nullopt, in);
    if (!saved) {
      auto view = experts_view(*d, v);
      view["form"] = expert_form(d->consult, in, v.form.get("capacity"));
      add_errors(view, saved.error());
      return d->site.page("consult/admin_experts", view, core::http_status(saved.error().kind));
    }
    return http::Response::redirect(expert_url(saved->id) + "?thong-bao=da-them-chuyen-gia");
  });

  site.get("/quan-tri/chuyen-gia/{id}", [d](http::Request& r, web::Visitor& v) {
    if (!registrar(v)) return d->site.deny(r, v);
    auto id = web::parse_id(r.params["id"]);
    auto e = id ? d->consult.experts.find(*id) : std::nullopt;
    if (!e) return d->site.not_found_page(v);
    auto view = expert_edit_view(*d, v, *e);
    add_notice(view, r);
    return d->site.page("consult/admin_expert", view);
  });

  site.post("/quan-tri/chuyen-gia/{id}", [d](http::Request& r, web::Visitor& v) {
    if (!registrar(v)) return d->site.deny(r, v);
    auto id = web::parse_id(r.params["id"]);
    auto e = id ? d->consult.experts.find(*id) : std::nullopt;
    if (!e) return d->site.not_found_page(v);
    auto in = expert_input(v.form);
    auto saved = d->consult.experts.save(*v.user, v.actor(), *id, in);
    if (!saved) {
      if (saved.error().kind == core::ErrorKind::not_found || saved.error().kind == core::ErrorKind::forbidden)
        return error_page(d->site, v, saved.error());
      auto view = expert_edit_view(*d, v, *e);
      view["form"] = expert_form(d->consult, in, v.form.get("capacity"));
      add_errors(view, saved.error());
      return d->site.page("consult/admin_expert", view, core::http_status(saved.error().kind));
    }
    return http::Response::redirect(expert_url(*id) + "?thong-bao=da-luu-chuyen-gia");
  });

  site.post("/quan-tri/chuyen-gia/{id}/xac-minh", [d](http::Request& r, web::Visitor& v) {
    if (!registrar(v)) return d->site.deny(r, v);
    auto id = web::parse_id(r.params["id"]);
    if (!id) return d->site.not_found_page(v);
    bool verified = v.form.get("verified") == "1";
    auto done = d->consult.experts.verify(*v.user, v.actor(), *id, verified);
    if (!done) return error_page(d->site, v, done.error());
    return http::Response::redirect(expert_url(*id) + "?thong-bao=" + (verified ? "da-xac-minh" : "da-bo-xac-minh"));
  });
}

}  // namespace consult
