#include "consult/public_routes.h"

#include "antispam/form_timer.h"
#include "antispam/proof_of_work.h"
#include "antispam/site_secret.h"
#include "consult/settings.h"
#include "consult/views.h"
#include "core/time.h"
#include "core/utf8.h"
#include "web/pagination.h"
#include "web/params.h"

namespace consult {

namespace {

constexpr std::size_t kPerPage = 20;

struct Deps {
  web::Site& site;
  Consultation& consult;
  const QaIndex& qa;
  const answer::AnswerService& answers;
};

using web::private_page;

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

// ---- Asking ------------------------------------------------------------------------------------

http::Response render_ask(Deps& d, web::Visitor& v, const AskInput& in, const nlohmann::json& extra, int status) {
  auto view = d.site.base_view(v, "Đặt câu hỏi tư vấn pháp luật");
  view["form"] = ask_form_view(in, d.consult.fields());
  view["consent_text"] = kConsentText;
  view["logged_in"] = v.user.has_value();
  // Fresh anti-spam fields on every render: a signed fill-in start time, and for anonymous
  // visitors a proof-of-work challenge that static/pow.js solves.
  auto secret = antispam::site_secret(d.site.database());
  auto now = core::now_unix();
  view["form_token"] = antispam::issue_form_token(secret, now);
  if (!v.user && d.site.config().section<Settings>().question_pow_bits > 0)
    view["pow_challenge"] = antispam::pow::issue_challenge(secret, d.site.config().section<Settings>().question_pow_bits, now);
  view.update(extra);
  return private_page(d.site.page("consult/ask", view, status));
}

// The form's own checks, which the API has no use for: the honeypot and the fill time. The
// service checks the rest (docs/architecture.md, "Anti-spam").
std::optional<std::string> form_refusal(web::Site& site, const http::Form& form) {
  // A field hidden from people; only robots fill it in.
  if (!form.get("website").empty()) return "Không gửi được câu hỏi. Vui lòng thử lại.";
  // People need more than a few seconds to write a question; robots do not.
  auto timer = antispam::check_form_token(antispam::site_secret(site.database()), form.get("form_token"), core::now_unix());
  if (timer == antispam::FormTokenResult::too_fast)
    return "Câu hỏi được gửi quá nhanh sau khi mở trang. Vui lòng kiểm tra lại rồi gửi.";
  if (timer == antispam::FormTokenResult::expired)
    return "Trang đã mở quá lâu. Vui lòng bấm gửi lại: nội dung bạn nhập vẫn được giữ.";
  if (timer != antispam::FormTokenResult::ok) return "Không gửi được câu hỏi. Vui lòng tải lại trang rồi gửi lại.";
  return std::nullopt;
}

http::Response post_question(Deps& d, web::Visitor& v) {
  AskInput in = ask_input(v.form);
  // Preview: show what may already answer the question before anything is sent.
  if (v.form.get("action") == "preview") {
    std::string text = core::clean_text(in.title + "\n" + in.body);
    if (core::utf8_length(text) < 5)
      return render_ask(d, v, in, {{"error", "Hãy nhập tiêu đề hoặc nội dung câu hỏi để tìm câu trả lời có sẵn."}}, 422);
    auto questions = d.qa.search(text, 5);
    auto articles = d.answers.compose(text).citations;
    return render_ask(d, v, in, {{"suggestions", suggestions_view(questions, articles)}}, 200);
  }
  if (auto refused = form_refusal(d.site, v.form)) return render_ask(d, v, in, {{"error", *refused}}, 400);
  auto receipt = d.consult.asking.ask(in, v.actor(), v.user);
  if (!receipt) {
    return render_ask(d, v, in, web::Site::refusal_view(receipt.error()), core::http_status(receipt.error().kind));
  }
  auto view = d.site.base_view(v, "Đã gửi câu hỏi");
  view["code"] = receipt->code;
  view["link"] = d.site.absolute_url(tracking_url(receipt->code, receipt->token));
  view["path"] = tracking_url(receipt->code, receipt->token);
  return private_page(d.site.page("consult/sent", view, 201));
}

void register_ask_routes(const std::shared_ptr<Deps>& d) {
  d->site.add(web::page("/tu-van"), [d](http::Request&, web::Visitor& v) { return render_ask(*d, v, AskInput{}, nlohmann::json::object(), 200); });
  d->site.add(web::upload("/tu-van", web::anyone), [d](http::Request&, web::Visitor& v) { return post_question(*d, v); });
}

// ---- Following one's question ----------------------------------------------------------------

AskerKey key_of(http::Request& r, web::Visitor& v) {
  AskerKey key;
  key.code = r.params["code"];
  key.token = r.method == "POST" ? v.form.get("token") : r.query_param("token").value_or("");
  if (v.user) key.user_id = v.user->id;
  return key;
}

http::Response render_tracking(Deps& d, http::Request& r, web::Visitor& v, const AskerKey& key, const nlohmann::json& extra,
                               int status) {
  auto q = d.consult.asking.open(key);
  if (!q) return private_page(d.site.not_found_page(v));
  auto view = d.site.base_view(v, "Câu hỏi " + q->question.code);
  add_tracking(view, *q, key.token);
  if (r.query_param("da-gui")) view["notice"] = "Đã gửi câu hỏi tiếp theo.";
  if (r.query_param("da-danh-gia")) view["notice"] = "Cảm ơn bạn đã đánh giá câu trả lời.";
  view.update(extra);
  return private_page(d.site.page("consult/track", view, status));
}

// Back to the tracking page with a notice flag, keeping the token.
http::Response back_to_tracking(const AskerKey& key, const char* flag) {
  return private_page(http::Response::redirect(tracking_url(key.code, key.token) + (key.token.empty() ? "?" : "&") + flag));
}

http::Response post_follow_up(Deps& d, http::Request& r, web::Visitor& v) {
  auto key = key_of(r, v);
  auto done = d.consult.asking.follow_up(key, v.form.get("body"));
  if (!done) {
    if (done.error().kind == core::ErrorKind::not_found) return private_page(d.site.not_found_page(v));
    return render_tracking(d, r, v, key, {{"error", done.error().message}, {"follow_up", v.form.get("body")}},
                           core::http_status(done.error().kind));
  }
  return back_to_tracking(key, "da-gui=1");
}

http::Response post_rating(Deps& d, http::Request& r, web::Visitor& v) {
  auto key = key_of(r, v);
  std::string value = v.form.get("rating");
  if (value != "huu-ich" && value != "chua-huu-ich")
    return render_tracking(d, r, v, key, {{"error", "Hãy chọn «Hữu ích» hoặc «Chưa hữu ích»."}}, 422);
  auto done = d.consult.asking.rate(key, value == "huu-ich");
  if (!done) {
    if (done.error().kind == core::ErrorKind::not_found) return private_page(d.site.not_found_page(v));
    return render_tracking(d, r, v, key, {{"error", done.error().message}}, core::http_status(done.error().kind));
  }
  return back_to_tracking(key, "da-danh-gia=1");
}

http::Response post_withdrawal(Deps& d, http::Request& r, web::Visitor& v) {
  auto key = key_of(r, v);
  if (v.form.get("confirm") != "1")
    return render_tracking(d, r, v, key, {{"error", "Hãy đánh dấu ô xác nhận để rút và xóa câu hỏi."}}, 422);
  auto done = d.consult.asking.withdraw(key, v.actor());
  if (!done) return private_page(d.site.not_found_page(v));
  auto view = d.site.base_view(v, "Đã rút câu hỏi");
  return private_page(d.site.page("consult/withdrawn", view));
}

void register_tracking_routes(const std::shared_ptr<Deps>& d) {
  d->site.add(web::page("/tu-van/theo-doi/{code}"), [d](http::Request& r, web::Visitor& v) {
    return render_tracking(*d, r, v, key_of(r, v), nlohmann::json::object(), 200);
  });
  d->site.add(web::form("/tu-van/theo-doi/{code}/hoi-tiep"), [d](http::Request& r, web::Visitor& v) { return post_follow_up(*d, r, v); });
  d->site.add(web::form("/tu-van/theo-doi/{code}/danh-gia"), [d](http::Request& r, web::Visitor& v) { return post_rating(*d, r, v); });
  d->site.add(web::form("/tu-van/theo-doi/{code}/rut-lai"), [d](http::Request& r, web::Visitor& v) { return post_withdrawal(*d, r, v); });
  d->site.add(web::page("/tu-van/cua-toi", web::signed_in), [d](http::Request&, web::Visitor& v) {
    auto view = d->site.base_view(v, "Câu hỏi của tôi");
    nlohmann::json list = nlohmann::json::array();
    for (const auto& q : d->consult.asking.asked_by(*v.user)) list.push_back(mine_item(q));
    view["questions"] = list;
    view["has_questions"] = !list.empty();
    return private_page(d->site.page("consult/mine", view));
  });
}

// ---- The public archive ------------------------------------------------------------------------

http::Response show_archive(Deps& d, http::Request& r, web::Visitor& v) {
  web::ParamError err;
  auto page = web::int_param(r, "trang", 1, 1, 100000, err);
  std::string field = r.query_param("linh-vuc").value_or("");
  std::string text = core::clean_text(r.query_param("q").value_or(""));
  auto fields = d.consult.fields();
  bool known_field = field.empty();
  for (const auto& f : fields) known_field |= f.slug == field;
  auto view = d.site.base_view(v, "Hỏi đáp pháp luật");
  view["fields"] = field_options(fields, field);
  view["q"] = text;
  if (!page || !known_field || core::utf8_length(text) > 500) {
    view["error"] = !page ? err.message : !known_field ? "Lĩnh vực không có trong danh sách." : "Từ khóa tối đa 500 ký tự.";
    return d.site.page("consult/archive", view, 400);
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
    for (const auto& h : d.qa.search(text, kPerPage, field_filter, std::nullopt, &n)) items.push_back(qa_hit_json(h));
    total = static_cast<std::int64_t>(std::min<std::size_t>(n, kPerPage));
    view["searched"] = true;
  } else {
    for (const auto& q : d.consult.archive.published(field_filter, kPerPage, (*page - 1) * kPerPage))
      items.push_back(published_item(q, true));
    total = d.consult.archive.count_published(field_filter);
    view["pagination"] = web::pagination_view(base.substr(0, base.size() - 1), total, kPerPage, *page);
  }
  view["items"] = items;
  view["total"] = total;
  return d.site.page("consult/archive", view);
}

void register_archive_routes(const std::shared_ptr<Deps>& d) {
  d->site.add(web::page("/hoi-dap"), [d](http::Request& r, web::Visitor& v) { return show_archive(*d, r, v); });
  d->site.add(web::page("/hoi-dap/{slug}"), [d](http::Request& r, web::Visitor& v) {
    auto q = d->consult.archive.published_question(r.params["slug"]);
    if (!q) return d->site.not_found_page(v);
    auto view = d->site.base_view(v, q->question.title);
    view["q"] = public_view(*q);
    view["has_citations"] = !q->citations.empty();
    nlohmann::json similar = nlohmann::json::array();
    for (const auto& h : d->qa.search(q->question.title + "\n" + q->question.body, 5, std::nullopt, q->question.id))
      similar.push_back(qa_hit_json(h));
    view["similar"] = similar;
    view["has_similar"] = !similar.empty();
    view["og"] = {{"title", q->question.title}, {"url", d->site.absolute_url(public_url(r.params["slug"]))}, {"type", "article"}};
    return d->site.page("consult/qa", view);
  });
}

}  // namespace

void register_consult_public_routes(web::Site& site, Consultation& consult, const QaIndex& qa,
                                    const answer::AnswerService& answers) {
  // The handlers outlive this call: the dependencies live in one heap object they share.
  auto d = std::make_shared<Deps>(Deps{site, consult, qa, answers});
  register_ask_routes(d);
  register_tracking_routes(d);
  register_archive_routes(d);
}

}  // namespace consult
