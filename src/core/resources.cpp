#include "core/resources.h"

#include <algorithm>

namespace core {

std::optional<std::string_view> find_resource(std::string_view path) {
  for (const auto& r : resources())
    if (r.path == path) return r.data;
  return std::nullopt;
}

std::vector<const Resource*> resources_under(std::string_view prefix) {
  std::vector<const Resource*> out;
  for (const auto& r : resources())
    if (std::string_view(r.path).starts_with(prefix)) out.push_back(&r);
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->path < b->path; });
  return out;
}

}  // namespace core
