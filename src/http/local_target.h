#pragma once
// Where a redirect may send a person back to, when the place comes from outside (the login form's
// `next` field, the `tiep` query parameter): only a path on this site.
#include <optional>
#include <string>
#include <string_view>

namespace http {

// `candidate` when it is a local path a browser cannot read as another site: it starts with one
// "/", has at most 2,000 bytes, all printable ASCII without space or backslash, and neither it nor
// its percent-decoded forms (once and twice) start with "//" or "/\" or hold a control
// character or a backslash. Otherwise nothing. ("/\t/evil.example" is read by browsers as
// "//evil.example", hence the checks after decoding too.)
std::optional<std::string> local_target(std::string_view candidate);

}  // namespace http
