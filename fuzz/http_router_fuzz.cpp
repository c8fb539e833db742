// http::Router::match of fuzzed paths against the site's route patterns (the patterns the modules
// register, in their order). Input: a method byte (GET, POST, HEAD, DELETE, PUT, or the first
// line), then the path. With the method byte's high bit set, the lines before the path are also
// added as patterns of a second router, which must match their own literal paths.
// Properties: the outcome, route id, allowed methods and parameters equal those of a plain
// re-implementation written from router.h's contract (first route in order wins; HEAD is GET;
// "{name}" is one segment, "{name...}" the rest; empty segments ignored); the found route's pattern
// with its parameters put back is the path's segments.
#include "fuzz_check.h"
#include "http/router.h"

#include <algorithm>
#include <map>
#include <vector>

namespace {

struct Pattern {
  const char* method;
  const char* path;
};

// grep -rhoE '\b(page|form|upload)\("/[^"]*"|\b(api|webhook)\("[A-Z]+", *"/[^"]*"' src; forms and
// uploads also answer GET through their page, so both methods are listed where a module does.
constexpr Pattern kRoutes[] = {
    {"GET", "/"}, {"GET", "/healthz"}, {"GET", "/robots.txt"}, {"GET", "/sitemap.xml"}, {"GET", "/tep/{path...}"},
    {"GET", "/uploads/"}, {"GET", "/tep/{id}/{name}"}, {"GET", "/dang-nhap"}, {"POST", "/dang-nhap"}, {"GET", "/dang-ky"},
    {"POST", "/dang-ky"}, {"POST", "/dang-xuat"}, {"GET", "/bai-viet/{slug}"}, {"GET", "/bai-viet/{slug}/in"},
    {"GET", "/chuyen-muc/{slug}"}, {"GET", "/the/{slug}"}, {"GET", "/van-ban"}, {"GET", "/van-ban/{slug}"},
    {"GET", "/van-ban/{slug}/{anchor}"}, {"GET", "/tra-cuu"}, {"GET", "/hoi-dap"}, {"GET", "/hoi-dap/{slug}"},
    {"GET", "/hoi-dap-tu-dong"}, {"POST", "/hoi-dap-tu-dong"}, {"POST", "/hoi-dap-tu-dong/chuyen-chuyen-gia"},
    {"GET", "/tu-van"}, {"POST", "/tu-van"}, {"GET", "/tu-van/cua-toi"}, {"GET", "/tu-van/theo-doi/{code}"},
    {"POST", "/tu-van/theo-doi/{code}/hoi-tiep"}, {"POST", "/tu-van/theo-doi/{code}/danh-gia"},
    {"POST", "/tu-van/theo-doi/{code}/rut-lai"}, {"GET", "/quan-tri"}, {"GET", "/quan-tri/bai-viet"},
    {"GET", "/quan-tri/bai-viet/moi"}, {"POST", "/quan-tri/bai-viet/moi"}, {"GET", "/quan-tri/bai-viet/{id}"},
    {"POST", "/quan-tri/bai-viet/{id}"}, {"GET", "/quan-tri/bai-viet/{id}/xem-truoc"}, {"GET", "/quan-tri/chuyen-muc"},
    {"POST", "/quan-tri/chuyen-muc"}, {"POST", "/quan-tri/chuyen-muc/{id}"}, {"POST", "/quan-tri/chuyen-muc/{id}/xoa"},
    {"GET", "/quan-tri/nguoi-dung"}, {"POST", "/quan-tri/nguoi-dung"}, {"POST", "/quan-tri/nguoi-dung/{id}"},
    {"GET", "/quan-tri/nhat-ky"}, {"GET", "/quan-tri/thu-vien"}, {"POST", "/quan-tri/thu-vien/nhap"},
    {"POST", "/quan-tri/thu-vien/tai-lieu"}, {"GET", "/quan-tri/tu-van/thong-ke"}, {"GET", "/quan-tri/tu-van"},
    {"GET", "/quan-tri/tu-van/{id}"}, {"GET", "/quan-tri/tu-van/{id}/tep/{attachment}"}, {"GET", "/quan-tri/chuyen-gia"},
    {"POST", "/quan-tri/chuyen-gia"}, {"GET", "/quan-tri/chuyen-gia/{id}"}, {"POST", "/quan-tri/chuyen-gia/{id}"},
    {"POST", "/quan-tri/chuyen-gia/{id}/xac-minh"}, {"GET", "/api/v1/categories"}, {"GET", "/api/v1/categories/{slug}"},
    {"GET", "/api/v1/documents"}, {"GET", "/api/v1/documents/{id}"}, {"GET", "/api/v1/posts"}, {"GET", "/api/v1/posts/{id}"},
    {"GET", "/api/v1/qa"}, {"GET", "/api/v1/questions/challenge"}, {"GET", "/api/v1/questions/{code}"},
    {"POST", "/api/v1/questions"}, {"GET", "/api/v1/search"}, {"GET", "/api/v1/stats/consultation"},
    {"POST", "/api/v1/answer"}, {"POST", "/api/v1/answer/handoff"}, {"GET", "/webhooks/messenger"},
    {"POST", "/webhooks/messenger"}, {"POST", "/webhooks/zalo"}, {"GET", "/{name}"},
};

std::vector<std::string> segments(std::string_view path) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < path.size();) {
    std::size_t next = std::min(path.find('/', i), path.size());
    if (next > i) out.emplace_back(path.substr(i, next - i));
    i = next + 1;
  }
  return out;
}

bool is_param(const std::string& seg) { return seg.size() > 2 && seg.front() == '{' && seg.back() == '}'; }
bool is_rest(const std::string& seg) { return is_param(seg) && seg.ends_with("...}"); }

// The reference: does `pattern` match `parts`, and with which parameters.
std::optional<std::map<std::string, std::string>> reference_match(const std::vector<std::string>& pattern, const std::vector<std::string>& parts) {
  std::map<std::string, std::string> params;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const std::string& seg = pattern[i];
    if (is_rest(seg)) {
      if (i >= parts.size()) return std::nullopt;
      std::string rest;
      for (std::size_t j = i; j < parts.size(); ++j) rest += (j > i ? "/" : "") + parts[j];
      params[seg.substr(1, seg.size() - 5)] = rest;
      return params;
    }
    if (i >= parts.size()) return std::nullopt;
    if (is_param(seg)) params[seg.substr(1, seg.size() - 2)] = parts[i];
    else if (seg != parts[i]) return std::nullopt;
  }
  if (pattern.size() != parts.size()) return std::nullopt;
  return params;
}

struct Route {
  std::string method, path;
};

void check(const http::Router& router, const std::vector<Route>& routes, const std::string& method,
           const std::string& path, bool rebuild) {
  http::Request request;
  request.method = method;
  request.path = path;
  http::Router::Match got = router.match(request);

  std::string wanted = method == "HEAD" ? "GET" : method;
  std::vector<std::string> parts = segments(path);
  std::vector<std::string> allowed;
  for (std::size_t id = 0; id < routes.size(); ++id) {
    auto params = reference_match(segments(routes[id].path), parts);
    if (!params) continue;
    if (routes[id].method != wanted) {
      allowed.push_back(routes[id].method);
      continue;
    }
    FUZZ_CHECK(got.outcome == http::Router::Outcome::found);
    FUZZ_CHECK(got.id == id);
    FUZZ_CHECK(request.params == *params);
    if (!rebuild) return;  // fuzzed patterns may repeat a name or put "{x...}" before the end
    // The pattern with its parameters put back is the path.
    std::string rebuilt;
    for (const std::string& seg : segments(routes[id].path))
      rebuilt += "/" + (is_rest(seg) ? params->at(seg.substr(1, seg.size() - 5)) : is_param(seg) ? params->at(seg.substr(1, seg.size() - 2)) : seg);
    FUZZ_CHECK(segments(rebuilt) == parts);
    return;
  }
  if (got.outcome != (allowed.empty() ? http::Router::Outcome::not_found : http::Router::Outcome::method_not_allowed) || got.allowed != allowed) {
    std::fprintf(stderr, "method %s path \"%s\": router outcome %d id %zu allowed %zu; reference allowed %zu\n", method.c_str(), path.c_str(),
                 static_cast<int>(got.outcome), got.id, got.allowed.size(), allowed.size());
    for (const auto& r : routes) std::fprintf(stderr, "  route %s \"%s\"\n", r.method.c_str(), r.path.c_str());
  }
  FUZZ_CHECK(got.outcome == (allowed.empty() ? http::Router::Outcome::not_found : http::Router::Outcome::method_not_allowed));
  FUZZ_CHECK(got.allowed == allowed);
  FUZZ_CHECK(request.params.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<Route> routes = [] {
    std::vector<Route> r;
    for (const Pattern& p : kRoutes) r.push_back({p.method, p.path});
    return r;
  }();
  static const http::Router router = [] {
    http::Router r;
    for (const Pattern& p : kRoutes) r.add(p.method, p.path);
    return r;
  }();

  fuzz::Input input(fuzz::bytes(data, size));
  std::uint8_t selector = input.byte();
  static const char* const kMethods[] = {"GET", "POST", "HEAD", "DELETE", "PUT"};
  std::string method = selector % 6 < 5 ? kMethods[selector % 6] : std::string(input.line());

  if (!(selector & 0x80)) {
    check(router, routes, method, std::string(input.rest()), true);
    return 0;
  }
  // Fuzzed patterns: every line but the last; the last is the path.
  std::vector<std::string> lines;
  while (!input.empty()) lines.emplace_back(input.line());
  if (lines.empty()) return 0;
  std::string path = lines.back();
  lines.pop_back();
  http::Router fuzzed;
  std::vector<Route> own;
  for (const std::string& line : lines) {
    FUZZ_CHECK(fuzzed.add(method, line) == own.size());
    own.push_back({method, line});
  }
  check(fuzzed, own, method, path, false);
  for (const std::string& line : lines) check(fuzzed, own, method, line, false);
  return 0;
}
