#pragma once
#include "db/database.h"
#include "portal/model.h"

namespace portal {

// Filters for listing posts. `visible_at` restricts to published posts whose publish time has
// come (what the public sees).
struct PostQuery {
  std::optional<std::int64_t> visible_at;
  std::optional<std::int64_t> category_id;
  std::optional<PostStatus> status;
  std::optional<std::int64_t> author_id;
  std::optional<std::string> tag_slug;
  bool featured_only = false;
  Page page;
};

class PostRepository {
 public:
  explicit PostRepository(db::Connection& c) : c_(c) {}
  // Posts published (by their publication time) in [from, to): a figure of the PBGDPL reports.
  std::int64_t count_published(std::int64_t from, std::int64_t to);
  std::int64_t insert(const Post& p);  // throws db::ConstraintError on a duplicate slug
  void update(const Post& p);
  std::optional<Post> find(std::int64_t id);
  std::optional<Post> find_by_slug(const std::string& slug);
  std::vector<Post> list(const PostQuery& q);  // newest first; bodies not loaded
  std::int64_t count(const PostQuery& q);
  // Every slug that is `base` or starts with "base-" (one query), except post `except_id`'s.
  std::vector<std::string> slugs_starting(const std::string& base, std::int64_t except_id = 0);
  void set_tags(std::int64_t post_id, const std::vector<std::string>& tags);
  void add_version(const Post& p, std::optional<std::int64_t> editor_id, const std::string& note);
  // The post's latest `limit` versions, newest first.
  std::vector<PostVersion> versions(std::int64_t post_id, std::size_t limit);
  // Visible posts sharing a tag or the category with `p`, most shared tags first.
  std::vector<Post> related(const Post& p, std::int64_t now, std::size_t limit);
  // Earliest publish time still in the future, for cache expiry.
  std::optional<std::int64_t> next_scheduled(std::int64_t now);

 private:
  void load_tags(Post& p);
  db::Connection& c_;
};

}  // namespace portal
