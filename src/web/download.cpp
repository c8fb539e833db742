#include "web/download.h"

#include <fstream>
#include <iterator>

namespace web {

http::Response download(std::string body, std::string_view content_type, const std::string& filename) {
  auto r = http::Response::text(std::move(body), 200, std::string(content_type));
  r.set("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  r.set("Cache-Control", "private, no-store");
  return r;
}

http::Response tables_download(const std::vector<core::Table>& tables, const std::string& extension, const std::string& name) {
  if (extension == "csv")
    return download(tables.size() == 1 ? core::to_csv(tables.front()) : core::to_csv(tables), kCsvType, name + ".csv");
  return download(core::to_xlsx(tables), kXlsxType, name + ".xlsx");
}

std::optional<http::Response> stored_file_download(const core::FileStore& store, const core::StoredFile& file) {
  std::ifstream in(store.path(file), std::ios::binary);
  if (!in) return std::nullopt;
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // The stored type was set by the upload check; anything that could break the header is not sent.
  std::string type = file.content_type;
  if (type.empty() || type.find_first_of("\r\n") != std::string::npos) type = "application/octet-stream";
  auto res = http::Response::text(std::move(data), 200, type);
  std::string ascii;
  for (unsigned char c : file.display_name) ascii += c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? static_cast<char>(c) : '_';
  res.set("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + http::percent_encode(file.display_name));
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Cache-Control", "private, no-store");
  return res;
}

}  // namespace web
