#include "portal/model.h"

namespace portal {

std::string_view status_slug(PostStatus s) {
  switch (s) {
    case PostStatus::draft: return "draft";
    case PostStatus::pending: return "pending";
    case PostStatus::published: return "published";
    case PostStatus::returned: return "returned";
  }
  return "draft";
}

std::string_view status_label(PostStatus s) {
  switch (s) {
    case PostStatus::draft: return "Bản nháp";
    case PostStatus::pending: return "Chờ duyệt";
    case PostStatus::published: return "Đã xuất bản";
    case PostStatus::returned: return "Trả lại";
  }
  return "";
}

std::optional<PostStatus> parse_status(std::string_view s) {
  for (auto st : {PostStatus::draft, PostStatus::pending, PostStatus::published, PostStatus::returned})
    if (status_slug(st) == s) return st;
  return std::nullopt;
}

}  // namespace portal
