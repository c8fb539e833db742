#include "consult/admin_views.h"
#include "core/attachment.h"
#include "core/html.h"

#include "core/time.h"
#include "core/utf8.h"
#include "http/message.h"
#include "library/model.h"
#include "text/personal_data.h"
#include "text/vietnamese.h"
#include "web/markdown.h"

#include <set>

namespace consult {

namespace {

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

std::string article_anchor(const std::string& number) { return "dieu-" + core::slugify(number); }

// The desk links a cited article to its anchor in the library page.
nlohmann::json desk_citation_json(const QuestionCitation& c) {
  std::string url = "/van-ban/" + c.document_slug + "/" + article_anchor(c.article);
  if (!c.clause.empty()) url += "#" + article_anchor(c.article) + "-khoan-" + core::slugify(c.clause);
  return {{"label", library::citation_label(c)},
          {"url", url},
          {"validity", c.validity},
          {"expired", library::status_slug(c.validity) == "het-hieu-luc"}};
}

nlohmann::json desk_citations_json(const std::vector<QuestionCitation>& list) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& c : list) a.push_back(desk_citation_json(c));
  return a;
}

std::string citation_lines(const std::vector<QuestionCitation>& list) {
  std::string s;
  for (const auto& c : list) s += library::citation_label(c) + "\n";
  return s;
}

// How the picker writes a search hit as a citation line: "Điều 25 Bộ luật Lao động" (by the
// document's title, or its number when the title is a long sentence). static/consult-admin.js
// does the same for the hits of /api/v1/search.
std::string picker_line(const std::string& article, const std::string& title, const std::string& number) {
  const std::string& doc = core::utf8_length(title) <= 80 || number.empty() ? title : number;
  return "Điều " + article + " " + doc;
}

nlohmann::json picker_view(const std::vector<nlohmann::json>& found) {
  nlohmann::json hits = nlohmann::json::array();
  for (const auto& j : found) {
    if (j.is_null() || !j["article"].is_string()) continue;  // a document without articles cannot be cited
    hits.push_back({{"line", picker_line(j["article"].get<std::string>(), j["document_title"].get<std::string>(),
                                         j["document_number"].get<std::string>())},
                    {"title", j["title"]},
                    {"snippet", j["snippet"]},
                    {"url", j["url"]}});
  }
  return hits;
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
    out.html += core::html_escape(std::string_view(s).substr(at, p.begin - at));
    out.html += "<mark class=\"pii\" title=\"" + core::html_escape(p.kind) + "\">" +
                core::html_escape(std::string_view(s).substr(p.begin, p.end - p.begin)) + "</mark>";
    out.kinds.emplace_back(p.kind);
    at = p.end;
  }
  out.html += core::html_escape(std::string_view(s).substr(at));
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

// The texts to publish with their findings marked, as `<prefix>_title_html`, `<prefix>_body_html`,
// `<prefix>_answer_html` and `<prefix>_findings`; false when none has any. The answer is shown
// as its Markdown source, so that what is marked is what the moderator edits.
bool add_highlighted(nlohmann::json& view, const std::string& prefix, const PublishInput& texts) {
  std::vector<std::string> kinds;
  for (const auto& [name, text] : {std::pair{"title", &texts.title}, std::pair{"body", &texts.body}, std::pair{"answer", &texts.answer}}) {
    auto marked = highlight_personal_data(*text);
    view[prefix + "_" + name + "_html"] = marked.html;
    kinds.insert(kinds.end(), marked.kinds.begin(), marked.kinds.end());
  }
  view[prefix + "_findings"] = findings_summary(kinds);
  return !kinds.empty();
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

nlohmann::json queue_tabs(const QueuePage& p) {
  nlohmann::json tabs = nlohmann::json::array();
  tabs.push_back({{"label", "Tất cả"}, {"url", "/quan-tri/tu-van"}, {"current", !p.status && !p.overdue_tab}});
  for (const auto& t : p.moderator ? moderator_tabs() : expert_tabs())
    tabs.push_back({{"label", t.label}, {"url", "/quan-tri/tu-van?trang-thai=" + std::string(status_slug(t.status))},
                    {"current", p.status == t.status}});
  if (p.moderator)
    tabs.push_back({{"label", "Quá hạn"}, {"url", std::string("/quan-tri/tu-van?trang-thai=") + kOverdueTab},
                    {"current", p.overdue_tab}, {"warn", true}});
  return tabs;
}

// The value a form field shows: what was just posted, else the default.
std::string posted_or(const http::Form* posted, const char* name, const std::string& fallback) {
  return posted && posted->has(name) ? posted->get(name) : fallback;
}

nlohmann::json expert_options(const std::vector<Expert>& experts, const Question& q, const std::string& selected) {
  nlohmann::json in_field = nlohmann::json::array(), others = nlohmann::json::array();
  for (const auto& e : experts) {
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

nlohmann::json question_json(const Question& q, std::int64_t now) {
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
  if (q.public_slug) question["public_url"] = "/hoi-dap/" + *q.public_slug;
  if (q.answered_at) question["answered"] = core::format_vn_datetime(*q.answered_at);
  if (q.rating) question["rating"] = *q.rating == 1 ? "Hữu ích" : "Chưa hữu ích";
  return question;
}

// Attachments, candidate articles, the answer with its citations, the follow-up thread, the timeline.
void add_record(nlohmann::json& view, const QuestionView& qv) {
  const Question& q = qv.question;
  nlohmann::json files = nlohmann::json::array();
  for (const auto& a : qv.attachments)
    files.push_back({{"name", a.display_name}, {"url", question_url(q.id) + "/tep/" + std::to_string(a.id)},
                     {"type", a.content_type}, {"size", core::format_file_size(a.size)}});
  view["attachments"] = files;
  view["has_attachments"] = !files.empty();
  view["has_candidates"] = !qv.candidates.empty();
  view["has_citations"] = !qv.citations.empty();
  view["has_messages"] = !qv.messages.empty();
  view["candidates"] = desk_citations_json(qv.candidates);
  if (!q.answer.empty()) view["answer_html"] = web::markdown_to_html(q.answer);
  if (!q.pending_reply.empty()) view["pending_reply_html"] = web::markdown_to_html(q.pending_reply);
  view["citations"] = desk_citations_json(qv.citations);
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
}

// Moderators: triage, merge, reject, assign.
void add_moderator_forms(nlohmann::json& view, nlohmann::json& form, const QuestionPage& p) {
  const Question& q = p.question.question;
  if (p.forms.triage) {
    std::string field = posted_or(p.posted, "field", q.field_slug.value_or(""));
    nlohmann::json options = nlohmann::json::array();
    for (const auto& f : p.fields)
      options.push_back({{"slug", f.slug}, {"name", f.name + " (hạn " + std::to_string(f.answer_days) + " ngày)"},
                         {"selected", f.slug == field}});
    view["can_triage"] = true;
    view["fields"] = options;
    form["note"] = posted_or(p.posted, "note", "");
    view["can_merge"] = true;
    form["into"] = posted_or(p.posted, "into", "");
  }
  if (p.forms.reject) {
    view["can_reject"] = true;
    form["reason"] = posted_or(p.posted, "reason", "");
  }
  if (p.forms.assign) {
    view["can_assign"] = true;
    view["expert_groups"] =
        expert_options(p.experts, q, posted_or(p.posted, "expert", q.expert_id ? std::to_string(*q.expert_id) : ""));
    view["has_expert_groups"] = !view["expert_groups"].empty();
  }
}

// The assigned expert: answer, or reply to a follow-up, with the citation picker.
void add_answer_form(nlohmann::json& view, nlohmann::json& form, const QuestionPage& p) {
  const Question& q = p.question.question;
  if (p.forms.answer_blocked)
    view["answer_blocked"] = "Tài khoản chuyên gia của bạn chưa được xác minh (hoặc đã bị bỏ xác minh): "
                             "chưa thể trả lời. Vui lòng liên hệ quản trị hệ thống.";
  if (!p.forms.answer) return;
  view["can_answer"] = true;
  view["is_follow_up"] = q.status == Status::follow_up;
  // A reply to a follow-up starts empty, or from the reply a moderator returned.
  form["answer"] = posted_or(p.posted, "answer", q.status == Status::follow_up ? q.pending_reply : q.answer);
  form["citations"] = posted_or(p.posted, "citations", citation_lines(p.question.citations));
  form["find"] = p.find;
  if (!p.find.empty()) {
    auto hits = picker_view(p.picker_hits);
    view["picker_searched"] = true;
    view["has_picker_hits"] = !hits.empty();
    view["picker_hits"] = hits;
  }
  bool returned = (q.status == Status::assigned && q.answered_at) || (q.status == Status::follow_up && !q.pending_reply.empty());
  if (returned && !q.status_reason.empty()) view["review_note"] = q.status_reason;  // returned by a moderator
}

// Publication: the masked draft, and the original with what the detector found marked.
void add_publish_form(nlohmann::json& view, nlohmann::json& form, const QuestionPage& p) {
  const Question& q = p.question.question;
  if (p.forms.no_consent) view["no_consent"] = true;
  if (!p.forms.publish) return;
  auto draft = Moderation::publish_draft(q);
  view["can_publish"] = true;
  form["title"] = posted_or(p.posted, "title", draft.title);
  form["body"] = posted_or(p.posted, "body", draft.body);
  form["answer"] = posted_or(p.posted, "answer", draft.answer);
  add_highlighted(view, "original", {q.title, q.body, q.answer});
  if (p.posted) {
    // After a refused publication: the submitted texts, with what is still personal marked.
    nlohmann::json draft_view;
    PublishInput submitted{form["title"].get<std::string>(), form["body"].get<std::string>(), form["answer"].get<std::string>()};
    if (add_highlighted(draft_view, "draft", submitted)) view.update(draft_view);
  }
}

}  // namespace

std::string question_url(std::int64_t id) { return "/quan-tri/tu-van/" + std::to_string(id); }

void add_notice(nlohmann::json& view, const std::optional<std::string>& code) {
  if (!code) return;
  auto it = notices().find(*code);
  if (it != notices().end()) view["notice"] = it->second;
}

void add_errors(nlohmann::json& view, const core::ServiceError& e) {
  view["error"] = e.message;
  for (const auto& [field, msg] : e.fields) view["errors"][field] = msg;
}

void add_queue(nlohmann::json& view, const QueuePage& p) {
  const auto now = core::now_unix();
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& q : p.questions) rows.push_back(question_row(q, now));
  view["questions"] = rows;
  view["moderator"] = p.moderator;
  view["tabs"] = queue_tabs(p);
  std::string base = "/quan-tri/tu-van?" + (p.status ? "trang-thai=" + std::string(status_slug(*p.status)) + "&" : std::string());
  if (p.page > 1) view["prev"] = base + "trang=" + std::to_string(p.page - 1);
  if (p.more) view["next"] = base + "trang=" + std::to_string(p.page + 1);
  if (p.moderator) return;
  if (!p.me) view["expert_notice"] = "Tài khoản của bạn chưa có trong danh sách chuyên gia tư vấn: chưa có câu hỏi nào được phân công.";
  else if (!p.me->verified()) view["expert_notice"] = "Tài khoản chuyên gia của bạn chưa được xác minh: bạn chưa nhận và chưa trả lời được câu hỏi.";
  else view["expert_load"] = std::to_string(p.me->open_questions) + "/" + std::to_string(p.me->capacity);
}

QuestionForms question_forms(const Question& q, bool moderator, const std::optional<Expert>& me) {
  QuestionForms f;
  const Status s = q.status;
  const bool answered_or_later = s == Status::delivered || s == Status::follow_up || s == Status::published;
  const bool assignee = me && q.expert_id && *q.expert_id == me->id && is_open_for_expert(s);
  f.triage = moderator && (s == Status::fresh || s == Status::triaged);
  // Not taken in (spam, out of scope) is decided before an answer goes out; the service would
  // also allow it later, but after an answer it would only confuse the asker.
  f.reject = moderator && (s == Status::fresh || s == Status::triaged || s == Status::assigned);
  f.assign = moderator && (s == Status::triaged || s == Status::assigned || s == Status::follow_up);
  f.answer = assignee && me->verified();
  f.answer_blocked = assignee && !me->verified();
  f.review = moderator && s == Status::answered;
  f.publish = moderator && answered_or_later && q.publish_consent;
  f.no_consent = moderator && answered_or_later && !q.publish_consent;
  f.unpublish = moderator && q.public_slug.has_value();
  return f;
}

void add_question(nlohmann::json& view, const QuestionPage& p) {
  const Question& q = p.question.question;
  view["question"] = question_json(q, core::now_unix());
  view["action"] = question_url(q.id);
  add_record(view, p.question);
  nlohmann::json form;
  add_moderator_forms(view, form, p);
  add_answer_form(view, form, p);
  if (p.forms.review) {
    view["can_review"] = true;
    form["note"] = posted_or(p.posted, "note", "");
  }
  add_publish_form(view, form, p);
  if (p.forms.unpublish) view["can_unpublish"] = true;
  view["form"] = form;
}

}  // namespace consult
