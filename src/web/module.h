#pragma once
// A feature module: one folder under src/ whose entry point (its `module.h`) declares, in one
// place, everything the rest of the program needs to know about it. `app/modules.cpp` assembles
// the list; nothing in core, web, auth or the shared templates names a feature.
//
// What a module declares:
// - its routes, each with the permission it needs, its kind and its body budget (web/route.h);
// - its public menu entries and back-office links (both menus are built from these);
// - its background duties with their schedule (run by one loop in every node; each duty must be
//   safe when several nodes run it, by claiming its rows);
// - its worker threads (start/stop), e.g. the senders of a durable queue;
// - its tables, for backups: each table is either backed up or left out with the reason
//   (`BackupTable`, static, so `phobien backup` needs no running module);
// - its settings section (core/settings.h) and its migrations (`src/<module>/migrations/`, found
//   by db::migrate), both static too;
// - the figures it counts for the PBGDPL reports (web/figures.h).
#include "core/config.h"
#include "db/change_feed.h"
#include "db/database.h"
#include "web/figures.h"
#include "web/route.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace web {

class Site;

// What every module is built from.
struct ModuleContext {
  const core::Config& config;
  db::Database& database;
  db::ChangeFeed& changes;
};

// A link in the public menu. `order` places it among all modules' entries (lower first).
struct MenuEntry {
  int order = 0;
  std::string label;
  std::string url;
};

// A link in the back-office navigation, shown to the roles that `access` allows.
struct BackOfficeLink {
  int order = 0;
  std::string label;
  std::string url;
  Access access = signed_in;
};

// Work done every `every` on every node, from one background loop.
struct Duty {
  std::string name;
  std::chrono::seconds every{60};
  std::function<void(std::int64_t now)> run;
};

// A table the module owns: backed up, or left out on purpose with the reason.
struct BackupTable {
  BackupTable(const char* name) : table(name) {}  // backed up
  BackupTable(const char* name, const char* why_left_out) : table(name), backed_up(false), reason(why_left_out) {}
  // Backed up, with a statement `phobien restore` runs on it after the rows are back, in the
  // same transaction: for a queue, so that what was waiting when the backup was taken is not
  // done a second time.
  static BackupTable queue(const char* name, const char* after_restore_sql) {
    BackupTable t(name);
    t.after_restore = after_restore_sql;
    return t;
  }
  std::string table;
  bool backed_up = true;
  std::string reason;         // why it is left out (empty when backed up)
  std::string after_restore;  // SQL, or empty
};

class Module {
 public:
  virtual ~Module() = default;
  virtual std::string_view name() const = 0;
  virtual void register_routes(Site&) {}  // modules without pages (mail, antispam) keep this
  // Called when the menu is (re)built: after any change in the change log.
  virtual std::vector<MenuEntry> public_menu() const { return {}; }
  virtual std::vector<BackOfficeLink> back_office_links() const { return {}; }
  virtual std::vector<Duty> duties() { return {}; }
  virtual std::vector<FigureSource> figure_sources() const { return {}; }
  virtual void start() {}  // after the server listens
  virtual void stop() {}   // before the module is destroyed
};

}  // namespace web
