#include "app/application.h"

#include "app/demo_content.h"
#include "app/reporting_demo.h"
#include "app/modules.h"
#include "auth/auth_service.h"
#include "core/polling_thread.h"
#include "core/strings.h"
#include "core/time.h"
#include "db/change_feed.h"
#include "db/migrate.h"
#include "http/server.h"
#include "plans/module.h"
#include "portal/module.h"
#include "stats/module.h"
#include "web/site.h"
#include "web/templates.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>

namespace app {

namespace {
// A module's duty with the time it is next due.
struct ScheduledDuty {
  web::Duty duty;
  std::int64_t next_at = 0;
};
}  // namespace

struct Application::Impl {
  core::Config config;
  std::unique_ptr<db::Database> database;
  db::ChangeFeed changes;
  std::unique_ptr<auth::AuthService> auth;
  std::unique_ptr<web::Site> site;
  Modules modules;
  std::vector<ScheduledDuty> duties;
  std::unique_ptr<http::Server> server;
  // Follows the change log and runs the duties, on the loop the queue workers use.
  std::unique_ptr<core::PollingThread> background;

  void run_due_duties() {
    const auto now = core::now_unix();
    for (auto& d : duties) {
      if (now < d.next_at) continue;
      d.next_at = now + d.duty.every.count();
      try {
        d.duty.run(now);
      } catch (const std::exception& e) {
        spdlog::warn("duty {} failed: {}", d.duty.name, e.what());
      }
    }
  }

  // One pass in every node: follow the change log (other nodes' writes), then the duties.
  int background_pass() {
    try {
      changes.poll(*database);
    } catch (const std::exception& e) {
      spdlog::warn("change-log poll failed: {}", e.what());
    }
    run_due_duties();
    return 0;  // nothing queued: the next pass waits for the interval
  }

  void register_health_route() {
    site->add(web::api("GET", "/healthz"), [this](http::Request&, web::Visitor&) {
      auto conn = database->acquire();
      conn->query_int("SELECT 1");
      auto r = http::Response::json(
          nlohmann::json{{"status", "ok"}, {"database", conn->dialect() == db::Dialect::sqlite ? "sqlite" : "postgresql"}}.dump());
      r.set("Cache-Control", "no-store");
      return r;
    });
  }

  void start_server() {
    http::ServerOptions options;
    options.host = config.host();
    options.port = config.port();
    options.worker_threads = config.worker_threads;
    options.body_limit = config.max_body_bytes;
    options.header_limit = config.max_header_bytes;
    web::Site* s = site.get();
    options.body_budget = [s](std::string_view method, std::string_view target) { return s->body_limit(method, target); };
    server = std::make_unique<http::Server>(
        options, [s](const http::Request& r) { return s->fast(r); }, [s](http::Request& r) { return s->handle(r); },
        [](const http::Request& r, int status, std::size_t bytes, double ms) {
          // Path only: query strings may carry search terms or tokens.
          spdlog::info("request method={} path=\"{}\" status={} bytes={} ms={:.2f}", r.method, core::for_log(r.path), status, bytes, ms);
        });
    server->listen();
  }
};

Application::Application(core::Config config) : impl_(std::make_unique<Impl>()) { impl_->config = std::move(config); }

Application::~Application() {
  for (auto& m : impl_->modules.all) m->stop();
  if (impl_->background) impl_->background->stop();
}

void Application::start(bool demo) {
  auto& s = *impl_;
  web::check_templates();
  std::filesystem::create_directories(s.config.data_dir);
  std::filesystem::create_directories(s.config.uploads_dir());
  s.database = db::open_database(s.config.effective_database_url(), s.config.worker_threads + 2);
  for (const auto& name : db::migrate(*s.database)) spdlog::info("migration applied: {}", name);

  s.auth = std::make_unique<auth::AuthService>(*s.database, s.config);
  if (auto password = s.auth->ensure_initial_admin()) {
    std::cout << "\n  Tài khoản quản trị đầu tiên đã được tạo (mật khẩu chỉ hiện một lần):\n"
              << "    e-mail:    admin@localhost\n"
              << "    mật khẩu:  " << *password << "\n\n"
              << std::flush;
  }
  s.site = std::make_unique<web::Site>(s.config, *s.database, *s.auth);
  s.modules = build_modules({s.config, *s.database, s.changes});
  if (demo) {
    seed_demo_content(*s.database, *s.auth, s.modules.portal->service());
    seed_reporting_demo(*s.database, *s.auth, s.modules.stats->reports(), *s.modules.outreach, s.modules.plans->service(),
                        core::now_unix());
  }

  s.changes.add_listener([site = s.site.get()](const std::string&) { site->invalidate(); });
  s.changes.poll(*s.database);  // sets the mark: later polls report only new changes
  std::vector<const web::Module*> menu_sources;
  for (auto& m : s.modules.all) {
    m->register_routes(*s.site);
    menu_sources.push_back(m.get());
    for (auto& duty : m->duties()) s.duties.push_back({std::move(duty)});
  }
  s.site->set_modules(std::move(menu_sources));
  s.register_health_route();

  s.start_server();
  s.background = std::make_unique<core::PollingThread>(
      "background", std::chrono::milliseconds(std::max<std::int64_t>(50, s.config.change_poll_millis)),
      [&s] { return s.background_pass(); });
  s.background->start();
  for (auto& m : s.modules.all) m->start();
}

std::uint16_t Application::port() const { return impl_->server->port(); }

const std::vector<web::RouteSpec>& Application::routes() const { return impl_->site->routes(); }

void Application::run() { impl_->server->run(); }

void Application::stop() {
  if (impl_->server) impl_->server->stop();
}

}  // namespace app
