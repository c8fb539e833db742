#pragma once
// The feature modules of `phobien`: the one list a new feature is added to (docs/architecture.md,
// "Adding a feature").
#include "core/settings.h"
#include "web/module.h"

#include <memory>
#include <vector>

namespace portal {
class PortalModule;
}
namespace stats {
class StatsModule;
}
namespace outreach {
class OutreachModule;
}
namespace plans {
class PlansModule;
}

namespace app {

struct Modules {
  std::vector<std::unique_ptr<web::Module>> all;  // in the order their routes are registered
  portal::PortalModule* portal = nullptr;         // for the demo content
  stats::StatsModule* stats = nullptr;            // for the demo reports
  outreach::OutreachModule* outreach = nullptr;   // for the demo registry and activities
  plans::PlansModule* plans = nullptr;            // for the demo plan
};

// Builds every module; each gets the services of the modules it uses.
Modules build_modules(const web::ModuleContext& context);

// Every module's settings section, for core::load_config.
const std::vector<core::SettingsSection>& settings_sections();

// Every table of the program, parents before children: backed up (and restored in this order),
// or left out on purpose with the reason. Static: backups need no running module.
const std::vector<web::BackupTable>& all_tables();

}  // namespace app
