// web::json_body, the JSON body of every API and webhook request: Content-Type, then
// core::json_depth_within, then nlohmann's parser. Input: a byte choosing the Content-Type, then
// the body.
// Properties: a non-JSON type is 415; otherwise the body is accepted exactly when nlohmann parses
// it (without any depth check) and the value nests at most core::kMaxJsonDepth levels, and then it
// is that value; for every valid JSON text json_depth_within(text, k) agrees with the value's depth
// for k around it; an accepted value survives dump() and parse() unchanged.
#include "core/json_depth.h"
#include "fuzz_check.h"
#include "web/json_body.h"

#include <vector>

namespace {

// Nesting of arrays and objects, without recursion (the reference parse has no depth limit).
int depth_of(const nlohmann::json& root) {
  int deepest = 0;
  std::vector<std::pair<const nlohmann::json*, int>> todo = {{&root, 0}};
  while (!todo.empty()) {
    auto [value, above] = todo.back();
    todo.pop_back();
    if (!value->is_structured()) continue;
    deepest = std::max(deepest, above + 1);
    for (const auto& child : *value) todo.emplace_back(&child, above + 1);
  }
  return deepest;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Input input(fuzz::bytes(data, size));
  std::uint8_t kind = input.byte() % 4;
  static const char* const kTypes[] = {"application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded"};
  http::Request request;
  request.method = "POST";
  request.target = request.path = "/api/v1/answer";
  request.headers.emplace_back("content-type", kTypes[kind]);
  request.body = std::string(input.rest());

  auto body = web::json_body(request);
  if (kind >= 2) {
    FUZZ_CHECK(!body && body.error().status == 415);
    return 0;
  }
  if (request.body.find('\0') != std::string::npos) {
    // nlohmann's lexer ends the input at a NUL ("1\0[[[" is 1) while json_depth_within counts the
    // brackets after it: no reference to compare with; what is accepted must still be shallow.
    if (body) FUZZ_CHECK(depth_of(*body) <= core::kMaxJsonDepth);
    return 0;
  }
  nlohmann::json reference = nlohmann::json::parse(request.body, nullptr, false);
  bool valid = !reference.is_discarded();
  int depth = valid ? depth_of(reference) : -1;
  if (valid)
    for (int k : {0, 1, depth - 1, depth, depth + 1, core::kMaxJsonDepth})
      if (k >= 0) FUZZ_CHECK(core::json_depth_within(request.body, k) == (depth <= k));

  if (!body) {
    FUZZ_CHECK(body.error().status == 400);
    FUZZ_CHECK(!valid || depth > core::kMaxJsonDepth);
    FUZZ_CHECK(!nlohmann::json::parse(body.error().body, nullptr, false).is_discarded());
    return 0;
  }
  FUZZ_CHECK(valid && depth <= core::kMaxJsonDepth);
  FUZZ_CHECK(*body == reference);
  FUZZ_CHECK(nlohmann::json::parse(body->dump()) == *body);
  return 0;
}
