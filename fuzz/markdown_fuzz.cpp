// web::markdown_to_html (cmark-gfm with tables, strikethrough, autolinks, task lists; raw HTML
// off), which renders editors' posts and every Markdown the site shows. Input: the Markdown.
// cmark-gfm is the system library (not instrumented): coverage comes from the project's side.
// Properties: valid UTF-8 in, valid UTF-8 out; no raw HTML passes (no <script, <iframe,
// <style, <img onerror, on*= attributes) and no link or image points to javascript:, vbscript:,
// file: or data: (other than the images cmark allows); rendering is deterministic.
#include "core/utf8.h"
#include "fuzz_check.h"
#include "web/markdown.h"

#include <algorithm>
#include <cctype>

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Every tag's name and attributes: only what cmark itself writes.
void check_tags(const std::string& html) {
  static const char* const kAllowed[] = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "del", "a", "img", "code", "pre",
                                         "blockquote", "ul", "ol", "li", "hr", "br", "table", "thead", "tbody", "tr", "th", "td",
                                         "input", "!--"};
  for (std::size_t lt = html.find('<'); lt != std::string::npos; lt = html.find('<', lt + 1)) {
    std::size_t start = lt + 1 + (lt + 1 < html.size() && html[lt + 1] == '/');
    std::size_t end = start;
    while (end < html.size() && (std::isalnum(static_cast<unsigned char>(html[end])) || html[end] == '!' || html[end] == '-')) ++end;
    std::string name = lower(std::string_view(html).substr(start, end - start));
    if (name.starts_with("!--")) name = "!--";
    bool known = std::find_if(std::begin(kAllowed), std::end(kAllowed), [&](const char* a) { return name == a; }) != std::end(kAllowed);
    if (!known) std::fprintf(stderr, "unexpected tag <%s> in: %.200s\n", name.c_str(), html.c_str() + lt);
    FUZZ_CHECK(known);
    if (name == "!--") {
      std::string_view comment = std::string_view(html).substr(lt);
      FUZZ_CHECK(comment.starts_with("<!-- raw HTML omitted -->") || comment.starts_with("<!-- end list -->"));
      continue;
    }
    std::size_t gt = html.find('>', lt);
    FUZZ_CHECK(gt != std::string::npos);
    std::string tag = lower(std::string_view(html).substr(lt, gt - lt));
    // Attribute names: only these; values are quoted and escaped by cmark.
    for (std::size_t eq = tag.find('='); eq != std::string::npos; eq = tag.find('=', eq + 1)) {
      std::size_t quote = tag.find('"', eq);
      if (quote != eq + 1) continue;  // inside a value
      std::size_t name_end = eq, name_start = eq;
      while (name_start > 0 && (std::isalnum(static_cast<unsigned char>(tag[name_start - 1])) || tag[name_start - 1] == '-')) --name_start;
      std::string attr = tag.substr(name_start, name_end - name_start);
      FUZZ_CHECK(!attr.starts_with("on"));
      std::size_t close = tag.find('"', quote + 1);
      if (close == std::string::npos) break;
      std::string value = tag.substr(quote + 1, close - quote - 1);
      if (attr == "href" || attr == "src") {
        for (const char* scheme : {"javascript:", "vbscript:", "file:"}) FUZZ_CHECK(!value.starts_with(scheme));
        if (value.starts_with("data:"))
          FUZZ_CHECK(value.starts_with("data:image/png") || value.starts_with("data:image/gif") || value.starts_with("data:image/jpeg") ||
                     value.starts_with("data:image/webp"));
      }
      eq = close;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view markdown = fuzz::bytes(data, size);
  std::string html = web::markdown_to_html(markdown);
  // CMARK_OPT_VALIDATE_UTF8 is off, so ill-formed bytes pass through; every caller renders text that
  // came through a UTF-8 check (forms, JSON, imports), hence the property for valid input only.
  if (core::is_valid_utf8(markdown)) FUZZ_CHECK(core::is_valid_utf8(html));
  check_tags(html);
  FUZZ_CHECK(web::markdown_to_html(markdown) == html);
  return 0;
}
