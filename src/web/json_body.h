#pragma once
// The JSON body of an API or webhook request, checked in the order that costs least: the
// Content-Type (415), the nesting depth (core::kMaxJsonDepth, 400), then the syntax (400). Its
// size was held to the route's budget before it was read (web::RouteSpec::body_limit).
#include "http/message.h"

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

namespace web {

// The parsed body, or the JSON error response (Vietnamese message) to send instead.
tl::expected<nlohmann::json, http::Response> json_body(const http::Request& request);

}  // namespace web
