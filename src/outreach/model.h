#pragma once
// The province's PBGDPL staff and activities: legal reporters and propagandists (báo cáo viên,
// tuyên truyền viên pháp luật) with their recognition, trainings and status, and dissemination
// activities with the people who led them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace outreach {

enum class ReporterKind { reporter, propagandist };
enum class ReporterLevel { central, provincial, commune };
enum class ActivityKind { conference, session, training, law_day, other };
enum class ActivityForm { in_person, online, mixed };
enum class CommendationStatus { proposed, awarded, declined };

// Slugs are stored and used in forms; labels are Vietnamese ("Báo cáo viên pháp luật").
std::string_view kind_slug(ReporterKind k);
std::string_view kind_label(ReporterKind k);
std::optional<ReporterKind> parse_reporter_kind(std::string_view slug);
std::vector<ReporterKind> reporter_kinds();
std::string_view level_slug(ReporterLevel l);
std::string_view level_label(ReporterLevel l);  // "Trung ương", "Cấp tỉnh", "Cấp xã"
std::optional<ReporterLevel> parse_reporter_level(std::string_view slug);
std::vector<ReporterLevel> reporter_levels();
std::string_view activity_slug(ActivityKind k);
std::string_view activity_label(ActivityKind k);  // "Hội nghị", "Buổi tuyên truyền", …
std::optional<ActivityKind> parse_activity_kind(std::string_view slug);
std::vector<ActivityKind> activity_kinds();
std::string_view form_slug(ActivityForm f);
std::string_view form_label(ActivityForm f);  // "Trực tiếp", "Trực tuyến", "Kết hợp"
std::optional<ActivityForm> parse_activity_form(std::string_view slug);
std::vector<ActivityForm> activity_forms();
std::string_view commendation_slug(CommendationStatus s);
std::string_view commendation_label(CommendationStatus s);  // "Đang đề nghị", "Đã khen thưởng", "Không khen thưởng"
std::optional<CommendationStatus> parse_commendation_status(std::string_view slug);

struct LegalReporter {
  std::int64_t id = 0;
  std::string full_name;
  std::string unit_code;
  ReporterKind kind = ReporterKind::reporter;
  ReporterLevel level = ReporterLevel::provincial;
  std::string decision_number;  // "125/QĐ-UBND"
  std::string decision_date;    // "2025-03-12"
  std::string fields;           // the fields of law they speak on
  std::string position;         // job and workplace
  std::string email;            // links to an account's courses finished on the platform
  std::string phone;
  std::optional<std::string> relieved_on;  // relieved (miễn nhiệm) on that day; none: active
  std::string relieved_reason;
  std::int64_t created_at = 0, updated_at = 0;
  bool active() const { return !relieved_on; }
};

// A training attended (tập huấn, bồi dưỡng), recorded by hand.
struct Training {
  std::int64_t id = 0;
  std::int64_t reporter_id = 0;
  std::string title;
  std::string held_on;
  std::string organiser;
};

struct Activity {
  std::int64_t id = 0;
  std::string unit_code;
  ActivityKind kind = ActivityKind::session;
  std::string title;
  std::string held_on;  // "2026-11-09"
  std::string place;
  ActivityForm form = ActivityForm::in_person;
  std::string audience;
  std::int64_t participants = 0;
  std::string materials;
  std::vector<std::int64_t> leaders;  // legal_reporters ids
  std::int64_t created_at = 0, updated_at = 0;
};

}  // namespace outreach
