#include "consult/api_routes.h"

#include "antispam/proof_of_work.h"
#include "antispam/site_secret.h"
#include "consult/settings.h"
#include "consult/views.h"
#include "core/time.h"
#include "core/utf8.h"
#include "web/json_body.h"
#include "web/params.h"

#include <variant>

namespace consult {

namespace {

http::Response json_response(const nlohmann::json& j, int status = 200) {
  auto r = http::Response::json(j.dump(), status);
  r.set("Cache-Control", "no-store");
  return r;
}

// A string member, or "" when absent; nullopt when present with another type.
std::optional<std::string> string_member(const nlohmann::json& body, const char* name) {
  if (!body.contains(name) || body[name].is_null()) return std::string();
  if (!body[name].is_string()) return std::nullopt;
  return core::nfc(body[name].get<std::string>());
}

// The question a POST /api/v1/questions carries, or the 400 that says what is malformed.
std::variant<AskInput, http::Response> question_of(const nlohmann::json& body) {
  AskInput in;
  in.source = "api";
  std::map<std::string, std::string*> strings = {{"title", &in.title}, {"question", &in.body}, {"field", &in.field},
                                                 {"email", &in.email}, {"phone", &in.phone}};
  for (auto& [name, target] : strings) {
    auto value = string_member(body, name.c_str());
    if (!value) return web::Site::api_error(400, "invalid_parameter", "Trường \"" + name + "\" phải là chuỗi.");
    *target = *value;
  }
  if (body.contains("publish") && !body["publish"].is_boolean())
    return web::Site::api_error(400, "invalid_parameter", "Trường \"publish\" phải là true hoặc false.");
  in.publish = body.value("publish", false);
  if (body.contains("pow")) {
    const auto& pow = body["pow"];
    if (!pow.is_object() || !pow.contains("challenge") || !pow["challenge"].is_string() || !pow.contains("nonce") ||
        !pow["nonce"].is_string())
      return web::Site::api_error(400, "invalid_parameter", "Trường \"pow\" phải là {\"challenge\": chuỗi, \"nonce\": chuỗi}.");
    in.pow_challenge = pow["challenge"].get<std::string>();
    in.pow_nonce = pow["nonce"].get<std::string>();
  }
  // Sending through the API is the consent; the documentation states its purpose and text.
  in.consent = true;
  return in;
}

http::Response post_question(Consultation& consult, http::Request& r, web::Visitor& v) {
  auto body = web::json_body(r);
  if (!body) return std::move(body.error());
  if (!body->is_object()) return web::Site::api_error(400, "invalid_json", "Nội dung JSON không hợp lệ.");
  auto in = question_of(*body);
  if (auto* refused = std::get_if<http::Response>(&in)) return std::move(*refused);
  auto receipt = consult.asking.ask(std::get<AskInput>(in), v.actor(), v.user);
  if (!receipt) return web::Site::api_error(receipt.error());
  return json_response({{"code", receipt->code}, {"token", receipt->token}}, 201);
}

http::Response list_qa(Consultation& consult, const QaIndex& qa, http::Request& r) {
  std::string field = r.query_param("field").value_or("");
  std::string text = core::clean_text(r.query_param("q").value_or(""));
  if (!field.empty() && !web::is_slug(field)) return web::Site::api_error(400, "invalid_parameter", "Tham số \"field\" không hợp lệ.");
  if (!field.empty()) {
    // As on /hoi-dap: a field that does not exist is a mistake, not an empty result.
    bool known = false;
    for (const auto& f : consult.fields()) known |= f.slug == field;
    if (!known) return web::Site::api_error(400, "invalid_parameter", "Lĩnh vực không có trong danh sách.");
  }
  if (core::utf8_length(text) > 500) return web::Site::api_error(400, "invalid_parameter", "Tham số \"q\" tối đa 500 ký tự.");
  web::ParamError err;
  auto limit = web::int_param(r, "limit", 20, 1, 100, err);
  if (!limit) return web::Site::api_error(400, "invalid_parameter", err.message);
  std::optional<std::string> filter;
  if (!field.empty()) filter = field;
  nlohmann::json items = nlohmann::json::array();
  std::size_t total = 0;
  if (!text.empty()) {
    for (const auto& h : qa.search(text, *limit, filter, std::nullopt, &total)) items.push_back(qa_hit_json(h));
  } else {
    for (const auto& q : consult.archive.published(filter, *limit, 0)) items.push_back(published_item(q, false));
    total = static_cast<std::size_t>(consult.archive.count_published(filter));
  }
  return json_response({{"total", total}, {"items", items}});
}

}  // namespace

void register_consult_api_routes(web::Site& site, Consultation& consult, const QaIndex& qa) {
  // Registered before /api/v1/questions/{code}: the router takes the first match.
  site.add(web::api("GET", "/api/v1/questions/challenge"), [&site](http::Request&, web::Visitor&) {
    int bits = site.config().section<Settings>().question_pow_bits;
    nlohmann::json j = {{"bits", bits}, {"challenge", nullptr}};
    if (bits > 0) j["challenge"] = antispam::pow::issue_challenge(antispam::site_secret(site.database()), bits, core::now_unix());
    return json_response(j);
  });

  site.add(web::api("POST", "/api/v1/questions"), [&consult](http::Request& r, web::Visitor& v) { return post_question(consult, r, v); });

  site.add(web::api("GET", "/api/v1/questions/{code}"), [&consult](http::Request& r, web::Visitor&) {
    AskerKey key;
    key.code = r.params["code"];
    key.token = std::string(r.header("x-question-token").value_or(""));
    if (key.token.empty()) key.token = r.query_param("token").value_or("");
    auto q = consult.asking.open(key);
    if (!q) return web::Site::api_error(404, "not_found", "Không tìm thấy câu hỏi.");
    return web::private_page(json_response(asker_view(*q)));
  });

  site.add(web::api("GET", "/api/v1/qa"), [&consult, &qa](http::Request& r, web::Visitor&) { return list_qa(consult, qa, r); });
}

}  // namespace consult
