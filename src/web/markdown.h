#pragma once
#include <string>
#include <string_view>

namespace web {

// GitHub-flavoured Markdown to HTML. Raw HTML in the input is not passed through and unsafe
// links (javascript:, data:) are dropped, so the result is safe to embed in a page.
std::string markdown_to_html(std::string_view markdown);

}  // namespace web
