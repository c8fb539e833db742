#include "stats/report_model.h"

#include "core/enum_names.h"

namespace stats {

constexpr auto kStatusNames = std::to_array<core::EnumName<ReportStatus>>({
    {ReportStatus::draft, "draft", "Đang nhập"},
    {ReportStatus::submitted, "submitted", "Chờ duyệt"},
    {ReportStatus::approved, "approved", "Đã duyệt"},
    {ReportStatus::returned, "returned", "Bị trả lại"},
});

std::string_view status_slug(ReportStatus s) { return core::slug_of(kStatusNames, s, "draft"); }
std::string_view status_label(ReportStatus s) { return core::label_of(kStatusNames, s); }
std::optional<ReportStatus> parse_status(std::string_view slug) { return core::parse_slug(kStatusNames, slug); }

}  // namespace stats
