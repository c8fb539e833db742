#include "web/templates.h"

#include "core/resources.h"

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <stdexcept>

namespace web {

namespace mu = kainjow::mustache;

namespace {
mu::data to_data(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mu::data d(mu::data::type::object);
      for (auto it = j.begin(); it != j.end(); ++it) d.set(it.key(), to_data(it.value()));
      return d;
    }
    case nlohmann::json::value_t::array: {
      mu::data d(mu::data::type::list);
      for (const auto& e : j) d.push_back(to_data(e));
      return d;
    }
    // An empty string is falsy in sections, as in mustache.js ({{#issuer}}…{{/issuer}}).
    case nlohmann::json::value_t::string:
      return j.get_ref<const std::string&>().empty() ? mu::data(false) : mu::data(j.get_ref<const std::string&>());
    case nlohmann::json::value_t::boolean: return mu::data(j.get<bool>());
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned: return mu::data(std::to_string(j.get<std::int64_t>()));
    case nlohmann::json::value_t::number_float: return mu::data(std::to_string(j.get<double>()));
    default: return mu::data(false);  // null: falsy in sections, empty when printed
  }
}

std::string_view source(std::string_view name) {
  auto r = core::find_resource("templates/" + std::string(name) + ".mustache");
  if (!r) throw std::runtime_error("missing template: " + std::string(name));
  return *r;
}

// Parsed templates are reused per thread: kainjow's render() is not const. Plain-text templates
// have their own cache, since the escape function belongs to the parsed template.
mu::mustache& parsed(std::string_view name, bool plain_text = false) {
  thread_local std::map<std::string, mu::mustache, std::less<>> html, text;
  auto& cache = plain_text ? text : html;
  auto it = cache.find(name);
  if (it == cache.end()) {
    it = cache.emplace(std::string(name), mu::mustache(std::string(source(name)))).first;
    if (!it->second.is_valid()) throw std::runtime_error("template " + std::string(name) + ": " + it->second.error_message());
    if (plain_text) it->second.set_custom_escape([](const std::string& s) { return s; });
  }
  return it->second;
}

std::string render_parsed(std::string_view name, mu::mustache& t, const mu::data& d) {
  std::string out = t.render(d);
  if (!t.is_valid()) throw std::runtime_error("template " + std::string(name) + ": " + t.error_message());
  return out;
}

// The shared partials (templates/partials/NAME: {{> NAME}}) and a module's own
// (templates/MODULE/partials/NAME: {{> MODULE/NAME}}).
void add_partials(mu::data& d) {
  for (const auto* r : core::resources_under("templates/")) {
    std::string path = r->path.substr(std::string("templates/").size());
    auto at = path.find("partials/");
    if (at == std::string::npos || (at != 0 && path[at - 1] != '/')) continue;
    std::string file = path.substr(0, at) + path.substr(at + std::string("partials/").size());
    std::string name = file.substr(0, file.find('.'));
    std::string text(r->data);
    d.set(name, mu::partial([text] { return text; }));
  }
}
}  // namespace

std::string render(std::string_view name, const nlohmann::json& view) {
  mu::data d = to_data(view);
  add_partials(d);
  return render_parsed(name, parsed(name), d);
}

std::string render_text(std::string_view name, const nlohmann::json& view) {
  return render_parsed(name, parsed(name, true), to_data(view));
}

std::string render_page(std::string_view name, nlohmann::json view) {
  view["content"] = render(name, view);
  return render("layout", view);
}

void check_templates() {
  for (const auto* r : core::resources_under("templates/")) {
    if (r->path.starts_with("templates/partials/")) continue;
    std::string name = r->path.substr(10, r->path.size() - 10 - 9);  // strip "templates/" and ".mustache"
    parsed(name);
  }
}

}  // namespace web
