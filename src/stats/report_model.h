#pragma once
// The PBGDPL reports of state management (báo cáo thống kê PBGDPL): a catalogue of indicators
// (chỉ tiêu), reporting periods (kỳ báo cáo: six-monthly, annual) with deadlines, and one report
// per unit and period, whose figures go draft → submitted → approved (or returned with a
// comment). Approved figures roll up the organisation tree.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stats {

// One figure units report, e.g. "Số cuộc tuyên truyền, phổ biến pháp luật trực tiếp" in "cuộc".
struct Indicator {
  std::int64_t id = 0;
  std::string code;       // stable, used in exports and the exchange format: "TT_SO_CUOC"
  std::string group;      // the heading it is listed under: "1. Phổ biến pháp luật trực tiếp"
  std::string name;
  std::string measure;    // đơn vị tính: "cuộc", "lượt người", "bản", "đồng"
  std::string part_of;    // the code of the total this figure is a part of ("Trong đó: …"), or ""
  std::string source_key; // a figure the platform counts itself (web/figures.h), or ""
  int position = 0;
  bool active = true;
};

struct ReportPeriod {
  std::int64_t id = 0;
  std::string code;       // "2026-H1", "2026-H2", "2026"
  std::string name;       // "6 tháng đầu năm 2026"
  std::string starts_on;  // "2026-01-01", inclusive
  std::string ends_on;    // "2026-06-30", inclusive
  std::string due_on;     // the deadline for units' reports
  std::optional<std::int64_t> locked_at;  // closed: no report of it changes any more
};

enum class ReportStatus { draft, submitted, approved, returned };
std::string_view status_slug(ReportStatus s);   // stored
std::string_view status_label(ReportStatus s);  // "Đang nhập", "Chờ duyệt", "Đã duyệt", "Bị trả lại"
std::optional<ReportStatus> parse_status(std::string_view slug);

// indicator code → value.
using Figures = std::map<std::string, std::int64_t>;

// A unit's report for a period. `version` grows with every change: a form sent with an older one
// is refused (409) instead of overwriting someone else's change.
struct UnitReport {
  std::int64_t id = 0;
  std::int64_t period_id = 0;
  std::string unit_code;
  ReportStatus status = ReportStatus::draft;
  int version = 0;
  std::string note;           // the reporter's explanation, if any
  std::string return_reason;  // the approver's comment when returned
  std::int64_t updated_at = 0;
  std::optional<std::int64_t> submitted_at;
  std::optional<std::int64_t> approved_at;
  std::string approved_by;  // the approver's display name
  Figures figures;
};

}  // namespace stats
