#pragma once
// Escaping text for HTML and XML: & < > " ' become entities. For pages built outside the
// templates (feeds, sitemaps, search snippets); templates escape by themselves.
#include <string>
#include <string_view>

namespace core {

std::string html_escape(std::string_view s);

}  // namespace core
