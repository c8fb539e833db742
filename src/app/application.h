#pragma once
// Wires one `phobien serve` process: database, migrations, services, routes, HTTP server and
// the background loop that follows the change log.
#include "core/config.h"
#include "web/route.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace app {

class Application {
 public:
  explicit Application(core::Config config);
  ~Application();
  // Opens the database, migrates, creates the first admin (printing its password once), seeds
  // demo content when asked, and binds the port. Throws with an operator-readable message.
  void start(bool demo);
  std::uint16_t port() const;
  // Every route the modules declared (after start), for the route-by-role test and docs.
  const std::vector<web::RouteSpec>& routes() const;
  // Serves until SIGINT/SIGTERM or stop().
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace app
