#include "answer/answer_routes.h"

#include "core/strings.h"
#include "core/utf8.h"

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include <map>

namespace answer {

namespace {
nlohmann::json to_json(const Answer& a) {
  nlohmann::json citations = nlohmann::json::array();
  for (const auto& c : a.citations)
    citations.push_back({{"document_id", c.document_id},
                         {"document_title", c.document_title},
                         {"document_number", c.document_number},
                         {"article", c.article},
                         {"clause", c.clause ? nlohmann::json(*c.clause) : nlohmann::json(nullptr)},
                         {"source_ref", {{"corpus_id", c.corpus_id}, {"article_id", c.article_id}}},
                         {"validity", c.validity},
                         {"url", c.url},
                         {"quote", c.quote}});
  nlohmann::json related = nlohmann::json::array();
  for (const auto& r : a.related) related.push_back({{"title", r.title}, {"url", r.url}});
  return {{"answer", a.text},
          {"choice", a.choice ? nlohmann::json(*a.choice) : nlohmann::json(nullptr)},
          {"confidence", a.confidence},
          {"citations", citations},
          {"related_questions", related},
          {"handoff", a.handoff},
          {"clarify", a.clarify},
          {"conversation_id", a.conversation_id}};
}
// "choices": {"A": "…", "B": "…"}: two to six options keyed by one capital letter A–F.
tl::expected<std::map<std::string, std::string>, std::string> parse_choices(const nlohmann::json& j) {
  const std::string message = "Trường \"choices\" phải có từ 2 đến 6 phương án, khóa là chữ cái A–F, nội dung là chuỗi không rỗng (tối đa 1000 ký tự).";
  if (!j.is_object() || j.size() < 2 || j.size() > 6) return tl::unexpected(message);
  std::map<std::string, std::string> out;
  for (const auto& [key, value] : j.items()) {
    if (key.size() != 1 || key[0] < 'A' || key[0] > 'F' || !value.is_string()) return tl::unexpected(message);
    std::string option = core::clean_text(core::nfc(value.get<std::string>()));
    if (option.empty() || core::utf8_length(option) > 1000) return tl::unexpected(message);
    out[key] = std::move(option);
  }
  return out;
}
}  // namespace

void register_answer_routes(web::Site& site, AnswerService& service) {
  // No CSRF token (site.api), on purpose, and the chat panel (static/chat.js) sends none:
  // - it acts for nobody: the session is ignored, the answer comes from public law text, and the
  //   only write (a hand-off record) is one anyone may cause by asking directly;
  // - a cross-site page cannot send it anyway: HTML forms can only send urlencoded, multipart or
  //   text/plain bodies, which get 415 here, and a cross-origin fetch with a JSON Content-Type
  //   needs a CORS preflight that this server never grants (it sends no Access-Control-* headers).
  // Cached pages could not carry a per-visitor token either.
  site.add(web::api("POST", "/api/v1/answer"), [&](http::Request& r, web::Visitor&) {
    auto type = r.header("content-type").value_or("");
    if (!type.starts_with("application/json"))
      return web::Site::api_error(415, "unsupported_media_type", "Nội dung gửi lên phải là JSON (Content-Type: application/json).");
    nlohmann::json body;
    try {
      body = nlohmann::json::parse(r.body);
    } catch (const nlohmann::json::exception&) {
      return web::Site::api_error(400, "invalid_json", "Nội dung JSON không hợp lệ.");
    }
    if (!body.is_object() || !body.contains("question") || !body["question"].is_string())
      return web::Site::api_error(400, "invalid_parameter", "Cần trường \"question\" là một chuỗi.");
    std::string conversation;
    if (body.contains("conversation_id") && body["conversation_id"].is_string()) conversation = body["conversation_id"];
    std::map<std::string, std::string> choices;
    if (body.contains("choices") && !body["choices"].is_null()) {
      auto parsed = parse_choices(body["choices"]);
      if (!parsed) return web::Site::api_error(400, "invalid_parameter", parsed.error());
      choices = std::move(*parsed);
    }
    auto a = service.answer({core::nfc(body["question"].get<std::string>()), conversation, std::move(choices)});
    if (!a) return web::Site::api_error(core::http_status(a.error().kind) == 422 ? 400 : core::http_status(a.error().kind), "invalid_parameter", a.error().message);
    auto res = http::Response::json(to_json(*a).dump());
    res.set("Cache-Control", "no-store");
    return res;
  });

  auto page = [&](http::Request& r, web::Visitor& v) {
    auto view = site.base_view(v, "Hỏi đáp pháp luật tự động");
    view["show_chat"] = false;  // this page is the question form already
    // Control characters are dropped before the question is echoed back into the form.
    std::string question = core::nfc(core::clean_text(r.method == "POST" ? v.form.get("question") : r.query_param("cau-hoi").value_or("")));
    view["question"] = question;
    int status = 200;
    if (!question.empty() || r.method == "POST") {
      auto a = service.answer({question, ""});
      if (!a) {
        view["error"] = a.error().message;
        status = 422;
      } else {
        auto j = to_json(*a);
        // Paragraphs of the answer text; quotes stay verbatim.
        nlohmann::json paragraphs = nlohmann::json::array();
        for (const auto& line : core::split(a->text, "\n"))
          if (!line.empty()) paragraphs.push_back(line);
        j["paragraphs"] = paragraphs;
        j["has_related"] = !a->related.empty();
        for (auto& c : j["citations"]) c["label"] = "Điều " + c["article"].get<std::string>() + " " + c["document_title"].get<std::string>();
        view["result"] = j;
      }
    }
    auto res = site.page("answer/ask", view, status);
    res.set("Cache-Control", "no-store");
    return res;
  };
  site.add(web::page("/hoi-dap-tu-dong"), page);
  site.add(web::form("/hoi-dap-tu-dong"), page);
}

}  // namespace answer
