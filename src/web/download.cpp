#include "web/download.h"

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

}  // namespace web
