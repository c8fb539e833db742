#include "learning/contest_routes.h"

#include "core/time.h"
#include "core/utf8.h"
#include "learning/certificate_views.h"
#include "learning/contest_views.h"
#include "web/params.h"

#include <memory>

namespace learning {

namespace {

struct Deps {
  web::Site& site;
  ContestService& contests;
  CertificateService& certificates;
  units::UnitRegistry& units;
};

std::string cookie_name(std::int64_t contest_id) { return "pb_thi_" + std::to_string(contest_id); }

using web::private_page;  // every page about one participant

std::optional<Participant> participant_of(Deps& d, const http::Request& r, const Contest& c) {
  auto token = r.cookie(cookie_name(c.id));
  if (!token) return std::nullopt;
  auto p = d.contests.participant(*token);
  if (!p || p->contest_id != c.id) return std::nullopt;
  return p;
}

std::string attempt_url(const Contest& c, std::int64_t attempt_id) {
  return contest_url(c) + "/bai-thi/" + std::to_string(attempt_id);
}

// ---- The contest and registration ----------------------------------------------------------------

nlohmann::json unit_options(const std::vector<units::AdminUnit>& list, const std::string& selected) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& u : list) out.push_back({{"code", u.code}, {"name", u.name}, {"selected", u.code == selected}});
  return out;
}

struct RegistrationForm {
  Registration in;
  std::string province;
  std::string identity_kind = "phone";
  std::string identity;
};

RegistrationForm registration_of(const http::Form& f) {
  RegistrationForm form;
  form.in.name = f.get("name");
  form.in.birth_year = f.get("birth_year");
  form.province = f.get("province");
  form.in.unit_code = f.get("unit_code");
  form.identity_kind = f.get("identity_kind") == "citizen_id" ? "citizen_id" : "phone";
  form.identity = f.get("identity");
  (form.identity_kind == "citizen_id" ? form.in.citizen_id : form.in.phone) = form.identity;
  return form;
}

http::Response render_contest(Deps& d, const http::Request& r, web::Visitor& v, const Contest& c, const RegistrationForm& form,
                              const nlohmann::json& extra, int status) {
  const auto now = core::now_unix();
  auto view = d.site.base_view(v, c.title);
  view["contest"] = contest_page_view(c, now);
  if (auto p = participant_of(d, r, c)) {
    view["participant"] = {{"name", p->name}, {"identity", p->identity_masked}, {"unit", d.units.full_name(p->unit_code)}};
  } else if (now < c.closes_at()) {
    // The commune list follows the chosen province: from the form, or ?tinh= of a GET.
    std::string province = form.province.empty() ? r.query_param("tinh").value_or("") : form.province;
    if (province.size() > 16) province.clear();
    view["form"] = {{"name", form.in.name},
                    {"birth_year", form.in.birth_year},
                    {"identity", form.identity},
                    {"citizen_id", form.identity_kind == "citizen_id"},
                    {"provinces", unit_options(d.units.provinces(), province)},
                    {"province", province}};
    if (!province.empty()) {
      auto communes = d.units.children(province);
      view["form"]["units"] = unit_options(communes, form.in.unit_code);
      view["form"]["province_unit"] = {{"code", province}, {"selected", form.in.unit_code == province}};
    }
  }
  view.update(extra);
  return private_page(d.site.page("learning/contest", view, status));
}

http::Response post_registration(Deps& d, http::Request& r, web::Visitor& v, const Contest& c) {
  if (participant_of(d, r, c)) return private_page(http::Response::redirect(contest_url(c)));  // registered already
  auto form = registration_of(v.form);
  // Choosing the province first (no JavaScript): show its communes, store nothing.
  if (v.form.get("action") == "choose_unit" || form.in.unit_code.empty())
    return render_contest(d, r, v, c, form,
                          form.province.empty() ? nlohmann::json{{"error", "Hãy chọn tỉnh, thành phố."}}
                                                : nlohmann::json{{"notice", "Hãy chọn xã, phường nơi bạn sinh sống hoặc công tác."}},
                          form.province.empty() ? 422 : 200);
  auto receipt = d.contests.register_participant(c.id, form.in, core::now_unix());
  if (!receipt) {
    nlohmann::json errors = receipt.error().fields;
    if (errors.contains("phone") || errors.contains("citizen_id")) errors["identity"] = errors.value("phone", errors.value("citizen_id", ""));
    return render_contest(d, r, v, c, form, {{"error", receipt.error().message}, {"errors", errors}},
                          core::http_status(receipt.error().kind));
  }
  auto response = http::Response::redirect(contest_url(c) + "?da-dang-ky");
  const std::int64_t keep = std::max<std::int64_t>(c.closes_at() - core::now_unix(), 0) + 30 * 86400;
  http::Cookie cookie{cookie_name(c.id), receipt->token, keep, true, d.site.config().secure_cookies, "Lax"};
  response.headers.emplace_back("Set-Cookie", cookie.serialize());
  return private_page(std::move(response));
}

// ---- Taking an attempt -----------------------------------------------------------------------------

// The attempt's page for question `position` (1-based).
http::Response render_question(Deps& d, web::Visitor& v, const Contest& c, const AttemptView& a, int position,
                               const nlohmann::json& extra, int status) {
  const auto now = core::now_unix_ms();
  const auto& q = a.questions[position - 1];
  auto view = d.site.base_view(v, "Câu " + std::to_string(position) + " – " + c.title);
  view["show_chat"] = false;  // no answering service beside an open attempt
  view["contest"] = contest_page_view(c, core::now_unix());
  view["attempt_url"] = attempt_url(c, a.attempt.id);
  view["position"] = position;
  view["total"] = a.questions.size();
  view["first"] = position == 1;
  view["last"] = position == static_cast<int>(a.questions.size());
  view["previous"] = position - 1;
  view["next"] = position + 1;
  int answered = 0;
  for (const auto& x : a.questions) answered += x.answer.empty() ? 0 : 1;
  view["answered"] = answered;
  view["overdue"] = now > a.attempt.deadline_ms;
  view["remaining"] = core::format_vn_duration(std::max<std::int64_t>(0, a.attempt.deadline_ms - now));
  view["deadline"] = core::format_vn_datetime(a.attempt.deadline_ms / 1000);
  nlohmann::json choices = nlohmann::json::array();
  for (const auto& choice : q.choices)
    choices.push_back({{"label", choice.label},
                       {"text", choice.text},
                       {"checked", std::find(q.answer.begin(), q.answer.end(), choice.label) != q.answer.end()}});
  view["question"] = {{"text", q.text}, {"kind", kind_label(q.kind)}, {"multiple", q.kind == QuestionKind::multiple},
                      {"choices", choices}, {"answered", !q.answer.empty()}};
  view.update(extra);
  return private_page(d.site.page("learning/question", view, status));
}

struct AttemptContext {
  Contest contest;
  Participant participant;
  AttemptView attempt;
};

// The contest, the participant of the cookie and their attempt of the URL; or the page to send
// instead. With `open_only`, a finished attempt sends to its result.
std::variant<AttemptContext, http::Response> attempt_context(Deps& d, http::Request& r, web::Visitor& v, bool open_only) {
  auto contest = d.contests.find_by_slug(r.params["slug"]);
  auto id = web::parse_id(r.params["attempt"]);
  if (!contest || !id) return d.site.not_found_page(v);
  auto p = participant_of(d, r, *contest);
  if (!p) return private_page(http::Response::redirect(contest_url(*contest)));
  auto a = d.contests.attempt(*p, *id);
  if (!a) return d.site.not_found_page(v);
  if (open_only && a->attempt.status != AttemptStatus::open)
    return private_page(http::Response::redirect(attempt_url(*contest, *id) + "/ket-qua"));
  return AttemptContext{std::move(*contest), std::move(*p), std::move(*a)};
}

http::Response get_question(Deps& d, http::Request& r, web::Visitor& v) {
  auto ctx = attempt_context(d, r, v, true);
  if (auto* page = std::get_if<http::Response>(&ctx)) return std::move(*page);
  auto& [contest, participant, attempt] = std::get<AttemptContext>(ctx);
  web::ParamError error;
  auto position = web::int_param(r, "cau", 1, 1, static_cast<std::int64_t>(attempt.questions.size()), error);
  if (!position) return d.site.not_found_page(v);
  return render_question(d, v, contest, attempt, static_cast<int>(*position), nlohmann::json::object(), 200);
}

http::Response post_answer(Deps& d, http::Request& r, web::Visitor& v) {
  auto ctx = attempt_context(d, r, v, true);
  if (auto* page = std::get_if<http::Response>(&ctx)) return std::move(*page);
  auto& [contest, participant, attempt] = std::get<AttemptContext>(ctx);
  const auto url = attempt_url(contest, attempt.attempt.id);
  auto position = web::parse_id(v.form.get("cau"));
  if (!position || *position < 1 || *position > static_cast<std::int64_t>(attempt.questions.size())) return d.site.not_found_page(v);
  std::vector<std::string> labels;
  for (const auto& [name, value] : v.form.fields)
    if ((name == "choice" || name == "choices") && labels.size() < 26) labels.push_back(value);
  if (!labels.empty()) {
    auto saved = d.contests.save_answer(participant, attempt.attempt.id, attempt.questions[*position - 1].question_id, labels, core::now_unix_ms());
    if (!saved)
      return render_question(d, v, contest, attempt, static_cast<int>(*position), {{"error", saved.error().message}},
                             core::http_status(saved.error().kind));
  }
  // Where to go next: "summary", or a question number.
  const auto go = v.form.get("go");
  if (go == "summary") return private_page(http::Response::redirect(url + "/nop-bai"));
  auto target = web::parse_id(go);
  if (!target || *target < 1 || *target > static_cast<std::int64_t>(attempt.questions.size())) target = *position;
  return private_page(http::Response::redirect(url + "?cau=" + std::to_string(*target)));
}

http::Response get_summary(Deps& d, http::Request& r, web::Visitor& v) {
  auto ctx = attempt_context(d, r, v, true);
  if (auto* page = std::get_if<http::Response>(&ctx)) return std::move(*page);
  auto& [contest, participant, attempt] = std::get<AttemptContext>(ctx);
  const auto url = attempt_url(contest, attempt.attempt.id);
  auto view = d.site.base_view(v, "Nộp bài – " + contest.title);
  view["show_chat"] = false;
  view["contest"] = contest_page_view(contest, core::now_unix());
  view["attempt_url"] = url;
  nlohmann::json items = nlohmann::json::array();
  int answered = 0;
  for (const auto& q : attempt.questions) {
    answered += q.answer.empty() ? 0 : 1;
    items.push_back({{"position", q.position}, {"answered", !q.answer.empty()}});
  }
  view["questions"] = items;
  view["answered"] = answered;
  view["total"] = attempt.questions.size();
  view["unanswered"] = static_cast<int>(attempt.questions.size()) - answered;
  view["has_unanswered"] = answered < static_cast<int>(attempt.questions.size());  // a 0 would show in a section
  const auto now = core::now_unix_ms();
  view["overdue"] = now > attempt.attempt.deadline_ms;
  view["remaining"] = core::format_vn_duration(std::max<std::int64_t>(0, attempt.attempt.deadline_ms - now));
  view["deadline"] = core::format_vn_datetime(attempt.attempt.deadline_ms / 1000);
  if (r.query_param("du-doan-sai")) view["error"] = "Số dự đoán là một số nguyên từ 0 đến 100.000.000.";
  return private_page(d.site.page("learning/summary", view));
}

http::Response post_submit(Deps& d, http::Request& r, web::Visitor& v) {
  auto ctx = attempt_context(d, r, v, false);
  if (auto* page = std::get_if<http::Response>(&ctx)) return std::move(*page);
  auto& [contest, participant, attempt] = std::get<AttemptContext>(ctx);
  const auto url = attempt_url(contest, attempt.attempt.id);
  std::optional<std::int64_t> prediction;
  if (auto typed = core::clean_text(v.form.get("prediction")); !typed.empty()) {
    prediction = web::parse_id(typed);
    if (!prediction && typed != "0") return private_page(http::Response::redirect(url + "/nop-bai?du-doan-sai"));
    if (!prediction) prediction = 0;
  }
  auto result = d.contests.submit(participant, attempt.attempt.id, prediction, core::now_unix_ms());
  if (!result && result.error().kind != core::ErrorKind::conflict)
    return private_page(http::Response::redirect(url + "/nop-bai?du-doan-sai"));
  return private_page(http::Response::redirect(url + "/ket-qua"));
}

http::Response get_result(Deps& d, http::Request& r, web::Visitor& v) {
  auto ctx = attempt_context(d, r, v, false);
  if (auto* page = std::get_if<http::Response>(&ctx)) return std::move(*page);
  auto& [contest, participant, attempt] = std::get<AttemptContext>(ctx);
  const auto& a = attempt.attempt;
  if (a.status == AttemptStatus::open) return private_page(http::Response::redirect(attempt_url(contest, a.id) + "/nop-bai"));
  auto view = d.site.base_view(v, "Kết quả – " + contest.title);
  view["contest"] = contest_page_view(contest, core::now_unix());
  view["attempt_url"] = attempt_url(contest, a.id);
  view["result"] = {{"score", a.score()},
                    {"correct", a.correct},
                    {"total", a.total},
                    {"time", core::format_vn_duration(a.time_ms.value_or(0))},
                    {"expired", a.status == AttemptStatus::expired},
                    {"round", a.round_number},
                    {"prediction", a.prediction ? nlohmann::json(*a.prediction) : nlohmann::json()}};
  return private_page(d.site.page("learning/result", view));
}

// The certificate of a finished attempt, issued on the first request: the printable page.
http::Response post_certificate(Deps& d, http::Request& r, web::Visitor& v) {
  auto ctx = attempt_context(d, r, v, false);
  if (auto* page = std::get_if<http::Response>(&ctx)) return std::move(*page);
  auto& [contest, participant, attempt] = std::get<AttemptContext>(ctx);
  auto cert = d.certificates.issue_for_attempt(participant, attempt.attempt.id, core::now_unix());
  if (!cert) return private_page(http::Response::redirect(attempt_url(contest, attempt.attempt.id) + "/nop-bai"));
  return private_page(http::Response::redirect(certificate_url(*cert)));
}

// ---- Lists ---------------------------------------------------------------------------------------

http::Response get_contests(Deps& d, http::Request&, web::Visitor& v) {
  const auto now = core::now_unix();
  auto view = d.site.base_view(v, "Cuộc thi tìm hiểu pháp luật");
  nlohmann::json open = nlohmann::json::array(), upcoming = nlohmann::json::array(), closed = nlohmann::json::array();
  for (const auto& c : d.contests.listed(now, 365)) {
    auto item = contest_page_view(c, now);
    (item["is_open"] ? open : item["is_upcoming"] ? upcoming : closed).push_back(std::move(item));
  }
  view["open"] = open;
  view["upcoming"] = upcoming;
  view["closed"] = closed;
  view["none"] = open.empty() && upcoming.empty() && closed.empty();
  view["has_open"] = !open.empty();
  view["has_upcoming"] = !upcoming.empty();
  view["has_closed"] = !closed.empty();
  return d.site.page("learning/contests", view);
}

http::Response get_leaderboard(Deps& d, http::Request& r, web::Visitor& v) {
  auto contest = d.contests.find_by_slug(r.params["slug"]);
  if (!contest) return d.site.not_found_page(v);
  web::ParamError error;
  auto round = web::int_param(r, "vong", 0, 0, 1000, error);
  if (!round) return d.site.not_found_page(v);
  const auto now = core::now_unix();
  auto board = d.contests.leaderboard(*contest, static_cast<int>(*round), 100, now);
  if (!board) return d.site.not_found_page(v);
  auto view = d.site.base_view(v, "Bảng xếp hạng – " + contest->title);
  view["contest"] = contest_page_view(*contest, now);
  view["board"] = leaderboard_page_view(*board);
  view["empty"] = board->people.empty();
  nlohmann::json rounds = nlohmann::json::array();
  for (const auto& rd : contest->rounds)
    if (rd.opens_at <= now) rounds.push_back({{"number", rd.number}, {"current", rd.number == board->round_number}});
  view["round_links"] = rounds;
  view["several_rounds"] = rounds.size() > 1;
  return d.site.page("learning/leaderboard", view);
}

}  // namespace

void register_contest_routes(web::Site& site, ContestService& contests, CertificateService& certificates,
                             units::UnitRegistry& units) {
  auto d = std::make_shared<Deps>(Deps{site, contests, certificates, units});
  site.add(web::page("/cuoc-thi"), [d](http::Request& r, web::Visitor& v) { return get_contests(*d, r, v); });
  site.add(web::page("/cuoc-thi/{slug}"), [d](http::Request& r, web::Visitor& v) {
    auto contest = d->contests.find_by_slug(r.params["slug"]);
    if (!contest) return d->site.not_found_page(v);
    nlohmann::json extra = nlohmann::json::object();
    if (r.query_param("da-dang-ky")) extra["notice"] = "Đăng ký thành công. Bạn có thể bắt đầu làm bài khi vòng thi mở.";
    return render_contest(*d, r, v, *contest, RegistrationForm{}, extra, 200);
  });
  site.add(web::form("/cuoc-thi/{slug}/dang-ky").accepting(8 * 1024), [d](http::Request& r, web::Visitor& v) {
    auto contest = d->contests.find_by_slug(r.params["slug"]);
    if (!contest) return d->site.not_found_page(v);
    return post_registration(*d, r, v, *contest);
  });
  site.add(web::form("/cuoc-thi/{slug}/bat-dau").accepting(1024), [d](http::Request& r, web::Visitor& v) {
    auto contest = d->contests.find_by_slug(r.params["slug"]);
    if (!contest) return d->site.not_found_page(v);
    auto p = participant_of(*d, r, *contest);
    if (!p) return private_page(http::Response::redirect(contest_url(*contest)));
    auto attempt = d->contests.start_attempt(*p, core::now_unix_ms());
    if (!attempt)
      return render_contest(*d, r, v, *contest, RegistrationForm{}, {{"error", attempt.error().message}},
                            core::http_status(attempt.error().kind));
    return private_page(http::Response::redirect(attempt_url(*contest, attempt->attempt.id) + "?cau=1"));
  });
  site.add(web::page("/cuoc-thi/{slug}/bai-thi/{attempt}"), [d](http::Request& r, web::Visitor& v) { return get_question(*d, r, v); });
  site.add(web::form("/cuoc-thi/{slug}/bai-thi/{attempt}").accepting(4 * 1024),
           [d](http::Request& r, web::Visitor& v) { return post_answer(*d, r, v); });
  site.add(web::page("/cuoc-thi/{slug}/bai-thi/{attempt}/nop-bai"), [d](http::Request& r, web::Visitor& v) { return get_summary(*d, r, v); });
  site.add(web::form("/cuoc-thi/{slug}/bai-thi/{attempt}/nop-bai").accepting(1024),
           [d](http::Request& r, web::Visitor& v) { return post_submit(*d, r, v); });
  site.add(web::page("/cuoc-thi/{slug}/bai-thi/{attempt}/ket-qua"), [d](http::Request& r, web::Visitor& v) { return get_result(*d, r, v); });
  site.add(web::form("/cuoc-thi/{slug}/bai-thi/{attempt}/chung-nhan").accepting(1024),
           [d](http::Request& r, web::Visitor& v) { return post_certificate(*d, r, v); });
  site.add(web::page("/cuoc-thi/{slug}/xep-hang"), [d](http::Request& r, web::Visitor& v) { return get_leaderboard(*d, r, v); });
}

}  // namespace learning
