#include "learning/certificate_views.h"

#include "core/time.h"
#include "learning/certificate_code.h"

namespace learning {

std::string certificate_url(const Certificate& c) { return "/chung-nhan/" + c.code; }

nlohmann::json certificate_page_view(const Certificate& c, const std::string& verify_url) {
  return {{"code", display_certificate_code(c.code)},
          {"holder_name", c.holder_name},
          {"holder_detail", c.holder_detail},
          {"title", c.title},
          {"achievement", c.achievement},
          {"subject_url", c.subject_url},
          {"subject_label", c.subject_url.starts_with("/khoa-hoc/") ? "Về trang khóa học" : "Về trang cuộc thi"},
          {"issued", core::format_vn_date(c.issued_at)},
          {"verify_url", verify_url}};
}

nlohmann::json certificate_json(const Certificate& c, const std::string& subject_url, const std::string& verify_url) {
  return {{"code", c.code},
          {"holder_name", c.holder_name},
          {"holder_detail", c.holder_detail},
          {"title", c.title},
          {"achievement", c.achievement},
          {"issued_at", core::format_rfc3339(c.issued_at)},
          {"url", subject_url},
          {"verify_url", verify_url}};
}

}  // namespace learning
