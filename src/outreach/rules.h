#pragma once
// The rules of the registry and the activity log, pure: reading what a form sent into a record
// (each problem in Vietnamese, keyed by field), and who may act on which unit by the tree.
#include "auth/role.h"
#include "outreach/model.h"
#include "units/unit_tree.h"

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace outreach {

using Problems = std::map<std::string, std::string>;  // form field → Vietnamese message

// A person acting: their role and unit (none for an admin without one).
struct OutreachActor {
  auth::Role role = auth::Role::citizen;
  std::optional<std::string> unit;
};

// Admins act on every unit of the tree; anyone else on their own unit and those below it.
bool may_act_on(const OutreachActor& actor, const units::UnitTree& tree, const std::string& unit);
// The units an actor sees: the whole tree for an admin, else their unit and below (none without one).
std::vector<std::string> units_in_view(const OutreachActor& actor, const units::UnitTree& tree);
// The units a list shows: those in view, or with `unit` given, that unit and those below it;
// nothing when `unit` is outside what the actor may act on.
std::optional<std::vector<std::string>> units_listed(const OutreachActor& actor, const units::UnitTree& tree, const std::string& unit);

// A registry form as typed. Names are the form's fields.
struct ReporterForm {
  std::string full_name, unit_code, kind, level, decision_number, decision_date, fields, position, email, phone;
};
// A person of the registry: a name (2–200 bytes), a unit of the tree, a kind and a level that go
// together (reporters are central or provincial, propagandists commune), the recognition
// decision's number (1–50 bytes) and date (not after `today`), fields (≤ 500), position (≤ 300),
// an optional e-mail and phone. `today`: "YYYY-MM-DD".
std::variant<LegalReporter, Problems> read_reporter(const ReporterForm& form, const units::UnitTree& tree, const std::string& today);

// Relieving someone: a date from their recognition to `today`, a reason of at most 500 bytes.
Problems check_relief(const LegalReporter& reporter, const std::string& relieved_on, const std::string& reason, const std::string& today);

struct TrainingForm {
  std::string title, held_on, organiser;
};
std::variant<Training, Problems> read_training(const TrainingForm& form, const std::string& today);

struct ActivityInput {
  std::string unit_code, kind, title, held_on, place, form, audience, participants, materials;
  std::vector<std::string> leaders;  // registry ids as sent
};
// An activity held (not after `today`): a unit of the tree, a kind and a form, a title (3–300
// bytes), a place (1–300), an audience (≤ 300), a number of participants (a whole number from 0
// to 10,000,000, dots between thousands allowed), materials (≤ 2,000), and at most 50 leaders
// named by registry id (whether they exist is the service's to check).
std::variant<Activity, Problems> read_activity(const ActivityInput& form, const units::UnitTree& tree, const std::string& today);

}  // namespace outreach
