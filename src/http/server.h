#pragma once
#include "http/message.h"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string_view>

namespace http {

// How much one connection may cost. Each request's head is read first; its body only when the
// route's budget allows it, so a large body for a small route is refused before it is read.
struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port
  std::size_t io_threads = 1;
  std::size_t worker_threads = 8;  // blocking work (database) runs here, never on I/O threads
  std::size_t header_limit = 16 * 1024;
  std::size_t body_limit = 12 * 1024 * 1024;  // the ceiling for any route
  // The body budget of a request from its method and raw target (web::Site::body_limit), at most
  // body_limit; unset: body_limit for all. A larger body gets 413 and the connection is closed.
  std::function<std::size_t(std::string_view method, std::string_view target)> body_budget;
  std::size_t max_connections = 2000;        // connections beyond it are closed at once
  std::chrono::seconds idle_timeout{15};     // waiting for the next request's head, keep-alive included
  std::chrono::seconds read_timeout{30};     // reading a body, once its head has arrived
  std::chrono::seconds write_timeout{30};    // writing one response, fresh for each
};

// Cheap handler run on the I/O thread (cache hits, static files); nullopt passes the request on.
using FastHandler = std::function<std::shared_ptr<const PreparedResponse>(const Request&)>;
// Full handler, run on the worker pool.
using SlowHandler = std::function<Response(Request&)>;
// Called once per request with the final status and latency, for the access log.
using AccessLog = std::function<void(const Request&, int status, std::size_t bytes, double millis)>;

class BindError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Server {
 public:
  Server(ServerOptions options, FastHandler fast, SlowHandler slow, AccessLog log);
  ~Server();
  // Binds and listens; throws BindError (port in use, bad address) with a readable message.
  void listen();
  std::uint16_t port() const;
  // Serves until stop() or SIGINT/SIGTERM.
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace http
