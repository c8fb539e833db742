#include "consult/expert_views.h"

#include "core/time.h"

#include <map>

namespace consult {

std::string expert_url(std::int64_t id) { return "/quan-tri/chuyen-gia/" + std::to_string(id); }

ExpertInput input_of(const Expert& e) {
  return {e.email, std::string(expert_kind_slug(e.kind)), e.full_name, e.organisation, e.credential, e.bio,
          e.fields, e.available, e.capacity, e.review_required, std::nullopt};
}

nlohmann::json expert_form(const ExpertInput& in, const std::vector<LegalField>& fields, const std::string& raw_capacity) {
  nlohmann::json kinds = nlohmann::json::array();
  for (auto k : {ExpertKind::lawyer, ExpertKind::jurist, ExpertKind::legal_aid})
    kinds.push_back({{"slug", std::string(expert_kind_slug(k))}, {"label", std::string(expert_kind_label(k))},
                     {"selected", expert_kind_slug(k) == in.kind}});
  nlohmann::json checked = nlohmann::json::array();
  for (const auto& f : fields)
    checked.push_back({{"slug", f.slug}, {"name", f.name},
                       {"checked", std::find(in.fields.begin(), in.fields.end(), f.slug) != in.fields.end()}});
  return {{"email", in.email},
          {"kinds", kinds},
          {"full_name", in.full_name},
          {"organisation", in.organisation},
          {"credential", in.credential},
          {"bio", in.bio},
          {"fields", checked},
          {"available", in.available},
          {"capacity", raw_capacity.empty() ? std::to_string(in.capacity) : raw_capacity},
          {"review_required", in.review_required}};
}

void add_experts(nlohmann::json& view, const std::vector<Expert>& experts, const std::vector<LegalField>& fields) {
  std::map<std::string, std::string> field_names;
  for (const auto& f : fields) field_names[f.slug] = f.name;
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& e : experts) {
    std::string names;
    for (const auto& f : e.fields) names += (names.empty() ? "" : ", ") + (field_names.count(f) ? field_names[f] : f);
    rows.push_back({{"id", e.id},
                    {"name", e.full_name},
                    {"email", e.email},
                    {"kind", std::string(expert_kind_label(e.kind))},
                    {"organisation", e.organisation},
                    {"fields", names},
                    {"verified", e.verified()},
                    {"verified_at", e.verified_at ? core::format_vn_date(*e.verified_at) : ""},
                    {"available", e.available},
                    {"load", std::to_string(e.open_questions) + "/" + std::to_string(e.capacity)},
                    {"review_required", e.review_required},
                    {"photo", e.photo ? nlohmann::json("/uploads/experts/" + *e.photo) : nlohmann::json(nullptr)},
                    {"url", expert_url(e.id)}});
  }
  view["experts"] = rows;
  ExpertInput blank;
  blank.kind = "lawyer";
  view["form"] = expert_form(blank, fields);
  view["form_action"] = "/quan-tri/chuyen-gia";
  view["form_button"] = "Thêm chuyên gia";
}

void add_expert(nlohmann::json& view, const Expert& e, const std::vector<LegalField>& fields) {
  view["expert"] = {{"name", e.full_name},
                    {"verified", e.verified()},
                    {"verified_at", e.verified_at ? core::format_vn_date(*e.verified_at) : ""},
                    {"load", std::to_string(e.open_questions) + "/" + std::to_string(e.capacity)},
                    {"url", expert_url(e.id)}};
  view["form"] = expert_form(input_of(e), fields);
  view["form_action"] = expert_url(e.id);
  view["form_button"] = "Lưu";
}

}  // namespace consult
