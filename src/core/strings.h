#pragma once
// Splitting and trimming the short lists people, importers and configuration files write:
// "Thuế, tài chính; Đất đai", "tag-a, tag-b", header lines, front matter lines; and text made
// safe for a log line.
#include <string>
#include <string_view>
#include <vector>

namespace core {

// The pieces of `text` between occurrences of `separator`, in order, empty ones
// included: split("a,,b", ",") == {"a", "", "b"}; split("", ",") == {""}; split("a,", ",") == {"a", ""}.
// An empty separator gives the whole text as one piece.
std::vector<std::string> split(std::string_view text, std::string_view separator);

// The pieces with `separator` between them: join({"a", "b"}, "; ") == "a; b"; join({}, ", ") == "".
std::string join(const std::vector<std::string>& pieces, std::string_view separator);

// `text` without the leading and trailing characters listed in `chars`.
std::string_view trim(std::string_view text, std::string_view chars = " ");

// A list as typed in a setting: the pieces between `separator`s with surrounding spaces (only
// ' ') removed, empty ones dropped: split_list(" a, b ,,c ") == {"a", "b", "c"}.
std::vector<std::string> split_list(std::string_view text, char separator = ',');

// A list as typed in a form or a file: each piece through clean_text (control characters
// removed, spaces, tabs and newlines trimmed), empty ones dropped.
std::vector<std::string> split_clean(std::string_view text, char separator);

// `text` for one line of a log: control characters (CR and LF included) and backslashes become
// \xNN escapes, so a value from outside can never start a forged log line.
std::string for_log(std::string_view text);

}  // namespace core
