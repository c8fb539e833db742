#pragma once
// A check run before a JSON text from outside is parsed: deep nesting costs a parser and every
// later walk of the value (dump, destruction) stack and time in proportion to it, and no document
// this program accepts nests more than a few levels.
#include <string_view>

namespace core {

// Documents from outside (API bodies, webhooks, imports) nest at most this deep.
constexpr int kMaxJsonDepth = 32;

// True when no array or object in `text` opens more than `max_depth` levels deep. Brackets inside
// strings (escapes included) do not count. Linear, no allocation; says nothing about syntax.
bool json_depth_within(std::string_view text, int max_depth = kMaxJsonDepth);

}  // namespace core
