#include "portal/post_repository.h"

#include "core/time.h"
#include "core/utf8.h"
#include "db/rows.h"
#include "db/where.h"

namespace portal {

namespace {
constexpr const char* kColumns =
    "p.id, p.slug, p.category_id, c.slug, c.name, p.title, p.summary, p.cover_image, p.author_id, u.display_name, "
    "p.status, p.featured, p.publish_at, p.review_comment, p.version, p.created_at, p.updated_at";
constexpr const char* kFrom = " FROM posts p JOIN categories c ON c.id = p.category_id JOIN users u ON u.id = p.author_id ";

Post post_from_row(const db::Row& r) {
  Post p;
  std::string status;
  db::read_row(r, p.id, p.slug, p.category_id, p.category_slug, p.category_name, p.title, p.summary, p.cover_image,
               p.author_id, p.author_name, status, p.featured, p.publish_at, p.review_comment, p.version, p.created_at,
               p.updated_at);
  p.status = parse_status(status).value_or(PostStatus::draft);
  return p;
}

std::string where_clause(const PostQuery& q, db::Params& params) {
  db::Where w(params);
  w.add_if("p.status = 'published' AND p.publish_at <= ?", q.visible_at);
  w.add_if("p.category_id = ?", q.category_id);
  if (q.status) w.add("p.status = ?", std::string(status_slug(*q.status)));
  w.add_if("p.author_id = ?", q.author_id);
  w.add_if("EXISTS (SELECT 1 FROM post_tags t WHERE t.post_id = p.id AND t.tag_slug = ?)", q.tag_slug);
  if (q.featured_only) w.add("p.featured = 1");
  return w.sql();
}

std::string join_tags(const std::vector<std::string>& tags) {
  std::string s;
  for (const auto& t : tags) s += (s.empty() ? "" : ", ") + t;
  return s;
}
}  // namespace

std::int64_t PostRepository::insert(const Post& p) {
  return c_.query_int(
      "INSERT INTO posts (slug, category_id, title, summary, body_md, body_html, cover_image, author_id, status, "
      "featured, publish_at, review_comment, version, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {p.slug, p.category_id, p.title, p.summary, p.body_md, p.body_html, db::opt(p.cover_image), p.author_id,
       std::string(status_slug(p.status)), std::int64_t(p.featured), db::opt(p.publish_at), p.review_comment,
       std::int64_t(p.version), p.created_at, p.updated_at});
}

void PostRepository::update(const Post& p) {
  c_.execute(
      "UPDATE posts SET slug = ?, category_id = ?, title = ?, summary = ?, body_md = ?, body_html = ?, cover_image = ?, "
      "status = ?, featured = ?, publish_at = ?, review_comment = ?, version = ?, updated_at = ? WHERE id = ?",
      {p.slug, p.category_id, p.title, p.summary, p.body_md, p.body_html, db::opt(p.cover_image),
       std::string(status_slug(p.status)), std::int64_t(p.featured), db::opt(p.publish_at), p.review_comment,
       std::int64_t(p.version), p.updated_at, p.id});
}

std::optional<Post> PostRepository::find(std::int64_t id) {
  auto r = c_.query_one(std::string("SELECT ") + kColumns + ", p.body_md, p.body_html" + kFrom + "WHERE p.id = ?", {id});
  if (!r) return std::nullopt;
  Post p = post_from_row(*r);
  p.body_md = r->text(17);
  p.body_html = r->text(18);
  load_tags(p);
  return p;
}

std::optional<Post> PostRepository::find_by_slug(const std::string& slug) {
  auto r = c_.query_one(std::string("SELECT p.id FROM posts p WHERE p.slug = ?"), {slug});
  if (!r) return std::nullopt;
  return find(r->int64(0));
}

std::vector<Post> PostRepository::list(const PostQuery& q) {
  db::Params params;
  std::string sql = std::string("SELECT ") + kColumns + kFrom + where_clause(q, params) +
                    " ORDER BY COALESCE(p.publish_at, p.updated_at) DESC, p.id DESC LIMIT ? OFFSET ?";
  params.push_back(std::int64_t(q.page.limit));
  params.push_back(std::int64_t(q.page.offset));
  auto out = db::map_rows(c_.query(sql, params), post_from_row);
  for (auto& p : out) load_tags(p);
  return out;
}

std::int64_t PostRepository::count(const PostQuery& q) {
  db::Params params;
  std::string sql = std::string("SELECT COUNT(*)") + kFrom + where_clause(q, params);
  return c_.query_int(sql, params);
}

std::vector<std::string> PostRepository::slugs_starting(const std::string& base, std::int64_t except_id) {
  // Slugs are [a-z0-9-] (core::slugify): nothing in `base` is a LIKE wildcard.
  std::vector<std::string> out;
  for (const auto& r : c_.query("SELECT slug FROM posts WHERE (slug = ? OR slug LIKE ?) AND id <> ?", {base, base + "-%", except_id}))
    out.push_back(r.text(0));
  return out;
}

void PostRepository::set_tags(std::int64_t post_id, const std::vector<std::string>& tags) {
  c_.execute("DELETE FROM post_tags WHERE post_id = ?", {post_id});
  for (const auto& t : tags) {
    std::string slug = core::slugify(t);
    if (slug.empty()) continue;
    c_.execute("INSERT INTO post_tags (post_id, tag_slug, tag) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
               {post_id, slug, t});
  }
}

void PostRepository::load_tags(Post& p) {
  p.tags.clear();
  for (const auto& r : c_.query("SELECT tag FROM post_tags WHERE post_id = ? ORDER BY tag", {p.id}))
    p.tags.push_back(r.text(0));
}

void PostRepository::add_version(const Post& p, std::optional<std::int64_t> editor_id, const std::string& note) {
  c_.execute(
      "INSERT INTO post_versions (post_id, version, status, title, summary, body_md, category_id, tags, editor_id, "
      "note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {p.id, std::int64_t(p.version), std::string(status_slug(p.status)), p.title, p.summary, p.body_md,
       p.category_id, join_tags(p.tags), db::opt(editor_id), note, core::now_unix()});
}

std::vector<PostVersion> PostRepository::versions(std::int64_t post_id, std::size_t limit) {
  return db::map_rows(
      c_.query("SELECT v.version, v.status, v.title, COALESCE(u.display_name, ''), v.note, v.created_at "
               "FROM post_versions v LEFT JOIN users u ON u.id = v.editor_id WHERE v.post_id = ? ORDER BY v.version DESC LIMIT ?",
               {post_id, static_cast<std::int64_t>(limit)}),
      [](const db::Row& r) {
        return PostVersion{static_cast<int>(r.int64(0)), r.text(1), r.text(2), r.text(3), r.text(4), r.int64(5)};
      });
}

std::vector<Post> PostRepository::related(const Post& p, std::int64_t now, std::size_t limit) {
  auto rows = c_.query(
      std::string("SELECT ") + kColumns + kFrom +
          "WHERE p.status = 'published' AND p.publish_at <= ? AND p.id <> ? AND "
          "(p.category_id = ? OR EXISTS (SELECT 1 FROM post_tags t JOIN post_tags mine ON mine.tag_slug = t.tag_slug "
          "WHERE t.post_id = p.id AND mine.post_id = ?)) "
          "ORDER BY (SELECT COUNT(*) FROM post_tags t JOIN post_tags mine ON mine.tag_slug = t.tag_slug "
          "WHERE t.post_id = p.id AND mine.post_id = ?) DESC, p.publish_at DESC LIMIT ?",
      {now, p.id, p.category_id, p.id, p.id, std::int64_t(limit)});
  return db::map_rows(rows, post_from_row);
}

std::optional<std::int64_t> PostRepository::next_scheduled(std::int64_t now) {
  auto r = c_.query_one("SELECT MIN(publish_at) FROM posts WHERE status = 'published' AND publish_at > ?", {now});
  if (!r) return std::nullopt;
  return r->opt_int64(0);
}

std::int64_t PostRepository::count_published(std::int64_t from, std::int64_t to) {
  return c_.query_int("SELECT COUNT(*) FROM posts WHERE status = 'published' AND publish_at >= ? AND publish_at < ?", {from, to});
}

}  // namespace portal
