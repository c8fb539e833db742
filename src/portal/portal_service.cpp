#include "portal/portal_service.h"

#include "portal/permissions.h"

#include "core/random.h"
#include "core/strings.h"
#include "core/time.h"
#include "core/utf8.h"
#include "core/media.h"
#include "portal/category_repository.h"
#include "web/markdown.h"

#include <filesystem>
#include <fstream>

namespace portal {

namespace fs = std::filesystem;

std::vector<std::string> split_tags(const std::string& tags) {
  std::vector<std::string> out;
  for (auto& t : core::split_clean(tags, ',')) {
    bool dup = false;
    for (const auto& o : out) dup |= core::slugify(o) == core::slugify(t);
    if (!dup && !core::slugify(t).empty()) out.push_back(std::move(t));
  }
  return out;
}

std::map<std::string, std::string> PortalService::validate(const PostInput& in) {
  std::map<std::string, std::string> e;
  auto title = core::clean_text(in.title);
  if (title.empty()) e["title"] = "Vui lòng nhập tiêu đề.";
  else if (core::utf8_length(title) > 250) e["title"] = "Tiêu đề không được dài quá 250 ký tự.";
  if (core::utf8_length(in.summary) > 1000) e["summary"] = "Tóm tắt không được dài quá 1000 ký tự.";
  if (core::clean_text(in.body_md).empty()) e["body_md"] = "Vui lòng nhập nội dung bài viết.";
  else if (in.body_md.size() > 500'000) e["body_md"] = "Nội dung quá dài (tối đa khoảng 500.000 ký tự).";
  if (in.category_slug.empty()) e["category"] = "Vui lòng chọn chuyên mục.";
  if (split_tags(in.tags).size() > 15) e["tags"] = "Tối đa 15 thẻ.";
  if (!in.publish_at.empty() && !core::parse_vn_datetime_local(in.publish_at))
    e["publish_at"] = "Thời điểm xuất bản không hợp lệ.";
  return e;
}

// ---- public reading ----

std::vector<Category> PortalService::categories() {
  auto c = database_.acquire();
  return CategoryRepository(*c).list();
}

std::optional<Category> PortalService::category(const std::string& slug) {
  auto c = database_.acquire();
  return CategoryRepository(*c).find_by_slug(slug);
}

std::vector<Post> PortalService::featured(std::size_t limit) {
  PostQuery q;
  q.featured_only = true;
  q.page = {limit, 0};
  return published(q);
}

std::vector<HomeSection> PortalService::home_sections(std::size_t per_category) {
  std::vector<HomeSection> out;
  auto c = database_.acquire();
  PostRepository posts(*c);
  auto now = core::now_unix();
  for (auto& cat : CategoryRepository(*c).list()) {
    PostQuery q;
    q.visible_at = now;
    q.category_id = cat.id;
    q.page = {per_category, 0};
    auto list = posts.list(q);
    if (!list.empty()) out.push_back({std::move(cat), std::move(list)});
  }
  return out;
}

std::vector<Post> PortalService::published(const PostQuery& query) {
  PostQuery q = query;
  q.visible_at = core::now_unix();
  auto c = database_.acquire();
  return PostRepository(*c).list(q);
}

std::int64_t PortalService::count_published(PostQuery q) {
  q.visible_at = core::now_unix();
  auto c = database_.acquire();
  return PostRepository(*c).count(q);
}

std::optional<Post> PortalService::published_post(const std::string& slug) {
  auto c = database_.acquire();
  auto p = PostRepository(*c).find_by_slug(slug);
  if (!p || p->status != PostStatus::published || p->publish_at.value_or(0) > core::now_unix()) return std::nullopt;
  return p;
}

std::optional<Post> PortalService::published_post(std::int64_t id) {
  auto c = database_.acquire();
  auto p = PostRepository(*c).find(id);
  if (!p || p->status != PostStatus::published || p->publish_at.value_or(0) > core::now_unix()) return std::nullopt;
  return p;
}

std::vector<Post> PortalService::related(const Post& p, std::size_t limit) {
  auto c = database_.acquire();
  return PostRepository(*c).related(p, core::now_unix(), limit);
}

std::optional<std::int64_t> PortalService::next_scheduled() {
  auto c = database_.acquire();
  return PostRepository(*c).next_scheduled(core::now_unix());
}

// ---- back office ----

bool PortalService::may_edit(const auth::User& user, const Post& p) const {
  if (perm::publish_posts.allows(user.role)) return true;
  return perm::write_posts.allows(user.role) && p.author_id == user.id &&
         (p.status == PostStatus::draft || p.status == PostStatus::returned);
}

core::Result<std::string> PortalService::store_cover(const Cover& cover) {
  if (cover.data.size() > max_cover_bytes_)
    return core::fail(core::ServiceError::invalid(
        "Ảnh đại diện quá lớn.", {{"cover", "Ảnh đại diện không được lớn hơn " + std::to_string(max_cover_bytes_ / (1024 * 1024)) + " MB."}}));
  auto type = core::sniff_image_type(cover.data);
  if (!type)
    return core::fail(core::ServiceError::invalid(
        "Ảnh đại diện không hợp lệ.", {{"cover", "Chỉ chấp nhận ảnh JPEG, PNG, WebP hoặc GIF."}}));
  fs::path dir = fs::path(uploads_dir_) / "covers";
  fs::create_directories(dir);
  std::string name = core::random_token(12) + "." + *type;
  fs::path tmp = dir / (name + ".tmp");
  {
    std::ofstream out(tmp, std::ios::binary);
    out.write(cover.data.data(), static_cast<std::streamsize>(cover.data.size()));
    if (!out) throw std::runtime_error("cannot write upload " + tmp.string());
  }
  fs::rename(tmp, dir / name);  // readers never see a half-written file
  return name;
}

namespace {
std::string unique_slug(PostRepository& posts, const std::string& title, std::int64_t own_id = 0) {
  std::string base = core::slugify(title, 80);
  if (base.empty()) base = "bai-viet";
  return core::first_free_slug(base, posts.slugs_starting(base, own_id));
}

// The category the form names, or the form's errors (an unknown category among them) when the
// post cannot be saved.
core::Result<Category> category_or_errors(db::Connection& c, const PostInput& in, std::map<std::string, std::string>& errors) {
  auto category = CategoryRepository(c).find_by_slug(in.category_slug);
  if (!category && !errors.count("category")) errors["category"] = "Chuyên mục không tồn tại.";
  if (!errors.empty()) return core::fail(core::ServiceError::invalid("Vui lòng kiểm tra lại bài viết.", errors));
  return *category;
}

// What the editor wrote, into `p`: title, category, summary, body and its HTML, cover, featured, tags.
void apply_input(Post& p, const PostInput& in, std::int64_t category_id, const std::optional<std::string>& cover_name) {
  p.title = core::clean_text(in.title);
  p.category_id = category_id;
  p.summary = core::clean_text(in.summary);
  p.body_md = in.body_md;
  p.body_html = web::markdown_to_html(in.body_md);
  p.cover_image = cover_name;
  p.featured = in.featured;
  p.tags = split_tags(in.tags);
}
}  // namespace

core::Result<Post> PortalService::create_post(const auth::User& user, const auth::Actor& actor, const PostInput& in,
                                              const std::optional<Cover>& cover) {
  if (!perm::write_posts.allows(user.role)) return core::fail(core::ServiceError::forbidden());
  auto errors = validate(in);
  std::optional<std::string> cover_name;
  if (errors.empty() && cover) {
    auto stored = store_cover(*cover);
    if (!stored) return core::fail(stored.error());
    cover_name = *stored;
  }
  // Two editors saving the same title at once may race for a slug: the loser retries.
  for (int attempt = 0;; ++attempt) {
    try {
      return insert_post(user, actor, in, cover_name, errors);
    } catch (const db::ConstraintError&) {
      if (attempt == 2) throw;
    }
  }
}

core::Result<Post> PortalService::insert_post(const auth::User& user, const auth::Actor& actor, const PostInput& in,
                                              const std::optional<std::string>& cover_name,
                                              std::map<std::string, std::string> errors) {
  auto c = database_.acquire();
  db::Transaction tx(*c);
  auto category = category_or_errors(*c, in, errors);
  if (!category) return core::fail(category.error());
  PostRepository posts(*c);
  Post p;
  apply_input(p, in, category->id, cover_name);
  p.slug = unique_slug(posts, p.title);
  p.author_id = user.id;
  p.status = PostStatus::draft;
  if (!in.publish_at.empty()) p.publish_at = core::parse_vn_datetime_local(in.publish_at);
  p.created_at = p.updated_at = core::now_unix();
  p.id = posts.insert(p);
  posts.set_tags(p.id, p.tags);
  posts.add_version(p, user.id, "Tạo bài viết");
  auth::record_audit(*c, actor, "post.create", "post:" + std::to_string(p.id), p.title);
  tx.commit();
  return p;
}

core::Result<Post> PortalService::update_post(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                              const PostInput& in, const std::optional<Cover>& cover) {
  auto errors = validate(in);
  auto c = database_.acquire();
  std::optional<Post> existing = PostRepository(*c).find(id);
  if (!existing) return core::fail(core::ServiceError::not_found("Không tìm thấy bài viết."));
  if (!may_edit(user, *existing)) return core::fail(core::ServiceError::forbidden("Bạn không thể sửa bài viết này ở trạng thái hiện tại."));
  std::optional<std::string> cover_name = existing->cover_image;
  if (errors.empty() && cover) {
    auto stored = store_cover(*cover);
    if (!stored) return core::fail(stored.error());
    cover_name = *stored;
  }
  db::Transaction tx(*c);
  PostRepository posts(*c);
  auto category = category_or_errors(*c, in, errors);
  if (!category) return core::fail(category.error());
  Post p = *posts.find(id);  // re-read inside the transaction
  if (p.version != in.expected_version.value_or(existing->version))
    return core::fail(core::ServiceError::conflict("Bài viết vừa được người khác sửa. Vui lòng tải lại và sửa lại."));
  apply_input(p, in, category->id, cover_name);
  if (p.status != PostStatus::published) p.slug = unique_slug(posts, p.title, p.id);  // published links stay stable
  p.publish_at = in.publish_at.empty() ? (p.status == PostStatus::published ? p.publish_at : std::nullopt)
                                       : core::parse_vn_datetime_local(in.publish_at);
  p.version += 1;
  p.updated_at = core::now_unix();
  posts.update(p);
  posts.set_tags(p.id, p.tags);
  posts.add_version(p, user.id, "Sửa nội dung");
  auth::record_audit(*c, actor, "post.update", "post:" + std::to_string(p.id), p.title);
  bool visible = p.status == PostStatus::published;
  if (visible) changes_.record(*c, "posts");
  tx.commit();
  if (visible) changes_.notify("posts");
  return p;
}

core::Result<Post> PortalService::transition(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                             PostStatus to, const std::string& comment) {
  auto c = database_.acquire();
  db::Transaction tx(*c);
  PostRepository posts(*c);
  auto found = posts.find(id);
  if (!found) return core::fail(core::ServiceError::not_found("Không tìm thấy bài viết."));
  Post p = *found;
  std::string action, note;
  switch (to) {
    case PostStatus::pending:
      if (!may_edit(user, p)) return core::fail(core::ServiceError::forbidden());
      if (p.status != PostStatus::draft && p.status != PostStatus::returned)
        return core::fail(core::ServiceError::conflict("Chỉ gửi duyệt được bản nháp hoặc bài bị trả lại."));
      action = "post.submit";
      note = "Gửi duyệt";
      break;
    case PostStatus::published:
      if (!perm::publish_posts.allows(user.role)) return core::fail(core::ServiceError::forbidden("Chỉ người duyệt mới được xuất bản bài viết."));
      if (p.status != PostStatus::pending) return core::fail(core::ServiceError::conflict("Chỉ xuất bản được bài đang chờ duyệt."));
      if (!p.publish_at || *p.publish_at < core::now_unix()) p.publish_at = core::now_unix();
      action = "post.publish";
      note = "Xuất bản";
      break;
    case PostStatus::returned:
      if (!perm::publish_posts.allows(user.role)) return core::fail(core::ServiceError::forbidden("Chỉ người duyệt mới được trả lại bài viết."));
      if (p.status != PostStatus::pending && p.status != PostStatus::published)
        return core::fail(core::ServiceError::conflict("Chỉ trả lại được bài đang chờ duyệt hoặc đã xuất bản."));
      if (core::clean_text(comment).empty())
        return core::fail(core::ServiceError::invalid("Vui lòng ghi lý do trả lại.", {{"comment", "Vui lòng ghi lý do trả lại."}}));
      p.review_comment = core::clean_text(comment);
      action = "post.return";
      note = "Trả lại: " + p.review_comment;
      break;
    case PostStatus::draft:
      return core::fail(core::ServiceError::invalid("Chuyển trạng thái không hợp lệ."));
  }
  bool was_visible = p.status == PostStatus::published;
  p.status = to;
  if (to == PostStatus::pending) p.review_comment.clear();
  p.version += 1;
  p.updated_at = core::now_unix();
  posts.update(p);
  posts.add_version(p, user.id, note);
  auth::record_audit(*c, actor, action, "post:" + std::to_string(p.id), note);
  bool affects_public = was_visible || to == PostStatus::published;
  if (affects_public) changes_.record(*c, "posts");
  tx.commit();
  if (affects_public) changes_.notify("posts");
  return p;
}

core::Result<Post> PortalService::submit(const auth::User& user, const auth::Actor& actor, std::int64_t id) {
  return transition(user, actor, id, PostStatus::pending, "");
}
core::Result<Post> PortalService::publish(const auth::User& user, const auth::Actor& actor, std::int64_t id) {
  return transition(user, actor, id, PostStatus::published, "");
}
core::Result<Post> PortalService::return_to_author(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                                   const std::string& comment) {
  return transition(user, actor, id, PostStatus::returned, comment);
}

core::Result<Post> PortalService::editable_post(const auth::User& user, std::int64_t id) {
  if (!perm::write_posts.allows(user.role)) return core::fail(core::ServiceError::forbidden());
  auto c = database_.acquire();
  auto p = PostRepository(*c).find(id);
  if (!p) return core::fail(core::ServiceError::not_found("Không tìm thấy bài viết."));
  if (!perm::publish_posts.allows(user.role) && p->author_id != user.id) return core::fail(core::ServiceError::forbidden());
  return *p;
}

std::vector<Post> PortalService::back_office_list(const auth::User& user, std::optional<PostStatus> status, Page page) {
  PostQuery q;
  q.status = status;
  q.page = page;
  if (!perm::publish_posts.allows(user.role)) q.author_id = user.id;  // editors see their own posts
  auto c = database_.acquire();
  return PostRepository(*c).list(q);
}

std::int64_t PortalService::back_office_count(const auth::User& user, std::optional<PostStatus> status) {
  PostQuery q;
  q.status = status;
  if (!perm::publish_posts.allows(user.role)) q.author_id = user.id;
  auto c = database_.acquire();
  return PostRepository(*c).count(q);
}

std::vector<PostVersion> PortalService::versions(std::int64_t post_id) {
  auto c = database_.acquire();
  return PostRepository(*c).versions(post_id, kShownVersions);
}

core::Result<Category> PortalService::save_category(const auth::User& user, const auth::Actor& actor,
                                                    std::optional<std::int64_t> id, const std::string& name,
                                                    const std::string& slug_in, const std::string& description,
                                                    int position) {
  if (!perm::manage_categories.allows(user.role)) return core::fail(core::ServiceError::forbidden());
  Category cat;
  cat.name = core::clean_text(name);
  cat.slug = core::slugify(slug_in.empty() ? cat.name : slug_in);
  cat.description = core::clean_text(description);
  cat.position = position;
  std::map<std::string, std::string> e;
  if (cat.name.empty()) e["name"] = "Vui lòng nhập tên chuyên mục.";
  else if (core::utf8_length(cat.name) > 100) e["name"] = "Tên chuyên mục không được dài quá 100 ký tự.";
  if (cat.slug.empty()) e["slug"] = "Đường dẫn chỉ gồm chữ cái không dấu, chữ số và dấu gạch ngang.";
  if (!e.empty()) return core::fail(core::ServiceError::invalid("Vui lòng kiểm tra lại chuyên mục.", e));
  auto c = database_.acquire();
  try {
    db::Transaction tx(*c);
    CategoryRepository repo(*c);
    if (id) {
      if (!repo.find(*id)) return core::fail(core::ServiceError::not_found("Không tìm thấy chuyên mục."));
      cat.id = *id;
      repo.update(cat);
    } else {
      cat.id = repo.insert(cat);
    }
    auth::record_audit(*c, actor, id ? "category.update" : "category.create", "category:" + std::to_string(cat.id), cat.name);
    changes_.record(*c, "categories");
    tx.commit();
  } catch (const db::ConstraintError&) {
    return core::fail(core::ServiceError::invalid("Đường dẫn đã được dùng.", {{"slug", "Đường dẫn này đã được chuyên mục khác dùng."}}));
  }
  changes_.notify("categories");
  return cat;
}

core::Result<void> PortalService::delete_category(const auth::User& user, const auth::Actor& actor, std::int64_t id) {
  if (!perm::manage_categories.allows(user.role)) return core::fail(core::ServiceError::forbidden());
  auto c = database_.acquire();
  db::Transaction tx(*c);
  CategoryRepository repo(*c);
  auto cat = repo.find(id);
  if (!cat) return core::fail(core::ServiceError::not_found("Không tìm thấy chuyên mục."));
  if (repo.post_count(id) > 0)
    return core::fail(core::ServiceError::conflict("Chuyên mục còn bài viết: hãy chuyển bài viết sang chuyên mục khác trước khi xoá."));
  repo.remove(id);
  auth::record_audit(*c, actor, "category.delete", "category:" + std::to_string(id), cat->name);
  changes_.record(*c, "categories");
  tx.commit();
  changes_.notify("categories");
  return {};
}

}  // namespace portal
