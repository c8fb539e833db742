#include "outreach/rules.h"

#include "core/email_address.h"
#include "core/time.h"
#include "core/utf8.h"

#include <set>

namespace outreach {

namespace {

bool within(const std::string& s, std::size_t least, std::size_t most) { return s.size() >= least && s.size() <= most; }

bool is_date(const std::string& s) { return core::parse_vn_iso_date(s).has_value(); }

// "1.200" or "1200" → 1200; nothing for anything else or above `most`.
std::optional<std::int64_t> whole_number(const std::string& text, std::int64_t most) {
  std::string digits;
  for (char c : text) {
    if (c == '.' || c == ' ') continue;
    if (c < '0' || c > '9' || digits.size() >= 12) return std::nullopt;
    digits += c;
  }
  if (digits.empty()) return std::nullopt;
  auto v = std::stoll(digits);
  if (v > most) return std::nullopt;
  return v;
}

}  // namespace

bool may_act_on(const OutreachActor& actor, const units::UnitTree& tree, const std::string& unit) {
  if (!tree.contains(unit)) return false;
  if (actor.role == auth::Role::admin) return true;
  return actor.unit && tree.is_within(unit, *actor.unit);
}

std::vector<std::string> units_in_view(const OutreachActor& actor, const units::UnitTree& tree) {
  std::vector<std::string> out;
  if (tree.empty()) return out;
  std::string top = actor.role == auth::Role::admin ? tree.root().code : actor.unit.value_or("");
  if (top.empty() || !tree.contains(top)) return out;
  for (const auto& [unit, depth] : tree.walk(top)) out.push_back(unit->code);
  return out;
}

std::optional<std::vector<std::string>> units_listed(const OutreachActor& actor, const units::UnitTree& tree, const std::string& unit) {
  if (unit.empty()) return units_in_view(actor, tree);
  if (!may_act_on(actor, tree, unit)) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& [below, depth] : tree.walk(unit)) out.push_back(below->code);
  return out;
}

std::variant<LegalReporter, Problems> read_reporter(const ReporterForm& f, const units::UnitTree& tree, const std::string& today) {
  Problems p;
  LegalReporter r;
  r.full_name = core::clean_text(f.full_name);
  if (!within(r.full_name, 2, 200)) p["full_name"] = "Họ và tên phải có từ 2 đến 200 ký tự.";
  if (!tree.contains(f.unit_code)) p["unit_code"] = "Hãy chọn một đơn vị trong cây đơn vị của tỉnh.";
  r.unit_code = f.unit_code;
  auto kind = parse_reporter_kind(f.kind);
  auto level = parse_reporter_level(f.level);
  if (!kind) p["kind"] = "Hãy chọn báo cáo viên hoặc tuyên truyền viên.";
  if (!level) p["level"] = "Hãy chọn cấp công nhận.";
  if (kind && level) {
    const bool commune = *level == ReporterLevel::commune;
    if (*kind == ReporterKind::reporter && commune) p["level"] = "Báo cáo viên pháp luật được công nhận ở trung ương hoặc cấp tỉnh.";
    if (*kind == ReporterKind::propagandist && !commune) p["level"] = "Tuyên truyền viên pháp luật được công nhận ở cấp xã.";
    r.kind = *kind;
    r.level = *level;
  }
  r.decision_number = core::clean_text(f.decision_number);
  if (!within(r.decision_number, 1, 50)) p["decision_number"] = "Ghi số quyết định công nhận, ví dụ 125/QĐ-UBND (tối đa 50 ký tự).";
  r.decision_date = f.decision_date;
  if (!is_date(f.decision_date) || f.decision_date > today) p["decision_date"] = "Ngày quyết định phải là một ngày không sau hôm nay.";
  r.fields = core::clean_text(f.fields);
  if (r.fields.size() > 500) p["fields"] = "Lĩnh vực tối đa 500 ký tự.";
  r.position = core::clean_text(f.position);
  if (r.position.size() > 300) p["position"] = "Chức vụ, nơi công tác tối đa 300 ký tự.";
  r.email = core::clean_text(f.email);
  if (!r.email.empty() && !core::is_valid_email_address(r.email)) p["email"] = "Địa chỉ e-mail không hợp lệ.";
  r.phone = core::clean_text(f.phone);
  if (r.phone.size() > 20 || r.phone.find_first_not_of("0123456789 +.") != std::string::npos)
    p["phone"] = "Số điện thoại chỉ gồm chữ số, dấu cách, «+» hoặc «.» (tối đa 20 ký tự).";
  if (!p.empty()) return p;
  return r;
}

Problems check_relief(const LegalReporter& reporter, const std::string& relieved_on, const std::string& reason, const std::string& today) {
  Problems p;
  if (!is_date(relieved_on) || relieved_on > today || relieved_on < reporter.decision_date)
    p["relieved_on"] = "Ngày miễn nhiệm phải từ ngày được công nhận đến hôm nay.";
  if (reason.size() > 500) p["relieved_reason"] = "Lý do tối đa 500 ký tự.";
  return p;
}

std::variant<Training, Problems> read_training(const TrainingForm& f, const std::string& today) {
  Problems p;
  Training t{0, 0, core::clean_text(f.title), f.held_on, core::clean_text(f.organiser)};
  if (!within(t.title, 3, 300)) p["title"] = "Tên khóa tập huấn, bồi dưỡng phải có từ 3 đến 300 ký tự.";
  if (!is_date(t.held_on) || t.held_on > today) p["held_on"] = "Ngày tập huấn phải là một ngày không sau hôm nay.";
  if (t.organiser.size() > 300) p["organiser"] = "Đơn vị tổ chức tối đa 300 ký tự.";
  if (!p.empty()) return p;
  return t;
}

std::variant<Activity, Problems> read_activity(const ActivityInput& f, const units::UnitTree& tree, const std::string& today) {
  Problems p;
  Activity a;
  if (!tree.contains(f.unit_code)) p["unit_code"] = "Hãy chọn một đơn vị trong cây đơn vị của tỉnh.";
  a.unit_code = f.unit_code;
  if (auto kind = parse_activity_kind(f.kind)) a.kind = *kind;
  else p["kind"] = "Hãy chọn loại hoạt động.";
  if (auto form = parse_activity_form(f.form)) a.form = *form;
  else p["form"] = "Hãy chọn hình thức tổ chức.";
  a.title = core::clean_text(f.title);
  if (!within(a.title, 3, 300)) p["title"] = "Tên hoạt động phải có từ 3 đến 300 ký tự.";
  a.held_on = f.held_on;
  if (!is_date(f.held_on) || f.held_on > today) p["held_on"] = "Chỉ ghi hoạt động đã diễn ra: ngày tổ chức không sau hôm nay.";
  a.place = core::clean_text(f.place);
  if (!within(a.place, 1, 300)) p["place"] = "Ghi địa điểm (tối đa 300 ký tự); hoạt động trực tuyến ghi nền tảng.";
  a.audience = core::clean_text(f.audience);
  if (a.audience.size() > 300) p["audience"] = "Đối tượng tối đa 300 ký tự.";
  if (auto n = whole_number(f.participants, 10'000'000)) a.participants = *n;
  else p["participants"] = "Số người tham dự là số nguyên từ 0 đến 10.000.000.";
  a.materials = core::clean_text(f.materials);
  if (a.materials.size() > 2000) p["materials"] = "Tài liệu sử dụng tối đa 2.000 ký tự.";
  std::set<std::int64_t> leaders;
  for (const auto& id : f.leaders) {
    auto n = whole_number(id, 1'000'000'000'000);
    if (!n || id.find('.') != std::string::npos) {
      p["leaders"] = "Danh sách người chủ trì không hợp lệ: hãy tải lại trang.";
      break;
    }
    leaders.insert(*n);
  }
  if (leaders.size() > 50) p["leaders"] = "Chọn tối đa 50 người chủ trì.";
  a.leaders.assign(leaders.begin(), leaders.end());
  if (!p.empty()) return p;
  return a;
}

}  // namespace outreach
