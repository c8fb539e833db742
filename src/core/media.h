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

// "html", "svg", "xml" or "script" when the first bytes look like something a browser or a shell
// would run, or nullopt. Only to tell a citizen why a file was refused: a file is accepted by
// what it is (the sniffers above), never by what it is not.
std::optional<std::string> sniff_active_content(std::string_view data);

// Content-Type for a stored upload's extension.
std::string_view image_content_type(std::string_view extension);

}  // namespace core
