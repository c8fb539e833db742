#include "learning/certificate_routes.h"

#include "learning/certificate_code.h"
#include "learning/certificate_views.h"
#include "web/templates.h"

namespace learning {

namespace {

// Certificates carry a person's name: kept out of search engines and shared caches.
http::Response not_indexed(http::Response r) {
  r.set("X-Robots-Tag", "noindex");
  return web::private_page(std::move(r));
}

http::Response lookup_page(web::Site& site, const web::Visitor& v, const std::string& typed, const std::string& error, int status) {
  auto view = site.base_view(v, "Kiểm tra giấy chứng nhận");
  view["typed"] = typed;
  if (!error.empty()) view["error"] = error;
  return not_indexed(site.page("learning/certificate_lookup", view, status));
}

http::Response get_lookup(web::Site& site, CertificateService& certificates, http::Request& r, web::Visitor& v) {
  auto typed = r.query_param("ma");
  if (!typed) return lookup_page(site, v, "", "", 200);
  if (typed->size() > 64) return lookup_page(site, v, "", "Mã xác minh gồm 10 ký tự, ví dụ 7K3MQ-9XD2F.", 400);
  if (!normalize_certificate_code(*typed))
    return lookup_page(site, v, *typed, "Mã xác minh gồm 10 ký tự chữ và số, ví dụ 7K3MQ-9XD2F. Vui lòng kiểm tra lại.", 400);
  auto cert = certificates.find(*typed);
  if (!cert)
    return lookup_page(site, v, *typed, "Không có giấy chứng nhận nào mang mã này. Giấy chứng nhận có mã khác hoặc không do cổng thông tin này cấp.", 404);
  return not_indexed(http::Response::redirect(certificate_url(*cert)));
}

http::Response get_certificate(web::Site& site, CertificateService& certificates, http::Request& r, web::Visitor& v) {
  const std::string& typed = r.params["code"];
  auto cert = certificates.find(typed);
  if (!cert) return lookup_page(site, v, typed, "Không có giấy chứng nhận nào mang mã này.", 404);
  if (typed != cert->code) return not_indexed(http::Response::redirect(certificate_url(*cert)));
  auto view = site.base_view(v, "Giấy chứng nhận – " + cert->holder_name);
  view["certificate"] = certificate_page_view(*cert, site.absolute_url(certificate_url(*cert)));
  return not_indexed(http::Response::html(web::render("learning/certificate", view)));
}

}  // namespace

void register_certificate_routes(web::Site& site, CertificateService& certificates) {
  site.add(web::page("/chung-nhan"), [&site, &certificates](http::Request& r, web::Visitor& v) {
    return get_lookup(site, certificates, r, v);
  });
  site.add(web::page("/chung-nhan/{code}"), [&site, &certificates](http::Request& r, web::Visitor& v) {
    return get_certificate(site, certificates, r, v);
  });
  site.add(web::api("GET", "/api/v1/certificates/{code}"), [&site, &certificates](http::Request& r, web::Visitor&) {
    auto cert = certificates.find(r.params["code"]);
    if (!cert) return web::Site::api_error(404, "not_found", "Không có giấy chứng nhận nào mang mã này.");
    auto body = certificate_json(*cert, site.absolute_url(cert->subject_url), site.absolute_url(certificate_url(*cert)));
    return http::Response::json(body.dump());
  });
}

}  // namespace learning
