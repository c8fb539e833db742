#include "app/reporting_demo.h"

#include "auth/password.h"
#include "auth/user_repository.h"
#include "core/resources.h"
#include "core/time.h"
#include "units/unit_registry.h"

#include <iostream>

namespace app {

namespace {

// The province's agencies that report on PBGDPL (sở, ban, ngành), with codes of their own.
std::vector<units::AdminUnit> agencies(const units::AdminUnit& p) {
  using units::UnitLevel;
  const std::string province = p.code;
  const std::string police = p.name.starts_with("Thành phố") ? "Công an thành phố" : "Công an tỉnh";
  return {{province + "-STP", "Sở Tư pháp", UnitLevel::agency, province},
          {province + "-SNV", "Sở Nội vụ", UnitLevel::agency, province},
          {province + "-SGDDT", "Sở Giáo dục và Đào tạo", UnitLevel::agency, province},
          {province + "-SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", UnitLevel::agency, province},
          {province + "-SKHCN", "Sở Khoa học và Công nghệ", UnitLevel::agency, province},
          {province + "-CA", police, UnitLevel::agency, province}};
}

// "2026-H1" for the half-year `months_back` months before `now`.
std::string half_year(std::int64_t now, int months_back) {
  const auto date = core::format_vn_iso_date(now);
  int year = std::stoi(date.substr(0, 4));
  int month = std::stoi(date.substr(5, 2)) - months_back;
  while (month < 1) month += 12, --year;
  return std::to_string(year) + (month <= 6 ? "-H1" : "-H2");
}

// Plausible figures for a unit: a commune's are small, the Department of Justice's larger.
std::map<std::string, std::string> figures(int scale, int seed) {
  auto n = [&](int base) { return std::to_string(base * scale + seed % 7); };
  return {{"TT_SO_CUOC", n(6)},        {"TT_TAP_HUAN", n(2)},     {"TT_LUOT_NGUOI", n(420)}, {"THI_SO_CUOC", n(1)},
          {"THI_LUOT_NGUOI", n(150)},  {"TL_SO_BAN", n(300)},     {"TL_SACH", n(40)},        {"TL_TO_GAP", n(200)},
          {"TS_SO_TU", n(1)},          {"TS_DAU_SACH", n(120)},   {"CLB_SO", n(1)},          {"CLB_THANH_VIEN", n(25)},
          {"BCV_SO", n(scale > 1 ? 3 : 0)}, {"TTV_SO", n(8)},     {"LOA_TIN_BAI", n(24)},    {"KP_TONG", n(15000000)},
          {"KP_NGAN_SACH", n(12000000)}};
}


// The registry and the activity log of the first communes: a provincial legal reporter at the
// Department of Justice (with a training), two propagandists per commune (one relieved), and two
// activities a commune held, led by them; two commendations of the commune (one awarded).
void seed_outreach(outreach::OutreachModule& outreach, const auth::User& approver, const auth::User& commune_reporter,
                   const std::string& province, const std::vector<units::AdminUnit>& communes, std::int64_t now) {
  const auth::Actor by{approver.id, "local"};
  const auto day = [now](int days_ago) { return core::format_vn_iso_date(now - days_ago * 86400); };
  auto person = [&](const std::string& name, const std::string& unit, const char* kind, const char* level, const std::string& fields,
                    const std::string& position) -> std::optional<std::int64_t> {
    auto added = outreach.registry().add(approver, by, {name, unit, kind, level, "215/QĐ-UBND", day(400), fields, position, "", ""}, now);
    return added ? std::optional(added->id) : std::nullopt;
  };
  auto ha = person("Nguyễn Thị Thu Hà", province + "-STP", "bao-cao-vien", "cap-tinh", "Đất đai, dân sự, hòa giải ở cơ sở",
                   "Phó Giám đốc Sở Tư pháp");
  person("Trần Quốc Bảo", province + "-CA", "bao-cao-vien", "cap-tinh", "Trật tự, an toàn giao thông; phòng, chống ma túy",
         "Phó Trưởng phòng Tham mưu");
  if (ha) outreach.registry().add_training(approver, by, *ha, {"Bồi dưỡng kỹ năng phổ biến pháp luật cho báo cáo viên", day(120), "Bộ Tư pháp"}, now);
  std::vector<std::int64_t> propagandists;
  const char* names[][2] = {{"Lê Văn Hùng", "Phan Thị Mai"}, {"Đặng Minh Tuấn", "Hồ Thị Ngọc Ánh"}, {"Võ Văn Thành", "Ngô Thị Hằng"}};
  for (std::size_t i = 0; i < 3 && i < communes.size(); ++i)
    for (const auto* name : names[i])
      if (auto id = person(name, communes[i].code, "tuyen-truyen-vien", "cap-xa", "Hôn nhân và gia đình; đất đai", "Công chức Tư pháp - Hộ tịch"))
        propagandists.push_back(*id);
  if (propagandists.size() > 5) outreach.registry().relieve(approver, by, propagandists[5], day(60), "Chuyển công tác", now);
  if (propagandists.empty() || !ha) return;
  const auth::Actor recorder{commune_reporter.id, "local"};
  outreach.activities().record(commune_reporter, recorder,
                               {communes[0].code, "hoi-nghi", "Hội nghị phổ biến Luật Đất đai năm 2024 cho cán bộ, nhân dân", day(25),
                                "Hội trường UBND " + communes[0].name, "truc-tiep", "Cán bộ, công chức và nhân dân", "180",
                                "Đề cương giới thiệu Luật Đất đai; 200 tờ gấp", {std::to_string(*ha), std::to_string(propagandists[0])}},
                               now);
  outreach.activities().record(commune_reporter, recorder,
                               {communes[0].code, "ngay-phap-luat", "Hưởng ứng Ngày Pháp luật Việt Nam", day(10), "Nhà văn hóa thôn",
                                "ket-hop", "Nhân dân, học sinh", "95", "Tờ gấp pháp luật về phòng, chống bạo lực gia đình",
                                {std::to_string(propagandists[1])}},
                               now);
  const auto year = day(0).substr(0, 4);
  auto proposed = outreach.commendations().propose(
      commune_reporter, recorder,
      {"unit:" + communes[0].code, "Giấy khen của Giám đốc Sở Tư pháp",
       "Tổ chức tốt Hội nghị phổ biến Luật Đất đai và hưởng ứng Ngày Pháp luật, thu hút đông người dân tham gia.", year + "-01-01", day(0)},
      now);
  if (proposed) outreach.commendations().award({approver.id, "local"}, proposed->id, "35/QĐ-STP", now);
  outreach.commendations().propose(commune_reporter, recorder,
                                   {"person:" + std::to_string(propagandists[0]), "Giấy khen của Chủ tịch UBND " + communes[0].name,
                                    "Chủ trì nhiều buổi tuyên truyền pháp luật về đất đai cho nhân dân.", year + "-01-01", day(0)},
                                   now);
}

// The seed's own plan (content/plans/kh-1655-ubnd.json, built into the program), with the
// Department of Justice's progress on its first tasks (one done with evidence, one under way) and
// the approver's interim review of it.
void seed_plan(plans::PlanService& plans, const auth::Actor& admin, const auth::User& approver, const auth::User& justice,
               const std::string& province, std::int64_t now) {
  auto file = core::find_resource("content/plans/kh-1655-ubnd.json");
  if (!file) return;
  auto plan = plans.import(*file, admin, now);
  if (!plan || plan->tasks.size() < 3) return;
  auto stored = plans.plan(justice, plan->id, core::format_vn_iso_date(now), false);
  if (!stored || stored->lines.size() < 3) return;
  const auth::Actor by{justice.id, "local"};
  plans.report(justice, by, stored->lines[0].task.id,
               {"done", "Cổng thông tin phổ biến, giáo dục pháp luật của tỉnh đã vận hành; tin, bài được cập nhật hằng tuần.",
                "https://pbgdpl.example.gov.vn/", ""},
               now);
  plans.report(justice, by, stored->lines[1].task.id,
               {"in_progress", "Đã nhập văn bản pháp luật vào tủ sách điện tử; đang số hóa tài liệu của các xã, phường.", "", ""}, now);
  plans.review(approver, {approver.id, "local"}, plan->id,
               {"interim", core::format_vn_iso_date(now - 30 * 86400), province + "-STP",
                "Cổng thông tin đã vận hành đúng hạn; tủ sách pháp luật điện tử còn chậm, nhiều xã chưa số hóa tài liệu.", "fair",
                "Sở Tư pháp hướng dẫn các xã, phường số hóa tài liệu trong quý tới."},
               now);
}

}  // namespace

void seed_reporting_demo(db::Database& database, auth::AuthService& auth, stats::ReportService& reports, outreach::OutreachModule& outreach,
                         plans::PlanService& plans, std::int64_t now) {
  const std::string province = reports.root_code();
  units::UnitRegistry registry(database);
  auto root = province.empty() ? std::nullopt : registry.find(province);
  if (!root) return;
  std::optional<auth::User> admin;
  {
    auto c = database.acquire();
    if (c->execute("INSERT INTO settings (key, value) VALUES ('demo_reports_seeded', ?) ON CONFLICT DO NOTHING",
                   {core::format_rfc3339(now)}) == 0)
      return;
    auto row = c->query_one("SELECT id FROM users WHERE role = 'admin' AND active = 1 ORDER BY id LIMIT 1");
    if (row) admin = auth::UserRepository(*c).find(row->int64(0));
  }
  if (!admin) return;
  const auth::Actor actor{admin->id, "local"};
  registry.import({agencies(*root), {}}, actor);
  auto communes = registry.children(province);
  std::erase_if(communes, [](const units::AdminUnit& u) { return u.level != units::UnitLevel::commune; });
  if (communes.size() < 3) return;

  std::cout << "  Tài khoản báo cáo thống kê PBGDPL (mật khẩu chỉ hiện một lần):\n";
  auto account = [&](const std::string& email, const std::string& name, auth::Role role, const std::string& unit) -> std::optional<auth::User> {
    auth::User u;
    u.email = email;
    u.display_name = name;
    u.role = role;
    const auto password = auth::generate_password();
    auto created = auth.create_user(actor, u, password);
    if (!created) return std::nullopt;
    registry.assign(created->id, unit, actor, now);
    std::cout << "    " << auth::role_label(role) << " (" << registry.full_name(unit) << "): " << email << " / " << password << "\n";
    return *created;
  };
  auto approver = account("lanhdao@demo.local", "Hoàng Văn Lãnh Đạo", auth::Role::approver, province);
  auto justice = account("sotuphap@demo.local", "Vũ Thị Tư Pháp", auth::Role::reporter, province + "-STP");
  std::vector<std::optional<auth::User>> commune_reporters;
  for (int i = 0; i < 3; ++i)
    commune_reporters.push_back(account("xa" + std::to_string(i + 1) + "@demo.local", "Cán bộ tư pháp " + communes[i].name,
                                        auth::Role::reporter, communes[i].code));
  std::cout << "\n" << std::flush;
  if (!approver || !justice) return;

  // The previous half-year: the Department and the first commune approved, the second
  // submitted, the third returned; the current half-year open, the first commune drafting.
  const auto previous = half_year(now, 6), current = half_year(now, 0);
  if (!reports.open_period(previous, "", actor) || !reports.open_period(current, "", actor)) return;
  auto file = [&](const auth::User& reporter, const std::string& period, const std::string& unit, int scale, bool submit) {
    return reports.save(reporter, {reporter.id, "local"}, period, unit, figures(scale, static_cast<int>(unit.size()) + scale), "", 0,
                        submit, now);
  };
  if (file(*justice, previous, province + "-STP", 5, true)) reports.approve(*approver, {approver->id, "local"}, previous, province + "-STP", 1, now);
  if (commune_reporters[0] && file(*commune_reporters[0], previous, communes[0].code, 1, true))
    reports.approve(*approver, {approver->id, "local"}, previous, communes[0].code, 1, now);
  if (commune_reporters[1]) file(*commune_reporters[1], previous, communes[1].code, 2, true);
  if (commune_reporters[2] && file(*commune_reporters[2], previous, communes[2].code, 1, true))
    reports.send_back(*approver, {approver->id, "local"}, previous, communes[2].code, 1,
                      "Số lượt người tham dự chưa khớp với biên bản các buổi tuyên truyền, đề nghị kiểm tra lại.", now);
  if (commune_reporters[0]) file(*commune_reporters[0], current, communes[0].code, 1, false);
  if (commune_reporters[0]) seed_outreach(outreach, *approver, *commune_reporters[0], province, communes, now);
  seed_plan(plans, actor, *approver, *justice, province, now);
}

}  // namespace app
