#include "plans/plan_file.h"

#include "core/utf8.h"
#include "plans/plan_rules.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace plans {

namespace {

constexpr std::size_t kMaxFileBytes = 1 << 20;
constexpr std::size_t kMaxTasks = 500;

// A string member, cleaned; "" when absent or not a string.
std::string text_of(const nlohmann::json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end() || !it->is_string()) return "";
  return core::clean_text(it->get_ref<const std::string&>());
}

}  // namespace

ParsedPlan parse_plan_file(std::string_view json, const units::UnitTree& tree) {
  ParsedPlan out;
  auto& problems = out.problems;
  if (json.size() > kMaxFileBytes) {
    problems.push_back("Tệp kế hoạch lớn hơn 1 MB.");
    return out;
  }
  auto doc = nlohmann::json::parse(json, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    problems.push_back("Tệp không phải JSON của một kế hoạch (một đối tượng có \"code\", \"title\", \"tasks\").");
    return out;
  }
  if (tree.empty()) {
    problems.push_back("Chưa có cây đơn vị của tỉnh (PHOBIEN_PROVINCE, phobien import-units).");
    return out;
  }
  const auto province = tree.root().code;
  auto unit_of = [&](const std::string& code) { return code.starts_with("-") ? province + code : code; };
  auto& p = out.plan;
  p.code = text_of(doc, "code");
  p.title = text_of(doc, "title");
  p.basis = text_of(doc, "basis");
  const auto issuer = text_of(doc, "issued_by");
  p.issued_by = issuer.empty() ? province : unit_of(issuer);
  p.issued_on = text_of(doc, "issued_on");
  if (p.code.empty() || p.code.size() > 50) problems.push_back("\"code\": số hiệu kế hoạch, 1 đến 50 ký tự (ví dụ 1655/KH-UBND).");
  for (const auto& [field, message] : plan_problems(p, tree)) problems.push_back(fmt::format("\"{}\": {}", field, message));
  auto tasks = doc.find("tasks");
  if (tasks == doc.end() || !tasks->is_array() || tasks->empty() || tasks->size() > kMaxTasks) {
    problems.push_back(fmt::format("\"tasks\": danh sách từ 1 đến {} nhiệm vụ.", kMaxTasks));
    return out;
  }
  int position = 0;
  for (const auto& item : *tasks) {
    ++position;
    const auto where = fmt::format("nhiệm vụ {}", position);
    if (!item.is_object()) {
      problems.push_back(where + ": phải là một đối tượng.");
      continue;
    }
    PlanTask t;
    t.position = position;
    t.area = text_of(item, "area");
    t.title = text_of(item, "title");
    t.lead_unit = unit_of(text_of(item, "lead"));
    t.partners = text_of(item, "partners");
    t.deadline = text_of(item, "deadline");
    t.expected_output = text_of(item, "expected_output");
    for (const auto& [field, message] : task_problems(t, tree))
      problems.push_back(fmt::format("{} (\"{}\"): {}", where, field == "lead_unit" ? "lead" : field, message));
    p.tasks.push_back(std::move(t));
  }
  return out;
}

}  // namespace plans
