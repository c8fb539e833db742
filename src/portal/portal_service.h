#pragma once
// Editorial rules: who may write, submit, publish or return a post; every change versioned,
// audited and announced on the change feed, in one transaction.
#include "auth/audit_log.h"
#include "auth/user.h"
#include "core/error.h"
#include "db/change_feed.h"
#include "db/database.h"
#include "portal/model.h"
#include "portal/post_repository.h"

namespace portal {

struct Cover {
  std::string data;  // image bytes as uploaded
};

struct HomeSection {
  Category category;
  std::vector<Post> posts;
};

class PortalService {
 public:
  PortalService(db::Database& database, db::ChangeFeed& changes, std::string uploads_dir, std::size_t max_cover_bytes)
      : database_(database), changes_(changes), uploads_dir_(std::move(uploads_dir)), max_cover_bytes_(max_cover_bytes) {}

  // Public reading: only published posts whose time has come.
  std::vector<Category> categories();
  std::optional<Category> category(const std::string& slug);
  std::vector<Post> featured(std::size_t limit);
  std::vector<HomeSection> home_sections(std::size_t per_category);
  std::vector<Post> published(const PostQuery& q);  // q.visible_at is set to now
  std::int64_t count_published(PostQuery q);
  std::optional<Post> published_post(const std::string& slug);
  std::optional<Post> published_post(std::int64_t id);
  std::vector<Post> related(const Post& p, std::size_t limit);
  std::optional<std::int64_t> next_scheduled();

  // Back office.
  core::Result<Post> create_post(const auth::User& user, const auth::Actor& actor, const PostInput& in,
                                 const std::optional<Cover>& cover);
  core::Result<Post> update_post(const auth::User& user, const auth::Actor& actor, std::int64_t id, const PostInput& in,
                                 const std::optional<Cover>& cover);
  core::Result<Post> submit(const auth::User& user, const auth::Actor& actor, std::int64_t id);
  core::Result<Post> publish(const auth::User& user, const auth::Actor& actor, std::int64_t id);
  core::Result<Post> return_to_author(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                      const std::string& comment);
  core::Result<Post> editable_post(const auth::User& user, std::int64_t id);
  std::vector<Post> back_office_list(const auth::User& user, std::optional<PostStatus> status, Page page);
  std::int64_t back_office_count(const auth::User& user, std::optional<PostStatus> status);
  // The latest kShownVersions versions of a post, newest first (its version number is how many it has).
  static constexpr std::size_t kShownVersions = 20;
  std::vector<PostVersion> versions(std::int64_t post_id);

  core::Result<Category> save_category(const auth::User& user, const auth::Actor& actor, std::optional<std::int64_t> id,
                                       const std::string& name, const std::string& slug, const std::string& description,
                                       int position);
  core::Result<void> delete_category(const auth::User& user, const auth::Actor& actor, std::int64_t id);

  // Validates without saving: the same messages a form shows.
  static std::map<std::string, std::string> validate(const PostInput& in);

 private:
  core::Result<Post> insert_post(const auth::User& user, const auth::Actor& actor, const PostInput& in,
                                 const std::optional<std::string>& cover_name, std::map<std::string, std::string> errors);
  core::Result<Post> transition(const auth::User& user, const auth::Actor& actor, std::int64_t id, PostStatus to,
                                const std::string& comment);
  core::Result<std::string> store_cover(const Cover& cover);
  bool may_edit(const auth::User& user, const Post& p) const;
  db::Database& database_;
  db::ChangeFeed& changes_;
  std::string uploads_dir_;
  std::size_t max_cover_bytes_;
};

// Tags typed comma-separated: each cleaned; empty ones and repeats (same slug) dropped.
std::vector<std::string> split_tags(const std::string& tags);

}  // namespace portal
