#include "consult/public_routes.h"

#include "auth/form_timer.h"
#include "auth/proof_of_work.h"
#include "auth/site_secret.h"
#include "consult/views.h"
#include "core/time.h"
#include "core/utf8.h"
#include "portal/views.h"
#include "web/params.h"

namespace consult {

namespace {

constexpr std::size_t kPerPage = 20;

// Pages that carry a secret token: no caching anywhere, and the token never leaks to another
// site through the Referer header.
http::Response private_page(http::Response r) {
  r.set("Cache-Control", "no-store");
  r.set("Referrer-Policy", "no-referrer");
  return r;
}

std::string tracking_url(const std::string& code, const std::string& token) {
  return "/tu-van/theo-doi/" + code + (token.empty() ? "" : "?token=" + http::percent_encode(token));
}

AskInput ask_input(const http::Form& f) {
  AskInput in;
  in.title = f.get("title");
  in.body = f.get("body");
  in.field = f.get("field");
  in.email = f.get("email");
  in.phone = f.get("phone");
  in.publish = f.get("publish") == "1";
  in.consent = f.get("consent") == "1";
  in.pow_challenge = f.get("pow_challenge");
  in.pow_nonce = f.get("pow_nonce");
  for (const auto& file : f.files)
    if (file.field == "attachments" && !file.data.empty()) in.attachments.push_back({file.filename, file.data});
  return in;
}

nlohmann::json ask_form_view(const AskInput& in, const std::vector<LegalField>& fields) {
  return {{"title", in.title},     {"body", in.body},       {"email", in.email},
          {"phone", in.phone},     {"publish", in.publish}, {"consent", in.consent},
          {"fields", field_options(fields, in.field)}};
}

// Published answers and law articles that may already answer the question, so the citizen can
// avoid sending a duplicate.
nlohmann::json suggestions(const QaIndex& qa, const answer::AnswerService& answers, const std::string& text) {
  nlohmann::json out = {{"questions", nlohmann::json::array()}, {"articles", nlohmann::json::array()}};
  for (const auto& h : qa.search(text, 5)) out["questions"].push_back(qa_hit_json(h));
  auto a = answers.compose(text);
  for (const auto& c : a.citations)
    out["articles"].push_back({{"label", "Điều " + c.article + " " + c.document_title}, {"url", c.url}, {"quote", c.quote}});
  // Flags for the template: kainjow's mustache has no "list.0" test for a non-empty list.
  out["has_questions"] = !out["questions"].empty();
  out["has_articles"] = !out["articles"].empty();
  out["any"] = !out["questions"].empty() || !out["articles"].empty();
  return out;
}

}  // namespace

void register_consult_public_routes(web::Site& site, Consultation& consult, const QaIndex& qa,
                                    const answer::AnswerService& answers) {
  // Handlers outlive this function: they hold copies of these helper lambdas, never references.
  auto render_ask = [&](web::Visitor& v, const AskInput& in, nlohmann::json extra, int status) {
    auto view = site.base_view(v, "Đặt câu hỏi tư vấn pháp luật");
    view["form"] = ask_form_view(in, consult.fields());
    view["consent_text"] = kConsentText;
    view["logged_in"] = v.user.has_value();
    // Fresh anti-spam fields on every render: a signed fill-in start time, and for anonymous
    // visitors a proof-of-work challenge that static/pow.js solves.
    auto secret = auth::site_secret(site.database());
    auto now = core::now_unix();
    view["form_token"] = auth::issue_form_token(secret, now);
    if (!v.user && site.config().question_pow_bits > 0)
      view["pow_challenge"] = auth::pow::issue_challenge(secret, site.config().question_pow_bits, now);
    view.update(extra);
    return private_page(site.page("consult/ask", view, status));
  };

  site.get("/tu-van", [&, render_ask](http::Request&, web::Visitor& v) { return render_ask(v, AskInput{}, nlohmann::json::object(), 200); });

  site.post("/tu-van", [&, render_ask](http::Request&, web::Visitor& v) {
    AskInput in = ask_input(v.form);
    // Preview: show what may already answer the question before anything is sent.
    if (v.form.get("action") == "preview") {
      std::string text = core::clean_text(in.title + "\n" + in.body);
      if (core::utf8_length(text) < 5)
        return render_ask(v, in, {{"error", "Hãy nhập tiêu đề hoặc nội dung câu hỏi để tìm câu trả lời có sẵn."}}, 422);
      return render_ask(v, in, {{"suggestions", suggestions(qa, answers, text)}}, 200);
    }
    // A field hidden from people; only robots fill it in.
    if (!v.form.get("website").empty())
      return render_ask(v, in, {{"error", "Không gửi được câu hỏi. Vui lòng thử lại."}}, 400);
    // People need more than a few seconds to write a question; robots do not.
    auto timer = auth::check_form_token(auth::site_secret(site.database()), v.form.get("form_token"), core::now_unix());
    if (timer == auth::FormTokenResult::too_fast)
      return render_ask(v, in, {{"error", "Câu hỏi được gửi quá nhanh sau khi mở trang. Vui lòng kiểm tra lại rồi gửi."}}, 400);
    if (timer == auth::FormTokenResult::expired)
      return render_ask(v, in, {{"error", "Trang đã mở quá lâu. Vui lòng bấm gửi lại: nội dung bạn nhập vẫn được giữ."}}, 400);
    if (timer != auth::FormTokenResult::ok)
      return render_ask(v, in, {{"error", "Không gửi được câu hỏi. Vui lòng tải lại trang rồi gửi lại."}}, 400);
    auto receipt = consult.asking.ask(in, v.actor(), v.user);
    if (!receipt) {
      nlohmann::json extra = {{"error", receipt.error().message}, {"errors", receipt.error().fields}};
      return render_ask(v, in, extra, core::http_status(receipt.error().kind));
    }
    auto view = site.base_view(v, "Đã gửi câu hỏi");
    view["code"] = receipt->code;
    view["link"] = site.absolute_url(tracking_url(receipt->code, receipt->token));
    view["path"] = tracking_url(receipt->code, receipt->token);
    return private_page(site.page("consult/sent", view, 201));
  });

  auto key_of = [](http::Request& r, web::Visitor& v) {
    AskerKey key;
    key.code = r.params["code"];
    key.token = r.method == "POST" ? v.form.get("token") : r.query_param("token").value_or("");
    if (v.user) key.user_id = v.user->id;
    return key;
  };

  auto render_tracking = [&, key_of](http::Request& r, web::Visitor& v, const AskerKey& key, nlohmann::json extra, int status) {
    auto q = consult.asking.open(key);
    if (!q) return private_page(site.not_found_page(v));
    auto view = site.base_view(v, "Câu hỏi " + q->question.code);
    view["q"] = asker_view(*q);
    view["has_attachments"] = !q->attachments.empty();
    view["has_citations"] = !q->citations.empty();
    view["has_messages"] = !q->messages.empty();
    view["token"] = key.token;
    view["show_chat"] = false;
    if (r.query_param("da-gui")) view["notice"] = "Đã gửi câu hỏi tiếp theo.";
    if (r.query_param("da-danh-gia")) view["notice"] = "Cảm ơn bạn đã đánh giá câu trả lời.";
    view.update(extra);
    return private_page(site.page("consult/track", view, status));
  };

  site.get("/tu-van/theo-doi/{code}", [&, key_of, render_tracking](http::Request& r, web::Visitor& v) {
    return render_tracking(r, v, key_of(r, v), nlohmann::json::object(), 200);
  });

  site.post("/tu-van/theo-doi/{code}/hoi-tiep", [&, key_of, render_tracking](http::Request& r, web::Visitor& v) {
    auto key = key_of(r, v);
    auto done = consult.asking.follow_up(key, v.form.get("body"));
    if (!done) {
      if (done.error().kind == core::ErrorKind::not_found) return private_page(site.not_found_page(v));
      return render_tracking(r, v, key, {{"error", done.error().message}, {"follow_up", v.form.get("body")}},
                             core::http_status(done.error().kind));
    }
    auto res = http::Response::redirect(tracking_url(key.code, key.token) + (key.token.empty() ? "?" : "&") + "da-gui=1");
    return private_page(std::move(res));
  });

  site.post("/tu-van/theo-doi/{code}/danh-gia", [&, key_of, render_tracking](http::Request& r, web::Visitor& v) {
    auto key = key_of(r, v);
    std::string value = v.form.get("rating");
    if (value != "huu-ich" && value != "chua-huu-ich")
      return render_tracking(r, v, key, {{"error", "Hãy chọn «Hữu ích» hoặc «Chưa hữu ích»."}}, 422);
    auto done = consult.asking.rate(key, value == "huu-ich");
    if (!done) {
      if (done.error().kind == core::ErrorKind::not_found) return private_page(site.not_found_page(v));
      return render_tracking(r, v, key, {{"error", done.error().message}}, core::http_status(done.error().kind));
    }
    return private_page(http::Response::redirect(tracking_url(key.code, key.token) + (key.token.empty() ? "?" : "&") + "da-danh-gia=1"));
  });

  site.post("/tu-van/theo-doi/{code}/rut-lai", [&, key_of, render_tracking](http::Request& r, web::Visitor& v) {
    auto key = key_of(r, v);
    if (v.form.get("confirm") != "1")
      return render_tracking(r, v, key, {{"error", "Hãy đánh dấu ô xác nhận để rút và xóa câu hỏi."}}, 422);
    auto done = consult.asking.withdraw(key, v.actor());
    if (!done) return private_page(site.not_found_page(v));
    auto view = site.base_view(v, "Đã rút câu hỏi");
    return private_page(site.page("consult/withdrawn", view));
  });

  site.get("/tu-van/cua-toi", [&](http::Request& r, web::Visitor& v) {
    if (!v.user) return site.deny(r, v);
    auto view = site.base_view(v, "Câu hỏi của tôi");
    nlohmann::json list = nlohmann::json::array();
    for (const auto& q : consult.asking.asked_by(*v.user))
      list.push_back({{"code", q.code}, {"title", q.title}, {"status_label", status_label(q.status)}, {"url", tracking_url(q.code, "")}});
    view["questions"] = list;
    view["has_questions"] = !list.empty();
    return private_page(site.page("consult/mine", view));
  });

  site.get("/hoi-dap", [&](http::Request& r, web::Visitor& v) {
    web::ParamError err;
    auto page = web::int_param(r, "trang", 1, 1, 100000, err);
    std::string field = r.query_param("linh-vuc").value_or("");
    std::string text = core::clean_text(r.query_param("q").value_or(""));
    auto fields = consult.fields();
    bool known_field = field.empty();
    for (const auto& f : fields) known_field |= f.slug == field;
    auto view = site.base_view(v, "Hỏi đáp pháp luật");
    view["fields"] = field_options(fields, field);
    view["q"] = text;
    if (!page || !known_field || core::utf8_length(text) > 500) {
      view["error"] = !page ? err.message : !known_field ? "Lĩnh vực không có trong danh sách." : "Từ khóa tối đa 500 ký tự.";
      return site.page("consult/archive", view, 400);
    }
    std::optional<std::string> field_filter;
    if (!field.empty()) field_filter = field;
    std::string base = "/hoi-dap?";
    if (!field.empty()) base += "linh-vuc=" + field + "&";
    if (!text.empty()) base += "q=" + http::percent_encode(text) + "&";
    nlohmann::json items = nlohmann::json::array();
    std::int64_t total = 0;
    if (!text.empty()) {
      std::size_t n = 0;
      for (const auto& h : qa.search(text, kPerPage, field_filter, std::nullopt, &n)) items.push_back(qa_hit_json(h));
      total = static_cast<std::int64_t>(std::min<std::size_t>(n, kPerPage));
      view["searched"] = true;
    } else {
      for (const auto& q : consult.archive.published(field_filter, kPerPage, (*page - 1) * kPerPage))
        items.push_back({{"title", q.public_title},
                         {"url", public_url(q.public_slug.value_or(""))},
                         {"field_name", q.field_name},
                         {"snippet", http::html_escape(q.public_body.substr(0, q.public_body.find(' ', 240) == std::string::npos
                                                                                ? q.public_body.size()
                                                                                : q.public_body.find(' ', 240)))}});
      total = consult.archive.count_published(field_filter);
      view["pagination"] = portal::pagination_view(base.substr(0, base.size() - 1), total, kPerPage, *page);
    }
    view["items"] = items;
    view["total"] = total;
    auto res = site.page("consult/archive", view);
    return res;
  });

  site.get("/hoi-dap/{slug}", [&](http::Request& r, web::Visitor& v) {
    auto q = consult.archive.published_question(r.params["slug"]);
    if (!q) return site.not_found_page(v);
    auto view = site.base_view(v, q->question.title);
    view["q"] = public_view(*q);
    view["has_citations"] = !q->citations.empty();
    nlohmann::json similar = nlohmann::json::array();
    for (const auto& h : qa.search(q->question.title + "\n" + q->question.body, 5, std::nullopt, q->question.id))
      similar.push_back(qa_hit_json(h));
    view["similar"] = similar;
    view["has_similar"] = !similar.empty();
    view["og"] = {{"title", q->question.title}, {"url", site.absolute_url(public_url(r.params["slug"]))}, {"type", "article"}};
    return site.page("consult/qa", view);
  });
}

}  // namespace consult
