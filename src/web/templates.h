#pragma once
// Mustache templates compiled into the binary (templates/*.mustache). Views are JSON objects, so
// the same data can feed a page and the API. Everything is HTML-escaped unless a template uses
// {{{triple}}} braces, which only carry HTML the server produced itself (rendered Markdown, a page body).
#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>

namespace web {

// Renders templates/<name>.mustache with `view`; partials come from templates/partials/.
std::string render(std::string_view name, const nlohmann::json& view);

// Renders templates/<name>.mustache, then templates/layout.mustache around it with the same view
// plus {"content": <body>}.
std::string render_page(std::string_view name, nlohmann::json view);

// Renders templates/<name>.mustache as plain text (an e-mail, not a page): nothing is escaped,
// since the result is never read as HTML, and no partials are offered (they hold HTML). Values
// are inserted as they are: a value that looks like a tag ("{{x}}") is printed, never expanded.
std::string render_text(std::string_view name, const nlohmann::json& view);

// Throws std::runtime_error when a template is missing or does not parse (checked at start).
void check_templates();

}  // namespace web
