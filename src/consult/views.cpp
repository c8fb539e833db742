#include "consult/views.h"
#include "core/html.h"

#include "core/time.h"
#include "http/message.h"
#include "web/markdown.h"

namespace consult {

std::string citation_url(const QuestionCitation& c) {
  std::string url = "/van-ban/" + c.document_slug + "/dieu-" + c.article;
  if (!c.clause.empty()) url += "#khoan-" + c.clause;
  return url;
}

nlohmann::json citation_json(const QuestionCitation& c) {
  return {{"document_id", std::to_string(c.document_id)},
          {"document_title", c.document_title},
          {"document_number", c.document_number},
          {"article", c.article},
          {"clause", c.clause.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.clause)},
          {"validity", c.validity},
          {"label", library::citation_label(c)},
          {"url", citation_url(c)}};
}

nlohmann::json field_options(const std::vector<LegalField>& fields, const std::string& selected) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : fields) out.push_back({{"slug", f.slug}, {"name", f.name}, {"selected", f.slug == selected}});
  return out;
}

namespace {
nlohmann::json citations_json(const std::vector<QuestionCitation>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : list) out.push_back(citation_json(c));
  return out;
}

std::optional<std::string> opt_date(const std::optional<std::int64_t>& t) {
  if (!t) return std::nullopt;
  return core::format_vn_datetime(*t);
}
}  // namespace

nlohmann::json asker_view(const QuestionView& v) {
  const auto& q = v.question;
  nlohmann::json messages = nlohmann::json::array();
  for (const auto& m : v.messages)
    messages.push_back({{"author", m.author},
                        {"from_asker", m.author == "asker"},
                        {"body", m.body},
                        {"html", m.author == "expert" ? web::markdown_to_html(m.body) : ""},
                        {"created_at", core::format_rfc3339(m.created_at)},
                        {"created", core::format_vn_datetime(m.created_at)}});
  nlohmann::json attachments = nlohmann::json::array();
  for (const auto& a : v.attachments) attachments.push_back({{"name", a.display_name}, {"size", a.size}});
  bool answered = q.delivered_at.has_value();
  return {{"code", q.code},
          {"title", q.title},
          {"question", q.body},
          {"field", q.field_slug ? nlohmann::json(*q.field_slug) : nlohmann::json(nullptr)},
          {"field_name", q.field_name},
          {"status", status_slug(q.status)},
          {"status_label", status_label(q.status)},
          {"status_reason", q.status_reason},
          {"publish", q.publish_consent},
          {"answered", answered},
          {"answer", answered ? nlohmann::json(q.answer) : nlohmann::json(nullptr)},
          {"answer_html", answered ? web::markdown_to_html(q.answer) : ""},
          {"expert", answered ? nlohmann::json(q.expert_name) : nlohmann::json(nullptr)},
          {"citations", citations_json(v.citations)},
          {"messages", messages},
          {"attachments", attachments},
          {"rating", q.rating ? nlohmann::json(*q.rating == 1 ? "huu-ich" : "chua-huu-ich") : nlohmann::json(nullptr)},
          {"can_follow_up", q.status == Status::delivered || q.status == Status::published},
          {"can_rate", answered},
          {"public_url", q.public_slug && q.status == Status::published ? nlohmann::json(public_url(*q.public_slug))
                                                                         : nlohmann::json(nullptr)},
          {"created_at", core::format_rfc3339(q.created_at)},
          {"created", core::format_vn_datetime(q.created_at)},
          {"due", opt_date(q.due_at) ? nlohmann::json(*opt_date(q.due_at)) : nlohmann::json(nullptr)},
          {"delivered", opt_date(q.delivered_at) ? nlohmann::json(*opt_date(q.delivered_at)) : nlohmann::json(nullptr)}};
}

nlohmann::json public_view(const QuestionView& v) {
  const auto& q = v.question;
  return {{"title", q.title},
          {"question", q.body},
          {"field", q.field_slug ? nlohmann::json(*q.field_slug) : nlohmann::json(nullptr)},
          {"field_name", q.field_name},
          {"answer", q.answer},
          {"answer_html", web::markdown_to_html(q.answer)},
          {"expert", q.expert_name},
          {"citations", citations_json(v.citations)},
          {"url", q.public_slug ? public_url(*q.public_slug) : ""},
          {"published_at", q.published_at ? core::format_rfc3339(*q.published_at) : ""},
          {"published", q.published_at ? core::format_vn_date(*q.published_at) : ""}};
}

nlohmann::json qa_hit_json(const QaHit& h) {
  return {{"title", h.title}, {"url", public_url(h.slug)}, {"field_name", h.field_name}, {"snippet", h.snippet}};
}

std::string public_url(const std::string& slug) { return "/hoi-dap/" + slug; }

std::string tracking_url(const std::string& code, const std::string& token) {
  return "/tu-van/theo-doi/" + code + (token.empty() ? "" : "?token=" + http::percent_encode(token));
}

nlohmann::json ask_form_view(const AskInput& in, const std::vector<LegalField>& fields) {
  return {{"title", in.title},     {"body", in.body},       {"email", in.email},
          {"phone", in.phone},     {"publish", in.publish}, {"consent", in.consent},
          {"fields", field_options(fields, in.field)}};
}

nlohmann::json suggestions_view(const std::vector<QaHit>& questions, const std::vector<answer::AnswerCitation>& articles) {
  nlohmann::json out = {{"questions", nlohmann::json::array()}, {"articles", nlohmann::json::array()}};
  for (const auto& h : questions) out["questions"].push_back(qa_hit_json(h));
  for (const auto& c : articles)
    out["articles"].push_back({{"label", "Điều " + c.article + " " + c.document_title}, {"url", c.url}, {"quote", answer::shown_quote(c)}});
  // Flags for the template: kainjow's mustache has no "list.0" test for a non-empty list.
  out["has_questions"] = !out["questions"].empty();
  out["has_articles"] = !out["articles"].empty();
  out["any"] = !out["questions"].empty() || !out["articles"].empty();
  return out;
}

nlohmann::json published_item(const Question& q, bool with_snippet) {
  nlohmann::json item = {{"title", q.public_title}, {"url", public_url(q.public_slug.value_or(""))}, {"field_name", q.field_name}};
  if (with_snippet) {
    auto cut = q.public_body.find(' ', 240);
    item["snippet"] = core::html_escape(q.public_body.substr(0, cut == std::string::npos ? q.public_body.size() : cut));
  }
  return item;
}

nlohmann::json mine_item(const Question& q) {
  return {{"code", q.code}, {"title", q.title}, {"status_label", status_label(q.status)}, {"url", tracking_url(q.code, "")}};
}

void add_tracking(nlohmann::json& view, const QuestionView& q, const std::string& token) {
  view["q"] = asker_view(q);
  view["has_attachments"] = !q.attachments.empty();
  view["has_citations"] = !q.citations.empty();
  view["has_messages"] = !q.messages.empty();
  view["token"] = token;
  view["show_chat"] = false;
}

}  // namespace consult
