#include "consult/model.h"

namespace consult {

const char* const kConsentText =
    "Tôi đồng ý để cơ quan quản lý cổng thông tin xử lý thông tin cá nhân tôi cung cấp (họ tên, thư điện tử, "
    "số điện thoại, nội dung câu hỏi và tệp đính kèm) chỉ nhằm mục đích trả lời câu hỏi này và liên hệ với tôi về "
    "câu hỏi, theo Nghị định 13/2023/NĐ-CP. Tôi có thể rút lại sự đồng ý và yêu cầu xóa câu hỏi bất cứ lúc nào "
    "bằng đường dẫn theo dõi.";

std::string_view status_slug(Status s) {
  switch (s) {
    case Status::fresh: return "new";
    case Status::triaged: return "triaged";
    case Status::assigned: return "assigned";
    case Status::answered: return "answered";
    case Status::delivered: return "delivered";
    case Status::follow_up: return "follow-up";
    case Status::published: return "published";
    case Status::rejected: return "rejected";
    case Status::merged: return "merged";
  }
  return "new";
}

std::string_view status_label(Status s) {
  switch (s) {
    case Status::fresh: return "Mới gửi";
    case Status::triaged: return "Đã phân loại, chờ phân công";
    case Status::assigned: return "Đang được chuyên gia trả lời";
    case Status::answered: return "Đang duyệt câu trả lời";
    case Status::delivered: return "Đã trả lời";
    case Status::follow_up: return "Có câu hỏi tiếp, chờ trả lời";
    case Status::published: return "Đã trả lời và công bố";
    case Status::rejected: return "Không tiếp nhận";
    case Status::merged: return "Đã gộp với câu hỏi trùng";
  }
  return "";
}

const std::vector<Status>& all_statuses() {
  static const std::vector<Status> all = {Status::fresh,     Status::triaged,   Status::assigned,
                                          Status::answered,  Status::delivered, Status::follow_up,
                                          Status::published, Status::rejected,  Status::merged};
  return all;
}

std::optional<Status> parse_status(std::string_view slug) {
  for (Status s : all_statuses())
    if (status_slug(s) == slug) return s;
  return std::nullopt;
}

bool is_open_for_expert(Status s) { return s == Status::assigned || s == Status::follow_up; }

std::string_view expert_kind_slug(ExpertKind k) {
  switch (k) {
    case ExpertKind::lawyer: return "lawyer";
    case ExpertKind::jurist: return "jurist";
    case ExpertKind::legal_aid: return "legal-aid";
  }
  return "lawyer";
}

std::string_view expert_kind_label(ExpertKind k) {
  switch (k) {
    case ExpertKind::lawyer: return "Luật sư";
    case ExpertKind::jurist: return "Luật gia";
    case ExpertKind::legal_aid: return "Trợ giúp viên pháp lý";
  }
  return "";
}

std::optional<ExpertKind> parse_expert_kind(std::string_view slug) {
  for (ExpertKind k : {ExpertKind::lawyer, ExpertKind::jurist, ExpertKind::legal_aid})
    if (expert_kind_slug(k) == slug) return k;
  return std::nullopt;
}

}  // namespace consult
