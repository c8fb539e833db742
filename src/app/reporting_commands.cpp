#include "app/reporting_commands.h"

#include "auth/api_tokens.h"
#include "auth/user_repository.h"
#include "core/time.h"
#include "plans/plan_service.h"
#include "units/settings.h"
#include "units/unit_import.h"
#include "units/unit_registry.h"

#include <fstream>
#include <iterator>

namespace app {

int token_add(db::Database& database, const std::string& unit, const std::string& scope, const std::string& label, std::ostream& out) {
  if (!auth::is_api_scope(scope)) {
    out << "✗ Phạm vi «" << scope << "» không hợp lệ (có: stats:read, stats:submit).\n";
    return 1;
  }
  auto c = database.acquire();
  // A sending province is not in the receiver's own tree: its code is enough.
  const bool sender = scope == "stats:submit";
  if (sender && !units::is_unit_code(unit)) {
    out << "✗ «" << unit << "» không phải mã tỉnh, thành phố (ví dụ 46).\n";
    return 1;
  }
  if (!sender && !units::UnitRegistry::tree(*c, unit).contains(unit)) {
    out << "✗ Không có đơn vị mang mã «" << unit << "» (nhập danh mục đơn vị trước: phobien import-units).\n";
    return 1;
  }
  db::Transaction tx(*c);
  auto secret = auth::add_api_token(*c, label.empty() ? "Mã truy cập " + unit : label, unit, scope, core::now_unix());
  auth::record_audit(*c, {std::nullopt, "cli"}, "api_token.add", "unit:" + unit, scope);
  tx.commit();
  out << "✓ Mã truy cập (chỉ hiện một lần, hãy lưu lại): " << secret << "\n"
      << "  Dùng: Authorization: Bearer " << secret << "\n";
  return 0;
}

int token_list(db::Database& database, std::ostream& out) {
  auto tokens = auth::list_api_tokens(*database.acquire());
  if (tokens.empty()) out << "Chưa có mã truy cập nào.\n";
  for (const auto& t : tokens)
    out << t.id << "\t" << t.unit_code << "\t" << t.scope << "\t" << core::format_vn_datetime(t.created_at) << "\t"
        << (t.revoked_at ? "đã thu hồi" : "đang dùng") << "\t" << t.label << "\n";
  return 0;
}

int token_revoke(db::Database& database, std::int64_t id, std::ostream& out) {
  auto c = database.acquire();
  db::Transaction tx(*c);
  if (!auth::revoke_api_token(*c, id, core::now_unix())) {
    out << "✗ Không có mã truy cập số " << id << " đang dùng.\n";
    return 1;
  }
  auth::record_audit(*c, {std::nullopt, "cli"}, "api_token.revoke", "api_token:" + std::to_string(id));
  tx.commit();
  out << "✓ Đã thu hồi mã truy cập số " << id << ".\n";
  return 0;
}

int assign_unit(db::Database& database, const std::string& email, const std::string& unit, std::ostream& out) {
  auto user = auth::UserRepository(*database.acquire()).find_by_email(email);
  if (!user) {
    out << "✗ Không có tài khoản " << email << ".\n";
    return 1;
  }
  if (!units::UnitRegistry(database).assign(user->user.id, unit, {std::nullopt, "cli"}, core::now_unix())) {
    out << "✗ Không có đơn vị mang mã «" << unit << "».\n";
    return 1;
  }
  return 0;
}

int import_plan_file(db::Database& database, const core::Config& config, const std::string& path, std::ostream& out) {
  std::ifstream in(path, std::ios::binary);
  std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    out << "✗ Không đọc được tệp " << path << ".\n";
    return 1;
  }
  auto imported = plans::PlanService(database, config.section<units::Settings>().province, config.uploads_dir() + "/plans").import(json, {std::nullopt, "cli"}, core::now_unix());
  if (!imported) {
    out << "✗ " << path << ": " << imported.error().message << "\n";
    return 1;
  }
  out << "✓ Đã nhập kế hoạch " << imported->code << ": " << imported->tasks.size() << " nhiệm vụ.\n";
  return 0;
}

}  // namespace app
