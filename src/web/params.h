#pragma once
// Validated numbers from query strings: a value that is present but malformed is an error
// (400), never silently replaced.
#include "http/message.h"

#include <cstdint>
#include <optional>
#include <string>

namespace web {

struct ParamError {
  std::string name;
  std::string message;  // Vietnamese
};

// Non-negative integer in [min, max]; `fallback` when absent.
std::optional<std::int64_t> int_param(const http::Request& r, const std::string& name, std::int64_t fallback,
                                      std::int64_t min, std::int64_t max, ParamError& error);
std::optional<std::int64_t> parse_id(const std::string& s);
// Filter values in URLs and the API are ASCII slugs: a-z, 0-9 and '-', at most 100 characters.
bool is_slug(const std::string& s);

}  // namespace web
