#include "http/router.h"

namespace http {

namespace {
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    auto next = path.find('/', i);
    if (next == std::string_view::npos) next = path.size();
    out.push_back(path.substr(i, next - i));
    i = next;
  }
  return out;
}
}  // namespace

std::size_t Router::add(std::string method, std::string pattern) {
  Route r{std::move(method), {}};
  for (auto seg : split_path(pattern)) r.segments.emplace_back(seg);
  routes_.push_back(std::move(r));
  return routes_.size() - 1;
}

Router::Match Router::match(Request& request) const {
  auto parts = split_path(request.path);
  // "/a/" and "/a" are the same page; a trailing slash is not a different route.
  std::string_view method = request.method == "HEAD" ? "GET" : std::string_view(request.method);
  Match result{Outcome::not_found};
  for (std::size_t id = 0; id < routes_.size(); ++id) {
    const auto& route = routes_[id];
    std::map<std::string, std::string> params;
    bool ok = true;
    std::size_t i = 0;
    for (; i < route.segments.size(); ++i) {
      const std::string& seg = route.segments[i];
      bool param = seg.size() > 2 && seg.front() == '{' && seg.back() == '}';
      if (param && seg.ends_with("...}")) {
        if (i >= parts.size()) { ok = false; break; }
        std::string rest;
        for (std::size_t j = i; j < parts.size(); ++j) rest += (j > i ? "/" : "") + std::string(parts[j]);
        params[seg.substr(1, seg.size() - 5)] = rest;
        i = parts.size();
        break;
      }
      if (i >= parts.size()) { ok = false; break; }
      if (param)
        params[seg.substr(1, seg.size() - 2)] = std::string(parts[i]);
      else if (seg != parts[i]) { ok = false; break; }
    }
    if (!ok || i != parts.size()) continue;
    if (route.method != method) {
      result.outcome = Outcome::method_not_allowed;
      result.allowed.push_back(route.method);
      continue;
    }
    request.params = std::move(params);
    return Match{Outcome::found, id, {}};
  }
  return result;
}

}  // namespace http
