#pragma once
#include "http/message.h"

namespace http {

// Maps "METHOD /path/{param}/..." patterns to route ids; the caller keeps the handlers, so any
// handler signature fits. A segment "{name}" matches one path segment; "{name...}" as the last
// segment matches the rest of the path.
class Router {
 public:
  // Returns the new route's id (0, 1, 2, ... in order of addition).
  std::size_t add(std::string method, std::string pattern);

  enum class Outcome { found, not_found, method_not_allowed };
  struct Match {
    Outcome outcome;
    std::size_t id = 0;
    std::vector<std::string> allowed;  // for 405
  };
  // Fills request.params on success. HEAD matches GET routes.
  Match match(Request& request) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
  };
  std::vector<Route> routes_;
};

}  // namespace http
