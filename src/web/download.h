#pragma once
// Files for officials to take away (reports, exports, templates): sent as an attachment with its
// name, and never kept by a shared cache.
#include "core/spreadsheet.h"
#include "http/message.h"

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

}  // namespace web
