#include "consult/admin_routes.h"

#include "consult/permissions.h"

#include "consult/admin_views.h"
#include "consult/expert_views.h"
#include "core/utf8.h"
#include "web/download.h"
#include "web/params.h"

#include <nlohmann/json.hpp>

#include <charconv>

namespace consult {

namespace {

constexpr std::size_t kPerPage = 30;
constexpr std::size_t kOverdueLimit = 200;
constexpr std::size_t kPickerHits = 8;

struct Deps {
  web::Site& site;
  Consultation& consult;
  library::SearchService& search;
};

bool moderator(const web::Visitor& v) { return v.user && perm::moderate_questions.allows(v.user->role); }

// Tracking codes are upper-case ASCII ("TV-7K3M9Q2P"); people type them in any case.
std::string tracking_code(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
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

// ---- The queue and one question --------------------------------------------------------------

http::Response show_queue(Deps& d, http::Request& r, web::Visitor& v) {
  QueuePage p;
  p.moderator = moderator(v);
  if (auto s = r.query_param("trang-thai"); s && !s->empty()) {
    if (*s == kOverdueTab && p.moderator) p.overdue_tab = true;
    else if (!(p.status = parse_status(*s)))
      return message_page(d.site, v, "Yêu cầu không hợp lệ", "Trạng thái câu hỏi không hợp lệ.", 400);
  }
  web::ParamError err;
  auto page = web::int_param(r, "trang", 1, 1, 100000, err);
  if (!page) return message_page(d.site, v, "Yêu cầu không hợp lệ", err.message, 400);
  p.page = *page;
  if (p.overdue_tab) {
    p.questions = d.consult.desk.overdue(kOverdueLimit);
  } else {
    // One more than a page tells whether there is a next page without counting.
    p.questions = d.consult.desk.queue(*v.user, p.status, kPerPage + 1, static_cast<std::size_t>(*page - 1) * kPerPage);
    p.more = p.questions.size() > kPerPage;
    if (p.more) p.questions.pop_back();
  }
  if (!p.moderator) p.me = d.consult.experts.of_user(*v.user);
  auto view = d.site.base_view(v, p.moderator ? "Tư vấn pháp luật: câu hỏi" : "Câu hỏi được phân công cho tôi");
  add_queue(view, p);
  add_notice(view, r.query_param("thong-bao"));
  return d.site.page("consult/admin_queue", view);
}

// The hits of the citation picker's search, for pages without JavaScript.
std::vector<nlohmann::json> picker_hits(library::SearchService& search, const std::string& text) {
  search::Query query;
  query.text = text;
  query.limit = kPickerHits;
  std::vector<nlohmann::json> hits;
  for (const auto& h : search.search(query).hits) hits.push_back(search.hit_json(h));
  return hits;
}

// The page of one question; after a refused step, `error` and the form as it was posted.
http::Response show_question(Deps& d, http::Request& r, web::Visitor& v, std::int64_t id,
                             const core::ServiceError* error = nullptr) {
  auto qv = d.consult.desk.view(*v.user, id);
  if (!qv) return error_page(d.site, v, qv.error());
  QuestionPage p;
  p.question = std::move(*qv);
  p.moderator = moderator(v);
  if (v.user->role == auth::Role::expert) p.me = d.consult.experts.of_user(*v.user);
  p.forms = question_forms(p.question.question, p.moderator, p.me);
  p.posted = error ? &v.form : nullptr;
  if (p.forms.triage) p.fields = d.consult.fields();
  if (p.forms.assign) p.experts = d.consult.experts.list();
  if (p.forms.answer) {
    p.find = core::clean_text(r.query_param("tim-dieu").value_or(""));
    if (p.find.size() > 500) p.find.clear();  // as the search API, which refuses long queries
    if (!p.find.empty()) p.picker_hits = picker_hits(d.search, p.find);
  }
  auto view = d.site.base_view(v, "Câu hỏi " + p.question.question.code);
  add_question(view, p);
  if (error) add_errors(view, *error);
  else add_notice(view, r.query_param("thong-bao"));
  return d.site.page("consult/admin_question", view, error ? core::http_status(error->kind) : 200);
}

// An attachment, to staff who may see its question.
http::Response download(Deps& d, http::Request& r, web::Visitor& v) {
  auto id = web::parse_id(r.params["id"]);
  auto attachment_id = web::parse_id(r.params["attachment"]);
  if (!id || !attachment_id) return d.site.not_found_page(v);
  auto qv = d.consult.desk.view(*v.user, *id);  // forbidden unless may_view
  if (!qv) return error_page(d.site, v, qv.error());
  auto it = std::find_if(qv->attachments.begin(), qv->attachments.end(),
                         [&](const Attachment& a) { return a.id == *attachment_id; });
  if (it == qv->attachments.end()) return d.site.not_found_page(v);
  auto res = web::stored_file_download(d.consult.attachments, *it);
  return res ? std::move(*res) : d.site.not_found_page(v);
}

// Every step on a question: the service decides who may do it in which status; the route maps
// its answer to a redirect with a notice, or to the page again with the errors (never a 500).
struct Call {  // what one step gets: the services, who acts, the question and the submitted form
  Consultation& consult;
  const auth::User& user;
  const auth::Actor& actor;
  std::int64_t id;
  const http::Form& form;
};
struct Action {
  const char* path;
  const auth::Permission* permission;  // moderators triage and publish, experts answer
  std::function<core::Result<Question>(const Call&)> run;
  std::function<std::string(const Question&)> notice;  // the code of the message after the redirect
};

std::vector<Action> actions() {
  auto fixed = [](const char* code) { return [code](const Question&) { return std::string(code); }; };
  return {
      {"phan-loai", &perm::moderate_questions, [](const Call& c) { return c.consult.moderation.triage(c.user, c.actor, c.id, c.form.get("field"), c.form.get("note")); },
       [](const Question& q) { return std::string(q.status == Status::assigned ? "da-phan-loai-phan-cong" : "da-phan-loai"); }},
      {"tu-choi", &perm::moderate_questions, [](const Call& c) { return c.consult.moderation.reject(c.user, c.actor, c.id, c.form.get("reason")); },
       fixed("da-tu-choi")},
      {"gop", &perm::moderate_questions, [](const Call& c) { return c.consult.moderation.merge(c.user, c.actor, c.id, tracking_code(c.form.get("into"))); },
       fixed("da-gop")},
      {"phan-cong", &perm::moderate_questions,
       [](const Call& c) { return c.consult.moderation.assign(c.user, c.actor, c.id, web::parse_id(c.form.get("expert")).value_or(0)); },
       fixed("da-phan-cong")},
      {"tra-loi", &perm::answer_questions,
       [](const Call& c) { return c.consult.answering.save_answer(c.user, c.actor, c.id, {c.form.get("answer"), c.form.get("citations")}); },
       [](const Question& q) { return std::string(q.status == Status::answered ? "cho-duyet" : "da-tra-loi"); }},
      {"duyet", &perm::moderate_questions, [](const Call& c) { return c.consult.moderation.approve(c.user, c.actor, c.id); }, fixed("da-duyet")},
      {"tra-lai", &perm::moderate_questions, [](const Call& c) { return c.consult.moderation.return_answer(c.user, c.actor, c.id, c.form.get("note")); },
       fixed("da-tra-lai")},
      {"cong-bo", &perm::moderate_questions, [](const Call& c) { return c.consult.moderation.publish(c.user, c.actor, c.id, {c.form.get("title"), c.form.get("body"), c.form.get("answer")}); },
       fixed("da-cong-bo")},
      {"go-cong-bo", &perm::moderate_questions, [](const Call& c) { return c.consult.moderation.unpublish(c.user, c.actor, c.id); }, fixed("da-go")},
  };
}

void register_question_routes(const std::shared_ptr<Deps>& d) {
  d->site.add(web::page("/quan-tri/tu-van", web::needs(perm::use_desk)), [d](http::Request& r, web::Visitor& v) {
    return show_queue(*d, r, v);
  });

  d->site.add(web::page("/quan-tri/tu-van/{id}", web::needs(perm::use_desk)), [d](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    if (!id) return d->site.not_found_page(v);
    return show_question(*d, r, v, *id);
  });

  d->site.add(web::page("/quan-tri/tu-van/{id}/tep/{attachment}", web::needs(perm::use_desk)), [d](http::Request& r, web::Visitor& v) {
    return download(*d, r, v);
  });

  for (auto& action : actions()) {
    d->site.add(web::form(std::string("/quan-tri/tu-van/{id}/") + action.path, web::needs(*action.permission)),
                 [d, run = std::move(action.run), notice = std::move(action.notice)](http::Request& r, web::Visitor& v) {
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
}

// ---- Expert registry (admin) -----------------------------------------------------------------

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

// The registry's page, or one expert's, with the refused form as typed.
http::Response refused_expert(Deps& d, web::Visitor& v, const std::optional<Expert>& e, const ExpertInput& in,
                              const core::ServiceError& error) {
  auto fields = d.consult.fields();
  auto view = d.site.base_view(v, e ? "Chuyên gia: " + e->full_name : "Chuyên gia tư vấn");
  if (e) add_expert(view, *e, fields);
  else add_experts(view, d.consult.experts.list(), fields);
  view["form"] = expert_form(in, fields, v.form.get("capacity"));
  add_errors(view, error);
  return d.site.page(e ? "consult/admin_expert" : "consult/admin_experts", view, core::http_status(error.kind));
}

void register_expert_routes(const std::shared_ptr<Deps>& d) {
  d->site.add(web::page("/quan-tri/chuyen-gia", web::needs(perm::manage_experts)), [d](http::Request& r, web::Visitor& v) {
    auto view = d->site.base_view(v, "Chuyên gia tư vấn");
    add_experts(view, d->consult.experts.list(), d->consult.fields());
    add_notice(view, r.query_param("thong-bao"));
    return d->site.page("consult/admin_experts", view);
  });

  d->site.add(web::upload("/quan-tri/chuyen-gia", web::needs(perm::manage_experts)), [d](http::Request&, web::Visitor& v) {
    auto in = expert_input(v.form);
    auto saved = d->consult.experts.save(*v.user, v.actor(), std::nullopt, in);
    if (!saved) return refused_expert(*d, v, std::nullopt, in, saved.error());
    return http::Response::redirect(expert_url(saved->id) + "?thong-bao=da-them-chuyen-gia");
  });

  d->site.add(web::page("/quan-tri/chuyen-gia/{id}", web::needs(perm::manage_experts)), [d](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    auto e = id ? d->consult.experts.find(*id) : std::nullopt;
    if (!e) return d->site.not_found_page(v);
    auto view = d->site.base_view(v, "Chuyên gia: " + e->full_name);
    add_expert(view, *e, d->consult.fields());
    add_notice(view, r.query_param("thong-bao"));
    return d->site.page("consult/admin_expert", view);
  });

  d->site.add(web::upload("/quan-tri/chuyen-gia/{id}", web::needs(perm::manage_experts)), [d](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    auto e = id ? d->consult.experts.find(*id) : std::nullopt;
    if (!e) return d->site.not_found_page(v);
    auto in = expert_input(v.form);
    auto saved = d->consult.experts.save(*v.user, v.actor(), *id, in);
    if (!saved) {
      if (saved.error().kind == core::ErrorKind::not_found || saved.error().kind == core::ErrorKind::forbidden)
        return error_page(d->site, v, saved.error());
      return refused_expert(*d, v, e, in, saved.error());
    }
    return http::Response::redirect(expert_url(*id) + "?thong-bao=da-luu-chuyen-gia");
  });

  d->site.add(web::form("/quan-tri/chuyen-gia/{id}/xac-minh", web::needs(perm::manage_experts)), [d](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    if (!id) return d->site.not_found_page(v);
    bool verified = v.form.get("verified") == "1";
    auto done = d->consult.experts.verify(*v.user, v.actor(), *id, verified);
    if (!done) return error_page(d->site, v, done.error());
    return http::Response::redirect(expert_url(*id) + "?thong-bao=" + (verified ? "da-xac-minh" : "da-bo-xac-minh"));
  });
}

}  // namespace

void register_consult_admin_routes(web::Site& site, Consultation& consult, library::SearchService& search) {
  // The lambdas outlive this call: the dependencies live in one heap object they share.
  auto d = std::make_shared<Deps>(Deps{site, consult, search});
  register_question_routes(d);
  register_expert_routes(d);
}

}  // namespace consult
