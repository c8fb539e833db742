#include "learning/contest_api_routes.h"

#include "core/time.h"
#include "learning/certificate_views.h"
#include "learning/contest_views.h"
#include "web/json_body.h"
#include "web/params.h"

#include <chrono>

namespace learning {

namespace {

// Every API response of the site is Cache-Control: no-store unless it says otherwise (web::Site).
http::Response json_response(const nlohmann::json& j, int status = 200) { return http::Response::json(j.dump(), status); }

std::optional<std::int64_t> id_param(http::Request& r, const char* name) { return web::parse_id(r.params[name]); }

// The participant behind `Authorization: Bearer …`, or the 401 to send.
std::variant<Participant, http::Response> bearer(ContestService& contests, const http::Request& r) {
  auto header = r.header("authorization");
  constexpr std::string_view prefix = "Bearer ";
  if (!header || !header->starts_with(prefix))
    return web::Site::api_error(401, "unauthorized", "Thiếu mã thí sinh: gửi \"Authorization: Bearer <participant_token>\".");
  auto p = contests.participant(std::string(http::trim_ows(header->substr(prefix.size()))));
  if (!p) return web::Site::api_error(401, "unauthorized", "Mã thí sinh không đúng.");
  return *p;
}

// The labels of {"choice": "A"} or {"choices": ["A", "C"]}, or the 400 to send.
std::variant<std::vector<std::string>, http::Response> labels_of(const nlohmann::json& body) {
  std::vector<std::string> labels;
  if (body.contains("choice") && body["choice"].is_string()) {
    labels.push_back(body["choice"].get<std::string>());
  } else if (body.contains("choices") && body["choices"].is_array() && body["choices"].size() <= 26) {
    for (const auto& c : body["choices"]) {
      if (!c.is_string()) return web::Site::api_error(400, "invalid_parameter", "\"choices\" là mảng các nhãn phương án.");
      labels.push_back(c.get<std::string>());
    }
  } else {
    return web::Site::api_error(400, "invalid_parameter", "Gửi {\"choice\": \"A\"}, hoặc {\"choices\": [\"A\", \"C\"]} cho câu nhiều đáp án.");
  }
  for (const auto& l : labels)
    if (l.size() > 16) return web::Site::api_error(400, "invalid_parameter", "Nhãn phương án không hợp lệ.");
  return labels;
}

// POST /api/v1/contests/{id}/participants: {"name", "birth_year", "unit_code", "phone" | "citizen_id"}.
http::Response post_participant(ContestService& contests, http::Request& r) {
  auto id = id_param(r, "id");
  if (!id) return web::Site::api_error(404, "not_found", "Không có cuộc thi này.");
  auto body = web::json_body(r);
  if (!body) return std::move(body.error());
  if (!body->is_object()) return web::Site::api_error(400, "invalid_json", "Nội dung JSON phải là một đối tượng.");
  Registration in;
  for (auto [name, target] : {std::pair{"name", &in.name}, std::pair{"unit_code", &in.unit_code}, std::pair{"phone", &in.phone},
                              std::pair{"citizen_id", &in.citizen_id}}) {
    if (!body->contains(name) || (*body)[name].is_null()) continue;
    if (!(*body)[name].is_string()) return web::Site::api_error(400, "invalid_parameter", std::string("Trường \"") + name + "\" phải là chuỗi.");
    *target = (*body)[name].get<std::string>();
  }
  if (body->contains("birth_year")) {
    const auto& year = (*body)["birth_year"];
    if (year.is_number_integer()) in.birth_year = std::to_string(year.get<std::int64_t>());
    else if (year.is_string()) in.birth_year = year.get<std::string>();
    else return web::Site::api_error(400, "invalid_parameter", "Trường \"birth_year\" phải là số.");
  }
  auto receipt = contests.register_participant(*id, in, core::now_unix());
  if (!receipt) return web::Site::api_error(receipt.error());
  return json_response({{"participant_token", receipt->token},
                        {"participant", {{"id", std::to_string(receipt->participant.id)}, {"name", receipt->participant.name},
                                         {"identity", receipt->participant.identity_masked}}}},
                       201);
}

// POST /api/v1/attempts/{attempt_id}/certificate: the finished attempt's certificate (issued once).
http::Response post_certificate(web::Site& site, ContestService& contests, CertificateService& certificates, http::Request& r) {
  auto who = bearer(contests, r);
  if (auto* refused = std::get_if<http::Response>(&who)) return std::move(*refused);
  auto attempt_id = id_param(r, "attempt_id");
  if (!attempt_id) return web::Site::api_error(404, "not_found", "Không có bài thi này.");
  auto cert = certificates.issue_for_attempt(std::get<Participant>(who), *attempt_id, core::now_unix());
  if (!cert) return web::Site::api_error(cert.error());
  return json_response(certificate_json(*cert, site.absolute_url(cert->subject_url), site.absolute_url(certificate_url(*cert))));
}

}  // namespace

void register_contest_api_routes(web::Site& site, ContestService& contests, CertificateService& certificates) {
  site.add(web::api("GET", "/api/v1/contests"), [&contests](http::Request& r, web::Visitor&) {
    web::ParamError error;
    auto limit = web::int_param(r, "limit", 20, 1, 100, error);
    auto offset = limit ? web::int_param(r, "offset", 0, 0, 100000, error) : std::nullopt;
    if (!limit || !offset) return web::Site::api_error(400, "invalid_parameter", error.message);
    const auto now = core::now_unix();
    const auto listed = contests.listed(now);  // open and upcoming: a handful
    nlohmann::json items = nlohmann::json::array();
    for (auto i = static_cast<std::size_t>(*offset); i < listed.size() && items.size() < static_cast<std::size_t>(*limit); ++i)
      items.push_back(contest_json(listed[i], now));
    return json_response({{"total", listed.size()}, {"limit", *limit}, {"offset", *offset}, {"items", items}});
  });

  site.add(web::api("GET", "/api/v1/contests/{id}"), [&contests](http::Request& r, web::Visitor&) {
    auto id = id_param(r, "id");
    auto contest = id ? contests.find(*id) : std::nullopt;
    if (!contest) return web::Site::api_error(404, "not_found", "Không có cuộc thi này.");
    return json_response(contest_json(*contest, core::now_unix()));
  });

  site.add(web::api("POST", "/api/v1/contests/{id}/participants").accepting(4 * 1024),
           [&contests](http::Request& r, web::Visitor&) { return post_participant(contests, r); });

  site.add(web::api("POST", "/api/v1/contests/{id}/attempts").accepting(1024), [&contests](http::Request& r, web::Visitor&) {
    auto who = bearer(contests, r);
    if (auto* refused = std::get_if<http::Response>(&who)) return std::move(*refused);
    const auto& p = std::get<Participant>(who);
    auto id = id_param(r, "id");
    if (!id || *id != p.contest_id) return web::Site::api_error(404, "not_found", "Thí sinh không đăng ký cuộc thi này.");
    const auto now = core::now_unix_ms();
    auto attempt = contests.start_attempt(p, now);
    if (!attempt) return web::Site::api_error(attempt.error());
    return json_response(attempt_json(*attempt, now), 201);
  });

  site.add(web::api("GET", "/api/v1/attempts/{attempt_id}"), [&contests](http::Request& r, web::Visitor&) {
    auto who = bearer(contests, r);
    if (auto* refused = std::get_if<http::Response>(&who)) return std::move(*refused);
    auto id = id_param(r, "attempt_id");
    if (!id) return web::Site::api_error(404, "not_found", "Không có bài thi này.");
    auto attempt = contests.attempt(std::get<Participant>(who), *id);
    if (!attempt) return web::Site::api_error(attempt.error());
    return json_response(attempt_json(*attempt, core::now_unix_ms()));
  });

  site.add(web::api("PUT", "/api/v1/attempts/{attempt_id}/answers/{question_id}").accepting(2 * 1024),
           [&contests](http::Request& r, web::Visitor&) {
             auto who = bearer(contests, r);
             if (auto* refused = std::get_if<http::Response>(&who)) return std::move(*refused);
             auto attempt_id = id_param(r, "attempt_id");
             auto question_id = id_param(r, "question_id");
             if (!attempt_id || !question_id) return web::Site::api_error(404, "not_found", "Không có câu hỏi này trong bài thi.");
             auto body = web::json_body(r);
             if (!body) return std::move(body.error());
             if (!body->is_object()) return web::Site::api_error(400, "invalid_json", "Nội dung JSON phải là một đối tượng.");
             auto labels = labels_of(*body);
             if (auto* refused = std::get_if<http::Response>(&labels)) return std::move(*refused);
             auto saved = contests.save_answer(std::get<Participant>(who), *attempt_id, *question_id,
                                               std::get<std::vector<std::string>>(labels), core::now_unix_ms());
             if (!saved) return web::Site::api_error(saved.error());
             return json_response({{"saved", true}});
           });

  site.add(web::api("POST", "/api/v1/attempts/{attempt_id}/submit").accepting(1024), [&contests](http::Request& r, web::Visitor&) {
    auto who = bearer(contests, r);
    if (auto* refused = std::get_if<http::Response>(&who)) return std::move(*refused);
    auto attempt_id = id_param(r, "attempt_id");
    if (!attempt_id) return web::Site::api_error(404, "not_found", "Không có bài thi này.");
    std::optional<std::int64_t> prediction;
    if (!r.body.empty()) {
      auto body = web::json_body(r);
      if (!body) return std::move(body.error());
      if (!body->is_object()) return web::Site::api_error(400, "invalid_json", "Nội dung JSON phải là một đối tượng.");
      if (body->contains("prediction") && !(*body)["prediction"].is_null()) {
        if (!(*body)["prediction"].is_number_integer())
          return web::Site::api_error(400, "invalid_parameter", "Trường \"prediction\" phải là số nguyên.");
        prediction = (*body)["prediction"].get<std::int64_t>();
      }
    }
    auto result = contests.submit(std::get<Participant>(who), *attempt_id, prediction, core::now_unix_ms());
    if (!result) return web::Site::api_error(result.error());
    return json_response(result_json(*result));
  });

  site.add(web::api("POST", "/api/v1/attempts/{attempt_id}/certificate").accepting(1024),
           [&site, &contests, &certificates](http::Request& r, web::Visitor&) { return post_certificate(site, contests, certificates, r); });

  site.add(web::api("GET", "/api/v1/contests/{id}/leaderboard"), [&contests](http::Request& r, web::Visitor&) {
    auto id = id_param(r, "id");
    auto contest = id ? contests.find(*id) : std::nullopt;
    if (!contest) return web::Site::api_error(404, "not_found", "Không có cuộc thi này.");
    web::ParamError error;
    auto round = web::int_param(r, "round", 0, 0, 1000, error);
    auto limit = round ? web::int_param(r, "limit", 100, 1, 1000, error) : std::nullopt;
    if (!round || !limit) return web::Site::api_error(400, "invalid_parameter", error.message);
    auto board = contests.leaderboard(*contest, static_cast<int>(*round), static_cast<int>(*limit), core::now_unix());
    if (!board) return web::Site::api_error(board.error());
    return json_response(leaderboard_json(*board));
  });
}

}  // namespace learning
