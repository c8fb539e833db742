#include "outreach/model.h"

#include "core/enum_names.h"

namespace outreach {

namespace {
constexpr auto kKinds = std::to_array<core::EnumName<ReporterKind>>({
    {ReporterKind::reporter, "bao-cao-vien", "Báo cáo viên pháp luật"},
    {ReporterKind::propagandist, "tuyen-truyen-vien", "Tuyên truyền viên pháp luật"},
});
constexpr auto kLevels = std::to_array<core::EnumName<ReporterLevel>>({
    {ReporterLevel::central, "trung-uong", "Trung ương"},
    {ReporterLevel::provincial, "cap-tinh", "Cấp tỉnh"},
    {ReporterLevel::commune, "cap-xa", "Cấp xã"},
});
constexpr auto kActivityKinds = std::to_array<core::EnumName<ActivityKind>>({
    {ActivityKind::conference, "hoi-nghi", "Hội nghị"},
    {ActivityKind::session, "buoi-tuyen-truyen", "Buổi tuyên truyền"},
    {ActivityKind::training, "lop-tap-huan", "Lớp tập huấn, bồi dưỡng"},
    {ActivityKind::law_day, "ngay-phap-luat", "Ngày Pháp luật"},
    {ActivityKind::other, "khac", "Hình thức khác"},
});
constexpr auto kForms = std::to_array<core::EnumName<ActivityForm>>({
    {ActivityForm::in_person, "truc-tiep", "Trực tiếp"},
    {ActivityForm::online, "truc-tuyen", "Trực tuyến"},
    {ActivityForm::mixed, "ket-hop", "Kết hợp trực tiếp và trực tuyến"},
});
constexpr auto kCommendationStatuses = std::to_array<core::EnumName<CommendationStatus>>({
    {CommendationStatus::proposed, "proposed", "Đang đề nghị"},
    {CommendationStatus::awarded, "awarded", "Đã khen thưởng"},
    {CommendationStatus::declined, "declined", "Không khen thưởng"},
});
}  // namespace

std::string_view commendation_slug(CommendationStatus s) { return core::slug_of(kCommendationStatuses, s, "proposed"); }
std::string_view commendation_label(CommendationStatus s) { return core::label_of(kCommendationStatuses, s); }
std::optional<CommendationStatus> parse_commendation_status(std::string_view slug) { return core::parse_slug(kCommendationStatuses, slug); }

std::string_view kind_slug(ReporterKind k) { return core::slug_of(kKinds, k, "bao-cao-vien"); }
std::string_view kind_label(ReporterKind k) { return core::label_of(kKinds, k); }
std::optional<ReporterKind> parse_reporter_kind(std::string_view slug) { return core::parse_slug(kKinds, slug); }
std::vector<ReporterKind> reporter_kinds() { return core::values_of(kKinds); }
std::string_view level_slug(ReporterLevel l) { return core::slug_of(kLevels, l, "cap-tinh"); }
std::string_view level_label(ReporterLevel l) { return core::label_of(kLevels, l); }
std::optional<ReporterLevel> parse_reporter_level(std::string_view slug) { return core::parse_slug(kLevels, slug); }
std::vector<ReporterLevel> reporter_levels() { return core::values_of(kLevels); }
std::string_view activity_slug(ActivityKind k) { return core::slug_of(kActivityKinds, k, "khac"); }
std::string_view activity_label(ActivityKind k) { return core::label_of(kActivityKinds, k); }
std::optional<ActivityKind> parse_activity_kind(std::string_view slug) { return core::parse_slug(kActivityKinds, slug); }
std::vector<ActivityKind> activity_kinds() { return core::values_of(kActivityKinds); }
std::string_view form_slug(ActivityForm f) { return core::slug_of(kForms, f, "truc-tiep"); }
std::string_view form_label(ActivityForm f) { return core::label_of(kForms, f); }
std::optional<ActivityForm> parse_activity_form(std::string_view slug) { return core::parse_slug(kForms, slug); }
std::vector<ActivityForm> activity_forms() { return core::values_of(kForms); }

}  // namespace outreach
