#pragma once
// Files for officials to take away (reports, exports, templates): sent as an attachment with its
// name, and never kept by a shared cache.
#include "core/file_store.h"
#include "core/spreadsheet.h"
#include "http/message.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace web {

inline constexpr const char* kCsvType = "text/csv; charset=utf-8";
inline constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

http::Response download(std::string body, std::string_view content_type, const std::string& filename);

// The tables as `name`.csv (extension "csv": one table alone, or each after its name) or
// `name`.xlsx (otherwise: a sheet a table).
http::Response tables_download(const std::vector<core::Table>& tables, const std::string& extension, const std::string& name);

// An uploaded file of `store`, under its display name (ASCII fallback and UTF-8), typed as its
// upload check typed it and never sniffed by the browser; nullopt when the file is gone.
std::optional<http::Response> stored_file_download(const core::FileStore& store, const core::StoredFile& file);

}  // namespace web
