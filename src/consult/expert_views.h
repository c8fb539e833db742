#pragma once
// The expert registry's pages (templates/consult/admin_experts.mustache, admin_expert.mustache and
// the partial consult_expert_form.mustache), from what the route fetched.
#include "consult/expert_registry.h"
#include "consult/model.h"

#include <nlohmann/json.hpp>

namespace consult {

std::string expert_url(std::int64_t id);  // /quan-tri/chuyen-gia/{id}
// The form filled with what is stored.
ExpertInput input_of(const Expert& e);
// The form; `raw_capacity` is what was typed when it was not a number.
nlohmann::json expert_form(const ExpertInput& in, const std::vector<LegalField>& fields, const std::string& raw_capacity = "");
// The list of experts and an empty form to add one.
void add_experts(nlohmann::json& view, const std::vector<Expert>& experts, const std::vector<LegalField>& fields);
// One expert and the form to edit them.
void add_expert(nlohmann::json& view, const Expert& e, const std::vector<LegalField>& fields);

}  // namespace consult
