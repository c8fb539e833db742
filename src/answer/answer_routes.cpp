#include "answer/answer_routes.h"

#include "core/strings.h"
#include "core/time.h"
#include "core/utf8.h"
#include "web/json_body.h"

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include <algorithm>
#include <map>

namespace answer {

namespace {
// Per client (web::ClientLimit): an answer costs a search and a composition, about 30 ms of CPU;
// a person asks a few a minute. Hand-offs reach people: a few an hour.
constexpr int kAnswersPerMinute = 60;
constexpr int kHandoffsPerHour = 10;
constexpr int kFeedbackPerMinute = 30;

constexpr const char* kThanks = "Cảm ơn bạn đã cho biết. Ý kiến của bạn giúp chúng tôi bổ sung hướng dẫn và hỏi đáp còn thiếu.";

constexpr const char* kHandedOff =
    "Câu hỏi của bạn đã được chuyển đến luật sư, luật gia xem xét. Câu hỏi không kèm thông tin liên hệ nên không có "
    "trả lời riêng cho bạn; để nhận trả lời, hãy gửi câu hỏi tại trang Tư vấn pháp luật.";

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
                         {"quote", c.quote},
                         {"quote_shortened", c.quote_shortened}});
  nlohmann::json related = nlohmann::json::array();
  for (const auto& r : a.related) related.push_back({{"title", r.title}, {"url", r.url}});
  return {{"answer", a.text},
          {"choice", a.choice ? nlohmann::json(*a.choice) : nlohmann::json(nullptr)},
          {"confidence", a.confidence},
          {"citations", citations},
          {"related_questions", related},
          {"contest_question", a.contest_question},
          {"handoff", a.handoff},
          {"clarify", a.clarify},
          {"missing_documents", a.missing_documents},
          {"outside_library", library::outside_library_json(a.outside_library)},
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

// The question of a parsed JSON body {"question": "…", "conversation_id": "…", "choices": {…}},
// or the 4xx response that says what is wrong with it.
tl::expected<Question, http::Response> question_of(nlohmann::json& body) {
  auto refuse = [](int status, const char* code, const std::string& message) {
    return tl::unexpected(web::Site::api_error(status, code, message));
  };
  if (!body.is_object() || !body.contains("question") || !body["question"].is_string())
    return refuse(400, "invalid_parameter", "Cần trường \"question\" là một chuỗi.");
  Question q;
  q.text = core::nfc(body["question"].get<std::string>());
  // Only ids the service handed out to web clients; any other starts a new conversation.
  if (body.contains("conversation_id") && body["conversation_id"].is_string() &&
      body["conversation_id"].get<std::string>().starts_with(kWebConversationPrefix))
    q.conversation_id = body["conversation_id"];
  if (body.contains("choices") && !body["choices"].is_null()) {
    auto parsed = parse_choices(body["choices"]);
    if (!parsed) return refuse(400, "invalid_parameter", parsed.error());
    q.choices = std::move(*parsed);
  }
  return q;
}

// The same, from the request's body.
tl::expected<Question, http::Response> api_question(const http::Request& r) {
  auto parsed = web::json_body(r);
  if (!parsed) return tl::unexpected(std::move(parsed.error()));
  return question_of(*parsed);
}

// A refusal of the service as the API reports it: invalid input is a 400 there, not a 422.
http::Response api_refusal(const core::ServiceError& e) {
  const int status = core::http_status(e.kind);
  return web::Site::api_error(status == 422 ? 400 : status, "invalid_parameter", e.message);
}

// The answer as the plain page shows it: paragraphs, labelled citations.
nlohmann::json page_result(const Answer& a) {
  auto j = to_json(a);
  // Paragraphs of the answer text; quotes stay verbatim.
  nlohmann::json paragraphs = nlohmann::json::array();
  for (const auto& line : core::split(a.text, "\n"))
    if (!line.empty()) paragraphs.push_back(line);
  j["paragraphs"] = paragraphs;
  j["has_related"] = !a.related.empty();
  j["has_citations"] = !a.citations.empty();
  nlohmann::json reasons = nlohmann::json::array();
  for (const auto& reason : feedback_reasons()) reasons.push_back({{"slug", std::string(reason.slug)}, {"label", std::string(reason.label)}});
  j["reasons"] = reasons;
  for (auto& c : j["citations"]) c["label"] = "Điều " + c["article"].get<std::string>() + " " + c["document_title"].get<std::string>();
  return j;
}
}  // namespace

void register_answer_routes(web::Site& site, AnswerService& service, AnswerReviews& reviews) {
  // No CSRF token (site.api), on purpose, and the chat panel (static/chat.js) sends none:
  // - it acts for nobody: the session is ignored, the answer comes from public law text, and the
  //   only writes (conversation memory; a hand-off, on the second route, when the asker asks for
  //   one) are ones anyone may cause by asking directly;
  // - a cross-site page cannot send it anyway: HTML forms can only send urlencoded, multipart or
  //   text/plain bodies, which get 415 here, and a cross-origin fetch with a JSON Content-Type
  //   needs a CORS preflight that this server never grants (it sends no Access-Control-* headers).
  // Cached pages could not carry a per-visitor token either.
  site.add(web::api("POST", "/api/v1/answer").limited(kAnswersPerMinute, 60), [&](http::Request& r, web::Visitor&) {
    auto question = api_question(r);
    if (!question) return std::move(question.error());
    auto a = service.answer(*question);
    if (!a) return api_refusal(a.error());
    auto res = http::Response::json(to_json(*a).dump());
    res.set("Cache-Control", "no-store");
    return res;
  });

  // The asker's explicit request for a human expert, after an unsure answer (chat panel).
  site.add(web::api("POST", "/api/v1/answer/handoff").limited(kHandoffsPerHour, 3600), [&](http::Request& r, web::Visitor&) {
    auto question = api_question(r);
    if (!question) return std::move(question.error());
    auto id = service.hand_off(*question);
    if (!id) return api_refusal(id.error());
    auto res = http::Response::json(nlohmann::json{{"handoff_id", *id}, {"message", kHandedOff}}.dump(), 201);
    res.set("Cache-Control", "no-store");
    return res;
  });

  // The plain page works without JavaScript and stores nothing: a GET (a link, a crawler, a
  // cross-site <img>) must not write, and the page keeps no conversation.
  auto page = [&](http::Request& r, web::Visitor& v) {
    auto view = site.base_view(v, "Hỏi đáp pháp luật tự động");
    view["show_chat"] = false;  // this page is the question form already
    // Control characters are dropped before the question is echoed back into the form.
    std::string question = core::nfc(core::clean_text(r.method == "POST" ? v.form.get("question") : r.query_param("cau-hoi").value_or("")));
    view["question"] = question;
    if (r.query_param("da-chuyen")) view["notice"] = kHandedOff;
    if (r.query_param("da-danh-gia")) view["notice"] = kThanks;
    int status = 200;
    if (!question.empty() || r.method == "POST") {
      auto a = service.look_up({question, "", {}});
      if (!a) {
        view["error"] = a.error().message;
        status = 422;
      } else {
        view["result"] = page_result(*a);
        if (r.method == "POST") reviews.note(question, *a, core::now_unix());  // a GET never writes
      }
    }
    auto res = site.page("answer/ask", view, status);
    res.set("Cache-Control", "no-store");
    return res;
  };
  site.add(web::page("/hoi-dap-tu-dong").limited(kAnswersPerMinute, 60), page);
  site.add(web::form("/hoi-dap-tu-dong").limited(kAnswersPerMinute, 60), page);

  // The "send to an expert" button under an unsure answer.
  site.add(web::form("/hoi-dap-tu-dong/chuyen-chuyen-gia").limited(kHandoffsPerHour, 3600), [&](http::Request&, web::Visitor& v) {
    std::string question = core::nfc(v.form.get("question"));
    auto id = service.hand_off({question, "", {}});
    if (id) return http::Response::redirect("/hoi-dap-tu-dong?da-chuyen=1");
    auto view = site.base_view(v, "Hỏi đáp pháp luật tự động");
    view["show_chat"] = false;
    view["question"] = core::clean_text(question);
    view["error"] = id.error().message;
    return site.page("answer/ask", view, core::http_status(id.error().kind));
  });

  // "Câu trả lời có giúp ích không?" under an answer: the question comes back with the opinion.
  site.add(web::form("/hoi-dap-tu-dong/danh-gia").limited(kFeedbackPerMinute, 60), [&](http::Request&, web::Visitor& v) {
    const FeedbackInput in{core::nfc(v.form.get("question")), v.form.get("helpful"), v.form.get("reason")};
    auto noted = reviews.feedback(in, core::now_unix());
    if (noted) return http::Response::redirect("/hoi-dap-tu-dong?da-danh-gia=1");
    auto view = site.base_view(v, "Hỏi đáp pháp luật tự động");
    view["show_chat"] = false;
    view["question"] = core::clean_text(in.question);
    view.update(web::Site::refusal_view(noted.error()));
    return site.page("answer/ask", view, core::http_status(noted.error().kind));
  });
  site.add(web::api("POST", "/api/v1/answer/feedback").limited(kFeedbackPerMinute, 60), [&](http::Request& r, web::Visitor&) {
    auto parsed = web::json_body(r);
    if (!parsed) return std::move(parsed.error());
    nlohmann::json& body = *parsed;
    auto question = question_of(body);
    if (!question) return std::move(question.error());
    if (!body.contains("helpful") || !body["helpful"].is_boolean())
      return web::Site::api_error(400, "invalid_parameter", "Cần trường \"helpful\" là true hoặc false.");
    std::string reason;
    if (body.contains("reason") && !body["reason"].is_null()) {
      const auto& known = feedback_reasons();
      auto it = body["reason"].is_string() ? std::find_if(known.begin(), known.end(), [&](const Reason& x) { return x.stored == body["reason"].get<std::string>(); })
                                           : known.end();
      if (it == known.end())
        return web::Site::api_error(400, "invalid_parameter", "Trường \"reason\" phải là wrong_law, out_of_date, not_understandable hoặc other.");
      reason = std::string(it->slug);
    }
    auto noted = reviews.feedback({question->text, body["helpful"].get<bool>() ? "co" : "khong", reason}, core::now_unix());
    if (!noted) return api_refusal(noted.error());
    auto res = http::Response::json(nlohmann::json{{"message", kThanks}}.dump(), 201);
    res.set("Cache-Control", "no-store");
    return res;
  });
}

}  // namespace answer
