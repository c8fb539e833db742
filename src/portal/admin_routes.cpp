#include "portal/admin_routes.h"
#include "web/pagination.h"

#include "core/time.h"
#include "portal/permissions.h"
#include "portal/views.h"
#include "web/params.h"

namespace portal {

namespace {
constexpr std::size_t kBackOfficePerPage = 30;

PostInput input_from(const http::Form& f) {
  PostInput in{f.get("title"), f.get("summary"), f.get("body_md"), f.get("category"), f.get("tags"), f.get("featured") == "1", f.get("publish_at"), std::nullopt};
  if (auto v = web::parse_id(f.get("version"))) in.expected_version = static_cast<int>(*v);
  return in;
}

std::optional<Cover> cover_from(const http::Form& f) {
  if (auto* file = f.file("cover")) return Cover{file->data};
  return std::nullopt;
}

nlohmann::json category_options(PortalService& portal, const std::string& selected) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& c : portal.categories()) a.push_back({{"slug", c.slug}, {"name", c.name}, {"selected", c.slug == selected}});
  return a;
}

nlohmann::json form_view(const PostInput& in) {
  nlohmann::json v = {{"title", in.title}, {"summary", in.summary}, {"body_md", in.body_md}, {"tags", in.tags},
                      {"featured", in.featured}, {"publish_at", in.publish_at}};
  if (in.expected_version) v["version"] = *in.expected_version;
  return v;
}

PostInput input_of(const Post& p) {
  std::string tags;
  for (const auto& t : p.tags) tags += (tags.empty() ? "" : ", ") + t;
  return {p.title, p.summary, p.body_md, p.category_slug, tags, p.featured,
          p.publish_at ? core::format_vn_datetime_local(*p.publish_at) : "", p.version};
}

void add_errors(nlohmann::json& view, const core::ServiceError& e) {
  view["error"] = e.message;
  for (const auto& [field, msg] : e.fields) view["errors"][field] = msg;
}

nlohmann::json status_tabs(const std::optional<PostStatus>& current) {
  nlohmann::json tabs = nlohmann::json::array();
  tabs.push_back({{"label", "Tất cả"}, {"url", "/quan-tri/bai-viet"}, {"current", !current}});
  for (auto s : {PostStatus::draft, PostStatus::pending, PostStatus::returned, PostStatus::published})
    tabs.push_back({{"label", std::string(status_label(s))}, {"url", "/quan-tri/bai-viet?trang-thai=" + std::string(status_slug(s))},
                    {"current", current == s}});
  return tabs;
}

nlohmann::json edit_view(web::Site& site, PortalService& portal, web::Visitor& v, const std::string& title,
                         const PostInput& in, const std::optional<Post>& post) {
  auto view = site.base_view(v, title);
  view["form"] = form_view(in);
  view["categories"] = category_options(portal, in.category_slug);
  if (post) {
    view["post"] = post_view(*post);
    view["action"] = "/quan-tri/bai-viet/" + std::to_string(post->id);
    view["status"] = std::string(status_label(post->status));
    view["review_comment"] = post->review_comment;
    view["can_submit"] = post->status == PostStatus::draft || post->status == PostStatus::returned;
    view["can_review"] = perm::publish_posts.allows(v.user->role) && post->status == PostStatus::pending;
    view["can_return_published"] = perm::publish_posts.allows(v.user->role) && post->status == PostStatus::published;
    view["is_published"] = post->status == PostStatus::published;
    view["preview_url"] = "/quan-tri/bai-viet/" + std::to_string(post->id) + "/xem-truoc";
    nlohmann::json versions = nlohmann::json::array();
    for (const auto& ver : portal.versions(post->id))
      versions.push_back({{"version", ver.version}, {"status", std::string(status_label(parse_status(ver.status).value_or(PostStatus::draft)))},
                          {"title", ver.title}, {"editor", ver.editor_name}, {"note", ver.note}, {"at", core::format_vn_datetime(ver.created_at)}});
    view["versions"] = versions;
    if (post->version > static_cast<int>(versions.size()))
      view["versions_note"] = "Hiển thị " + std::to_string(versions.size()) + " phiên bản gần nhất trong tổng số " + std::to_string(post->version) + ".";
  } else {
    view["action"] = "/quan-tri/bai-viet/moi";
  }
  return view;
}

nlohmann::json categories_view(web::Site& site, PortalService& portal, web::Visitor& v) {
  auto view = site.base_view(v, "Chuyên mục");
  nlohmann::json list = nlohmann::json::array();
  for (const auto& c : portal.categories()) {
    auto cv = category_view(c);
    cv["position"] = c.position;
    cv["action"] = "/quan-tri/chuyen-muc/" + std::to_string(c.id);
    list.push_back(cv);
  }
  view["categories"] = list;
  return view;
}

http::Response save_category(web::Site& site, PortalService& portal, web::Visitor& v,
                             std::optional<std::int64_t> id) {
  const auto& f = v.form;
  int position = 0;
  try {
    position = f.get("position").empty() ? 0 : std::stoi(f.get("position"));
  } catch (...) {
    position = -1;
  }
  core::Result<Category> saved = position < 0 || position > 1000
      ? core::fail(core::ServiceError::invalid("Thứ tự phải là số từ 0 đến 1000.", {{"position", "Thứ tự phải là số từ 0 đến 1000."}}))
      : portal.save_category(*v.user, v.actor(), id, f.get("name"), f.get("slug"), f.get("description"), position);
  if (!saved) {
    auto view = categories_view(site, portal, v);
    add_errors(view, saved.error());
    view["form"] = {{"name", f.get("name")}, {"slug", f.get("slug")}, {"description", f.get("description")}, {"position", f.get("position")}};
    return site.page("admin/categories", view, core::http_status(saved.error().kind));
  }
  return http::Response::redirect("/quan-tri/chuyen-muc");
}

http::Response bad_request(web::Site& site, web::Visitor& v, const std::string& message) {
  auto view = site.base_view(v, "Yêu cầu không hợp lệ");
  view["message"] = message;
  return site.page("errors/error", view, 400);
}

// /quan-tri: the back office's first page, with the post counts by status.
void add_dashboard(web::Site& site, PortalService& portal) {
  site.add(web::page("/quan-tri", web::needs(auth::enter_back_office)), [&](http::Request&, web::Visitor& v) {
    auto view = site.base_view(v, "Trang quản trị");
    view["can_write"] = perm::write_posts.allows(v.user->role);
    view["can_manage_users"] = auth::manage_users.allows(v.user->role);
    view["can_manage_categories"] = perm::manage_categories.allows(v.user->role);
    if (perm::write_posts.allows(v.user->role)) {
      nlohmann::json counts = nlohmann::json::array();
      for (auto s : {PostStatus::draft, PostStatus::pending, PostStatus::returned, PostStatus::published})
        counts.push_back({{"label", std::string(status_label(s))}, {"count", portal.back_office_count(*v.user, s)},
                          {"url", "/quan-tri/bai-viet?trang-thai=" + std::string(status_slug(s))}});
      view["counts"] = counts;
    }
    return site.page("admin/dashboard", view);
  });
}

// /quan-tri/bai-viet: the posts an editor may see, by status, a page at a time.
void add_post_list(web::Site& site, PortalService& portal) {
  site.add(web::page("/quan-tri/bai-viet", web::needs(perm::write_posts)), [&](http::Request& r, web::Visitor& v) {
    std::optional<PostStatus> status;
    if (auto s = r.query_param("trang-thai"); s && !s->empty()) {
      status = parse_status(*s);
      if (!status) return bad_request(site, v, "Trạng thái bài viết không hợp lệ.");
    }
    web::ParamError err;
    auto page = web::int_param(r, "trang", 1, 1, 100000, err);
    if (!page) return bad_request(site, v, err.message);
    auto posts = portal.back_office_list(*v.user, status, {kBackOfficePerPage, static_cast<std::size_t>(*page - 1) * kBackOfficePerPage});
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& p : posts) {
      auto row = post_view(p);
      row["status"] = std::string(status_label(p.status));
      row["status_slug"] = std::string(status_slug(p.status));
      row["edit_url"] = "/quan-tri/bai-viet/" + std::to_string(p.id);
      row["updated_display"] = core::format_vn_datetime(p.updated_at);
      rows.push_back(row);
    }
    auto view = site.base_view(v, "Quản lý bài viết");
    view["posts"] = rows;
    view["tabs"] = status_tabs(status);
    std::string base = "/quan-tri/bai-viet" + (status ? "?trang-thai=" + std::string(status_slug(*status)) : std::string());
    view["pagination"] = web::pagination_view(base, portal.back_office_count(*v.user, status), kBackOfficePerPage, static_cast<std::size_t>(*page));
    return site.page("admin/posts", view);
  });
}

// Writing and editing a post: the form, saving it, and its preview.
void add_post_editing(web::Site& site, PortalService& portal) {
  site.add(web::page("/quan-tri/bai-viet/moi", web::needs(perm::write_posts)), [&](http::Request&, web::Visitor& v) {
    return site.page("admin/post_edit", edit_view(site, portal, v, "Viết bài mới", PostInput{}, std::nullopt));
  });

  site.add(web::upload("/quan-tri/bai-viet/moi", web::needs(perm::write_posts)), [&](http::Request&, web::Visitor& v) {
    auto in = input_from(v.form);
    auto created = portal.create_post(*v.user, v.actor(), in, cover_from(v.form));
    if (!created) {
      auto view = edit_view(site, portal, v, "Viết bài mới", in, std::nullopt);
      add_errors(view, created.error());
      return site.page("admin/post_edit", view, core::http_status(created.error().kind));
    }
    return http::Response::redirect("/quan-tri/bai-viet/" + std::to_string(created->id) + "?da-luu=1");
  });

  site.add(web::page("/quan-tri/bai-viet/{id}", web::needs(perm::write_posts)), [&](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    if (!id) return site.not_found_page(v);
    auto post = portal.editable_post(*v.user, *id);
    if (!post) return post.error().kind == core::ErrorKind::forbidden ? site.forbidden_page(v) : site.not_found_page(v);
    auto view = edit_view(site, portal, v, "Sửa bài viết", input_of(*post), *post);
    if (r.query_param("da-luu")) view["notice"] = "Đã lưu bài viết.";
    if (auto s = r.query_param("da-chuyen")) view["notice"] = "Đã cập nhật trạng thái: " + std::string(status_label(post->status)) + ".";
    return site.page("admin/post_edit", view);
  });

  site.add(web::page("/quan-tri/bai-viet/{id}/xem-truoc", web::needs(perm::write_posts)), [&](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    auto post = id ? portal.editable_post(*v.user, *id) : core::fail(core::ServiceError::not_found());
    if (!post) return site.not_found_page(v);
    auto view = site.base_view(v, "Xem trước: " + post->title);
    view["post"] = post_view(*post, true);
    view["preview"] = true;
    return site.page("portal/post", view);
  });

  site.add(web::upload("/quan-tri/bai-viet/{id}", web::needs(perm::write_posts)), [&](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    if (!id) return site.not_found_page(v);
    auto in = input_from(v.form);
    auto updated = portal.update_post(*v.user, v.actor(), *id, in, cover_from(v.form));
    if (!updated) {
      auto existing = portal.editable_post(*v.user, *id);
      if (!existing) return site.not_found_page(v);
      auto view = edit_view(site, portal, v, "Sửa bài viết", in, *existing);
      add_errors(view, updated.error());
      return site.page("admin/post_edit", view, core::http_status(updated.error().kind));
    }
    return http::Response::redirect("/quan-tri/bai-viet/" + std::to_string(*id) + "?da-luu=1");
  });
}

// The review workflow: submit for review, publish, return to the author with a comment.
void add_post_workflow(web::Site& site, PortalService& portal) {
  struct Action {
    const char* path;
    std::function<core::Result<Post>(const auth::User&, const auth::Actor&, std::int64_t, const std::string&)> run;
  };
  std::vector<Action> actions = {
      {"gui-duyet", [&](const auth::User& u, const auth::Actor& a, std::int64_t id, const std::string&) { return portal.submit(u, a, id); }},
      {"xuat-ban", [&](const auth::User& u, const auth::Actor& a, std::int64_t id, const std::string&) { return portal.publish(u, a, id); }},
      {"tra-lai", [&](const auth::User& u, const auth::Actor& a, std::int64_t id, const std::string& c) { return portal.return_to_author(u, a, id, c); }},
  };
  for (const auto& action : actions) {
    site.add(web::form(std::string("/quan-tri/bai-viet/{id}/") + action.path, web::needs(perm::write_posts)), [&, run = action.run](http::Request& r, web::Visitor& v) {
      auto id = web::parse_id(r.params["id"]);
      if (!id) return site.not_found_page(v);
      auto result = run(*v.user, v.actor(), *id, v.form.get("comment"));
      if (!result) {
        if (result.error().kind == core::ErrorKind::not_found) return site.not_found_page(v);
        auto existing = portal.editable_post(*v.user, *id);
        if (!existing) return site.forbidden_page(v);
        auto view = edit_view(site, portal, v, "Sửa bài viết", input_of(*existing), *existing);
        add_errors(view, result.error());
        view["comment"] = v.form.get("comment");
        return site.page("admin/post_edit", view, core::http_status(result.error().kind));
      }
      return http::Response::redirect("/quan-tri/bai-viet/" + std::to_string(*id) + "?da-chuyen=1");
    });
  }
}

// /quan-tri/chuyen-muc: categories listed, added, changed and deleted.
void add_categories(web::Site& site, PortalService& portal) {
  site.add(web::page("/quan-tri/chuyen-muc", web::needs(perm::manage_categories)), [&](http::Request&, web::Visitor& v) {
    return site.page("admin/categories", categories_view(site, portal, v));
  });
  site.add(web::form("/quan-tri/chuyen-muc", web::needs(perm::manage_categories)), [&](http::Request&, web::Visitor& v) { return save_category(site, portal, v, std::nullopt); });
  site.add(web::form("/quan-tri/chuyen-muc/{id}", web::needs(perm::manage_categories)), [&](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    if (!id) return site.not_found_page(v);
    return save_category(site, portal, v, id);
  });
  site.add(web::form("/quan-tri/chuyen-muc/{id}/xoa", web::needs(perm::manage_categories)), [&](http::Request& r, web::Visitor& v) {
    auto id = web::parse_id(r.params["id"]);
    if (!id) return site.not_found_page(v);
    auto done = portal.delete_category(*v.user, v.actor(), *id);
    if (!done) {
      auto view = categories_view(site, portal, v);
      add_errors(view, done.error());
      return site.page("admin/categories", view, core::http_status(done.error().kind));
    }
    return http::Response::redirect("/quan-tri/chuyen-muc");
  });
}

}  // namespace

void register_admin_routes(web::Site& site, PortalService& portal) {
  add_dashboard(site, portal);
  add_post_list(site, portal);
  add_post_editing(site, portal);
  add_post_workflow(site, portal);
  add_categories(site, portal);
}

}  // namespace portal
