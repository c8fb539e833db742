#pragma once
// Post and category data shaped for templates and for the JSON API (one shape serves both).
#include "portal/model.h"

#include <nlohmann/json.hpp>

namespace portal {

std::string post_url(const Post& p);
std::string category_url(const std::string& slug);
nlohmann::json post_view(const Post& p, bool with_body = false);
nlohmann::json category_view(const Category& c);
// Page links for a list of `total` items, `per_page` a page, now on page `current` (1-based).

}  // namespace portal
