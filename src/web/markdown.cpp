#include "web/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <mutex>

namespace web {

std::string markdown_to_html(std::string_view markdown) {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
  // CMARK_OPT_DEFAULT leaves CMARK_OPT_UNSAFE off: raw HTML and dangerous URLs are removed.
  const int options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
  cmark_parser* parser = cmark_parser_new(options);
  for (const char* name : {"table", "strikethrough", "autolink", "tasklist"})
    if (auto* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser, ext);
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* doc = cmark_parser_finish(parser);
  char* html = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(parser));
  std::string out(html);
  std::free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

}  // namespace web
