#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace core {

// "jpg", "png", "webp", "gif" from the file's first bytes, or nullopt: a file's extension and
// the browser's content type are never believed.
std::optional<std::string> sniff_image_type(std::string_view data);

// "pdf" or an image type from the first bytes.
std::optional<std::string> sniff_document_type(std::string_view data);
std::string_view document_content_type(std::string_view extension);

// Content-Type for a stored upload's extension.
std::string_view image_content_type(std::string_view extension);

}  // namespace core
