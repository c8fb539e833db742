#include "app/modules.h"

#include "account/module.h"
#include "antispam/module.h"
#include "answer/module.h"
#include "answer/settings.h"
#include "consult/module.h"
#include "consult/settings.h"
#include "learning/module.h"
#include "library/module.h"
#include "mail/module.h"
#include "mail/settings.h"
#include "messaging/module.h"
#include "messaging/settings.h"
#include "outreach/module.h"
#include "plans/module.h"
#include "portal/module.h"
#include "stats/module.h"
#include "stats/settings.h"
#include "units/module.h"
#include "units/settings.h"

namespace app {

Modules build_modules(const web::ModuleContext& context) {
  Modules m;
  auto add = [&m](auto module) {
    auto* raw = module.get();
    m.all.push_back(std::move(module));
    return raw;
  };
  add(std::make_unique<mail::MailModule>(context));
  add(std::make_unique<account::AccountModule>(context));
  m.portal = add(std::make_unique<portal::PortalModule>(context));
  auto* library = add(std::make_unique<library::LibraryModule>(context));
  auto* answer = add(std::make_unique<answer::AnswerModule>(context, library->search()));
  add(std::make_unique<antispam::AntispamModule>(context));
  auto* units = add(std::make_unique<units::UnitsModule>(context));
  auto* stats = m.stats = add(std::make_unique<stats::StatsModule>(context));  // before consultation: /quan-tri/tu-van/thong-ke ahead of /quan-tri/tu-van/{id}
  auto* consult = add(std::make_unique<consult::ConsultModule>(context, library->service(), library->search(), answer->service()));
  // The vocabulary suggestions read the questions answered with citations.
  library->suggestions().add_source(&consult->consultation().archive);
  library->suggestions().add_source(&answer->helpful_answers());
  add(std::make_unique<messaging::MessagingModule>(context, answer->service()));
  auto* learning = add(std::make_unique<learning::LearningModule>(context, units->registry(), library->service()));
  answer->service().set_exam_guard(&learning->exam_guard());  // no choice for open contests' questions
  m.outreach = add(std::make_unique<outreach::OutreachModule>(context, learning->courses()));
  m.plans = add(std::make_unique<plans::PlansModule>(context));
  // The PBGDPL reports fill in what every module counts.
  std::vector<web::FigureSource> sources;
  for (const auto& module : m.all)
    for (auto& source : module->figure_sources()) sources.push_back(std::move(source));
  stats->set_figure_sources(std::move(sources));
  return m;
}

const std::vector<core::SettingsSection>& settings_sections() {
  static const std::vector<core::SettingsSection> sections{mail::settings_section(), answer::settings_section(),
                                                           consult::settings_section(), messaging::settings_section(),
                                                           units::settings_section(), stats::settings_section()};
  return sections;
}

const std::vector<web::BackupTable>& all_tables() {
  static const std::vector<web::BackupTable> tables = [] {
    std::vector<web::BackupTable> all;
    for (auto part : {account::AccountModule::tables(), portal::PortalModule::tables(), library::LibraryModule::tables(),
                      answer::AnswerModule::tables(), messaging::MessagingModule::tables(), consult::ConsultModule::tables(),
                      mail::MailModule::tables(), antispam::AntispamModule::tables(), units::UnitsModule::tables(),
                      stats::StatsModule::tables(), learning::LearningModule::tables(), outreach::OutreachModule::tables(),
                      plans::PlansModule::tables()})
      all.insert(all.end(), part.begin(), part.end());
    // The database layer's own.
    all.push_back({"change_log"});
    all.push_back({"settings"});
    all.push_back({"schema_migrations", "written by the migrations themselves"});
    return all;
  }();
  return tables;
}

}  // namespace app
