#include "portal/model.h"

#include "core/enum_names.h"

namespace portal {

constexpr auto kStatusNames = std::to_array<core::EnumName<PostStatus>>({
    {PostStatus::draft, "draft", "Bản nháp"},
    {PostStatus::pending, "pending", "Chờ duyệt"},
    {PostStatus::published, "published", "Đã xuất bản"},
    {PostStatus::returned, "returned", "Trả lại"},
});

std::string_view status_slug(PostStatus s) { return core::slug_of(kStatusNames, s, "draft"); }

std::string_view status_label(PostStatus s) { return core::label_of(kStatusNames, s); }

std::optional<PostStatus> parse_status(std::string_view s) { return core::parse_slug(kStatusNames, s); }

}  // namespace portal
