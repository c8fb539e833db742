#pragma once
// Portal content: categories (chuyên mục) and posts (bài viết). "Article" is kept for the Điều
// of legal documents, so news items are posts throughout the code.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace portal {

struct Category {
  std::int64_t id = 0;
  std::string slug;
  std::string name;
  std::string description;
  int position = 0;
};

// draft → pending (submitted for review) → published, or pending → returned (with a comment) → pending ...
enum class PostStatus { draft, pending, published, returned };
std::string_view status_slug(PostStatus s);
std::string_view status_label(PostStatus s);  // Vietnamese
std::optional<PostStatus> parse_status(std::string_view s);

struct Post {
  std::int64_t id = 0;
  std::string slug;
  std::int64_t category_id = 0;
  std::string category_slug;
  std::string category_name;
  std::string title;
  std::string summary;
  std::string body_md;
  std::string body_html;
  std::optional<std::string> cover_image;  // file name under uploads/covers/
  std::int64_t author_id = 0;
  std::string author_name;
  PostStatus status = PostStatus::draft;
  bool featured = false;
  std::optional<std::int64_t> publish_at;  // when it becomes visible (scheduled publishing)
  std::string review_comment;
  int version = 1;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::vector<std::string> tags;
};

// What an editor submits.
struct PostInput {
  std::string title;
  std::string summary;
  std::string body_md;
  std::string category_slug;
  std::string tags;  // comma-separated
  bool featured = false;
  std::string publish_at;  // datetime-local in Vietnam time, or empty for "now"
  std::optional<int> expected_version;  // the version the form was loaded from: stale edits are refused
};

struct PostVersion {
  int version = 0;
  std::string status;
  std::string title;
  std::string editor_name;
  std::string note;
  std::int64_t created_at = 0;
};

struct Page {
  std::size_t limit = 20;
  std::size_t offset = 0;
};

}  // namespace portal
