#include "plans/plan_rules.h"

#include "core/time.h"
#include "core/utf8.h"

namespace plans {

std::map<std::string, std::string> plan_problems(const Plan& plan, const units::UnitTree& tree) {
  std::map<std::string, std::string> out;
  if (plan.title.size() < 3 || plan.title.size() > 500) out["title"] = "Tên kế hoạch phải có từ 3 đến 500 ký tự.";
  if (plan.basis.size() > 1000) out["basis"] = "Căn cứ tối đa 1.000 ký tự.";
  if (!tree.contains(plan.issued_by)) out["issued_by"] = "Không có đơn vị ban hành mang mã «" + core::utf8_prefix(plan.issued_by, 20) + "».";
  if (!core::parse_vn_iso_date(plan.issued_on)) out["issued_on"] = "Ngày ban hành phải là một ngày (năm-tháng-ngày).";
  return out;
}

std::map<std::string, std::string> task_problems(const PlanTask& task, const units::UnitTree& tree) {
  std::map<std::string, std::string> out;
  if (task.title.size() < 3 || task.title.size() > 1000) out["title"] = "Tên nhiệm vụ phải có từ 3 đến 1.000 ký tự.";
  if (task.area.size() > 200) out["area"] = "Nội dung (nhóm nhiệm vụ) tối đa 200 ký tự.";
  if (!tree.contains(task.lead_unit))
    out["lead_unit"] = "Không có đơn vị chủ trì mang mã «" + core::utf8_prefix(task.lead_unit, 20) + "».";
  if (task.partners.size() > 1000) out["partners"] = "Đơn vị phối hợp tối đa 1.000 ký tự.";
  if (!core::parse_vn_iso_date(task.deadline)) out["deadline"] = "Thời hạn phải là một ngày (năm-tháng-ngày).";
  if (task.expected_output.size() > 2000) out["expected_output"] = "Sản phẩm tối đa 2.000 ký tự.";
  return out;
}

}  // namespace plans
