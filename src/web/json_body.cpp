#include "web/json_body.h"

#include "core/json_depth.h"
#include "web/site.h"

namespace web {

tl::expected<nlohmann::json, http::Response> json_body(const http::Request& request) {
  if (!request.header("content-type").value_or("").starts_with("application/json"))
    return tl::unexpected(Site::api_error(415, "unsupported_media_type", "Nội dung gửi lên phải là JSON (Content-Type: application/json)."));
  if (!core::json_depth_within(request.body))
    return tl::unexpected(Site::api_error(400, "invalid_json", "Nội dung JSON không hợp lệ: lồng nhau quá sâu (tối đa " +
                                                                   std::to_string(core::kMaxJsonDepth) + " cấp)."));
  auto body = nlohmann::json::parse(request.body, nullptr, false);
  if (body.is_discarded()) return tl::unexpected(Site::api_error(400, "invalid_json", "Nội dung JSON không hợp lệ."));
  return body;
}

}  // namespace web
