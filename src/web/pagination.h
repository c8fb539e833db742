#pragma once
// The view of a paginated list for templates/partials/pagination.mustache: numbered links
// around the current page (first and last always shown), previous and next. Page 1 is
// `base_url` itself; others add `trang=N`.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace web {

nlohmann::json pagination_view(const std::string& base_url, std::int64_t total, std::size_t per_page, std::size_t current);

}  // namespace web
