#pragma once
// Checking certificates, for anyone and without an account: /chung-nhan (type a code),
// /chung-nhan/{code} (the certificate, laid out for printing) and GET /api/v1/certificates/{code}.
// Issuing is the contest's (contest_routes.h, contest_api_routes.h): only the participant may.
#include "learning/certificates.h"
#include "web/site.h"

namespace learning {

void register_certificate_routes(web::Site& site, CertificateService& certificates);

}  // namespace learning
