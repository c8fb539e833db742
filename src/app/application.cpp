#include "app/application.h"

#include "answer/answer_routes.h"
#include "app/demo_content.h"
#include "auth/auth_routes.h"
#include "auth/auth_service.h"
#include "auth/proof_of_work.h"
#include "consult/admin_routes.h"
#include "consult/api_routes.h"
#include "consult/consultation.h"
#include "consult/public_routes.h"
#include "consult/qa_index.h"
#include "consult/stats_routes.h"
#include "core/time.h"
#include "db/change_feed.h"
#include "db/migrate.h"
#include "http/server.h"
#include "library/library_service.h"
#include "library/admin_routes.h"
#include "library/routes.h"
#include "library/search_routes.h"
#include "library/search_service.h"
#include "mail/mail_outbox.h"
#include "mail/mail_worker.h"
#include "messaging/outbox_worker.h"
#include "messaging/webhook_routes.h"
#include "portal/admin_routes.h"
#include "portal/api_routes.h"
#include "portal/portal_service.h"
#include "portal/public_routes.h"
#include "web/site.h"
#include "web/templates.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <condition_variable>
#include <filesystem>
#include <iostream>
#include <thread>

namespace app {

namespace {
// Consultation e-mails join the transaction of the step that causes them (the durable outbox).
void queue_mail(db::Connection& c, const std::string& to, const std::string& subject, const std::string& body) {
  if (auto queued = mail::MailOutbox::enqueue(c, to, subject, body); !queued) spdlog::warn("e-mail not queued: {}", queued.error());
}
}  // namespace

struct Application::Impl {
  core::Config config;
  std::unique_ptr<db::Database> database;
  db::ChangeFeed changes;
  std::unique_ptr<auth::AuthService> auth;
  std::unique_ptr<portal::PortalService> portal;
  std::unique_ptr<library::LibraryService> library;
  std::unique_ptr<library::SearchService> search;
  std::unique_ptr<answer::AnswerService> answers;
  std::unique_ptr<consult::Consultation> consult;
  std::unique_ptr<consult::QaIndex> qa;
  std::unique_ptr<messaging::OutboxWorker> outbox;  // answers chat messages on its own thread
  std::unique_ptr<messaging::Inbox> inbox;
  std::unique_ptr<mail::MailWorker> mail;  // sends queued e-mails on its own thread
  std::unique_ptr<web::Site> site;
  std::unique_ptr<http::Server> server;
  std::thread background;
  std::mutex mutex;
  std::condition_variable wake;
  bool stopping = false;

  // Consultation duties: hand-offs become questions, deadlines remind and escalate, expired
  // personal data and orphaned attachment files go. Every node runs them; each claims its rows, so none is done twice.
  std::int64_t next_consult_duties = 0;
  void consult_duties() {
    auto now = core::now_unix();
    if (now < next_consult_duties) return;
    next_consult_duties = now + 60;
    consult->duties.take_handoffs(now);
    consult->duties.check_deadlines(now);
    consult->duties.purge_expired(now);
    consult->duties.remove_orphan_files(now);
    auto c = database->acquire();
    auth::pow::purge_spent(*c, now);
  }

  void background_loop() {
    std::optional<std::int64_t> next_scheduled = portal->next_scheduled();
    std::unique_lock lock(mutex);
    while (!stopping) {
      wake.wait_for(lock, std::chrono::milliseconds(std::max<std::int64_t>(50, config.change_poll_millis)));
      if (stopping) break;
      lock.unlock();
      try {
        bool changed = changes.poll(*database);
        // A scheduled post whose time has come changes public pages without any write.
        if (next_scheduled && *next_scheduled <= core::now_unix()) {
          site->invalidate();
          changed = true;
        }
        if (changed) next_scheduled = portal->next_scheduled();
        consult_duties();
      } catch (const std::exception& e) {
        spdlog::warn("change-log poll failed: {}", e.what());
      }
      lock.lock();
    }
  }
};

Application::Application(core::Config config) : impl_(std::make_unique<Impl>()) { impl_->config = std::move(config); }

Application::~Application() {
  if (impl_->outbox) impl_->outbox->stop();
  if (impl_->mail) impl_->mail->stop();
  {
    std::lock_guard lock(impl_->mutex);
    impl_->stopping = true;
  }
  impl_->wake.notify_all();
  if (impl_->background.joinable()) impl_->background.join();
}

void Application::start(bool demo) {
  auto& s = *impl_;
  web::check_templates();
  std::filesystem::create_directories(s.config.data_dir);
  std::filesystem::create_directories(s.config.uploads_dir());
  s.database = db::open_database(s.config.effective_database_url(), s.config.worker_threads + 2);
  // Before migrating: a malformed smtp.from stops the start before anything is changed.
  s.mail = std::make_unique<mail::MailWorker>(s.config, *s.database);
  for (const auto& name : db::migrate(*s.database)) spdlog::info("migration applied: {}", name);

  s.auth = std::make_unique<auth::AuthService>(*s.database, s.config);
  s.portal = std::make_unique<portal::PortalService>(*s.database, s.changes, s.config.uploads_dir(), s.config.max_cover_bytes);
  s.library = std::make_unique<library::LibraryService>(*s.database, s.changes, s.config.uploads_dir());
  if (auto password = s.auth->ensure_initial_admin()) {
    std::cout << "\n  Tài khoản quản trị đầu tiên đã được tạo (mật khẩu chỉ hiện một lần):\n"
              << "    e-mail:    admin@localhost\n"
              << "    mật khẩu:  " << *password << "\n\n"
              << std::flush;
  }
  if (demo) seed_demo_content(*s.database, *s.auth, *s.portal);

  s.search = std::make_unique<library::SearchService>(*s.database, s.changes);
  s.answers = std::make_unique<answer::AnswerService>(*s.database, *s.search, s.config.conversation_retention_days * 24 * 3600);
  s.consult = std::make_unique<consult::Consultation>(*s.database, s.changes, *s.library, s.config, queue_mail);
  s.qa = std::make_unique<consult::QaIndex>(*s.database, s.changes);
  s.answers->set_archive(s.qa.get());
  s.site = std::make_unique<web::Site>(s.config, *s.database, *s.auth);
  s.changes.add_listener([site = s.site.get(), library = s.library.get()](const std::string&) {
    site->invalidate();
    library->invalidate_links();
  });
  s.changes.poll(*s.database);  // sets the mark: later polls report only new changes
  auth::register_auth_routes(*s.site);
  portal::register_public_routes(*s.site, *s.portal);
  portal::register_admin_routes(*s.site, *s.portal);
  portal::register_api_routes(*s.site, *s.portal);
  library::register_library_routes(*s.site, *s.library);
  library::register_library_admin_routes(*s.site, *s.library);
  consult::register_consult_stats_routes(*s.site, *s.database);  // before any /quan-tri/tu-van/{id}
  library::register_search_routes(*s.site, *s.search);
  consult::register_consult_admin_routes(*s.site, *s.consult, *s.search);
  answer::register_answer_routes(*s.site, *s.answers);
  consult::register_consult_public_routes(*s.site, *s.consult, *s.qa, *s.answers);
  consult::register_consult_api_routes(*s.site, *s.consult, *s.qa);
  s.outbox = std::make_unique<messaging::OutboxWorker>(s.config, *s.database, *s.answers);
  s.inbox = std::make_unique<messaging::Inbox>(*s.database, [outbox = s.outbox.get()] { outbox->notify(); });
  messaging::register_webhook_routes(*s.site, *s.inbox);
  s.site->api("GET", "/healthz", [&s](http::Request&, web::Visitor&) {
    auto conn = s.database->acquire();
    conn->query_int("SELECT 1");
    auto r = http::Response::json(nlohmann::json{{"status", "ok"}, {"database", conn->dialect() == db::Dialect::sqlite ? "sqlite" : "postgresql"}}.dump());
    r.set("Cache-Control", "no-store");
    return r;
  });

  http::ServerOptions options;
  options.host = s.config.host();
  options.port = s.config.port();
  options.worker_threads = s.config.worker_threads;
  options.body_limit = s.config.max_body_bytes;
  options.header_limit = s.config.max_header_bytes;
  web::Site* site = s.site.get();
  s.server = std::make_unique<http::Server>(
      options, [site](const http::Request& r) { return site->fast(r); },
      [site](http::Request& r) { return site->handle(r); },
      [](const http::Request& r, int status, std::size_t bytes, double ms) {
        // Path only: query strings may carry search terms or tokens.
        spdlog::info("request method={} path=\"{}\" status={} bytes={} ms={:.2f}", r.method, r.path, status, bytes, ms);
      });
  s.server->listen();
  s.background = std::thread([&s] { s.background_loop(); });
  s.outbox->start();
  s.mail->start();
}

std::uint16_t Application::port() const { return impl_->server->port(); }

void Application::run() { impl_->server->run(); }

void Application::stop() {
  if (impl_->server) impl_->server->stop();
}

}  // namespace app
