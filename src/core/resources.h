#pragma once
// Files compiled into the binary: templates/, static/ and src/db/migrations/.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct Resource {
  std::string path;  // relative to the source root, e.g. "templates/layout.mustache"
  std::string_view data;
};

const std::vector<Resource>& resources();

// The resource at `path`, or nullopt.
std::optional<std::string_view> find_resource(std::string_view path);

// Resources whose path starts with `prefix`, sorted by path.
std::vector<const Resource*> resources_under(std::string_view prefix);

}  // namespace core
