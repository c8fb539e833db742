#include "consult/model.h"

#include "core/enum_names.h"

namespace consult {

const char* const kConsentText =
    "Tôi đồng ý để cơ quan quản lý cổng thông tin xử lý thông tin cá nhân tôi cung cấp (họ tên, thư điện tử, "
    "số điện thoại, nội dung câu hỏi và tệp đính kèm) chỉ nhằm mục đích trả lời câu hỏi này và liên hệ với tôi về "
    "câu hỏi, theo Nghị định 13/2023/NĐ-CP. Tôi có thể rút lại sự đồng ý và yêu cầu xóa câu hỏi bất cứ lúc nào "
    "bằng đường dẫn theo dõi.";

constexpr auto kStatusNames = std::to_array<core::EnumName<Status>>({
    {Status::fresh, "new", "Mới gửi"},
    {Status::triaged, "triaged", "Đã phân loại, chờ phân công"},
    {Status::assigned, "assigned", "Đang được chuyên gia trả lời"},
    {Status::answered, "answered", "Đang duyệt câu trả lời"},
    {Status::delivered, "delivered", "Đã trả lời"},
    {Status::follow_up, "follow-up", "Có câu hỏi tiếp, chờ trả lời"},
    {Status::published, "published", "Đã trả lời và công bố"},
    {Status::rejected, "rejected", "Không tiếp nhận"},
    {Status::merged, "merged", "Đã gộp với câu hỏi trùng"},
});

constexpr auto kExpertKindNames = std::to_array<core::EnumName<ExpertKind>>({
    {ExpertKind::lawyer, "lawyer", "Luật sư"},
    {ExpertKind::jurist, "jurist", "Luật gia"},
    {ExpertKind::legal_aid, "legal-aid", "Trợ giúp viên pháp lý"},
});

std::string_view status_slug(Status s) { return core::slug_of(kStatusNames, s, "new"); }

std::string_view status_label(Status s) { return core::label_of(kStatusNames, s); }

const std::vector<Status>& all_statuses() {
  static const std::vector<Status> all = core::values_of(kStatusNames);
  return all;
}

std::optional<Status> parse_status(std::string_view slug) { return core::parse_slug(kStatusNames, slug); }

bool is_open_for_expert(Status s) { return s == Status::assigned || s == Status::follow_up; }

Status status_after_reply(const Question& q) { return q.public_slug ? Status::published : Status::delivered; }

std::string_view expert_kind_slug(ExpertKind k) { return core::slug_of(kExpertKindNames, k, "lawyer"); }

std::string_view expert_kind_label(ExpertKind k) { return core::label_of(kExpertKindNames, k); }

std::optional<ExpertKind> parse_expert_kind(std::string_view slug) { return core::parse_slug(kExpertKindNames, slug); }

}  // namespace consult
