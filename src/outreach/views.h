#pragma once
// What the registry and activity pages show (templates/outreach/*), built from the services'
// values, and the registry as a table to take away.
#include "core/spreadsheet.h"
#include "outreach/activity_service.h"
#include "outreach/registry_service.h"

#include <nlohmann/json.hpp>

namespace outreach {

inline constexpr const char* kRegistryUrl = "/quan-tri/bao-cao-vien";
inline constexpr const char* kActivitiesUrl = "/quan-tri/hoat-dong";

// The units a person picks from: {"code", "name", "indent", "selected"}.
nlohmann::json unit_options(const units::UnitTree& tree, const std::vector<std::string>& codes, const std::string& selected);
// Choices of an enum: {"slug", "label", "selected"}.
template <typename Enum, typename Slug, typename Label>
nlohmann::json enum_options(const std::vector<Enum>& values, Slug slug, Label label, const std::string& selected) {
  nlohmann::json out = nlohmann::json::array();
  for (auto v : values) out.push_back({{"slug", std::string(slug(v))}, {"label", std::string(label(v))}, {"selected", slug(v) == selected}});
  return out;
}

nlohmann::json reporter_view(const LegalReporter& r, const units::UnitTree& tree);
// The form's fields as stored, to refill the edit form.
ReporterForm form_of(const LegalReporter& r);
nlohmann::json reporter_form_view(const ReporterForm& form);
nlohmann::json record_view(const ReporterRecord& record, const units::UnitTree& tree);

nlohmann::json activity_view(const Activity& a, const units::UnitTree& tree);
ActivityInput input_of(const Activity& a);
nlohmann::json activity_form_view(const ActivityInput& input, const std::vector<LegalReporter>& possible_leaders);

// The registry as exported: one row per person.
core::Table registry_table(const std::vector<LegalReporter>& people, const units::UnitTree& tree);

}  // namespace outreach
