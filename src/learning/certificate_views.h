#pragma once
// Certificates for the templates and the API.
#include "learning/certificate_model.h"

#include <nlohmann/json.hpp>

#include <string>

namespace learning {

// "/chung-nhan/7K3MQ9XD2F": where anyone checks the certificate (and prints it).
std::string certificate_url(const Certificate& c);

// For the templates: the certificate with its code in two groups and its date in Vietnamese.
// `verify_url` is the absolute address printed on the paper.
nlohmann::json certificate_page_view(const Certificate& c, const std::string& verify_url);

// The API's certificate: code, holder_name, holder_detail, title, achievement, issued_at
// (RFC 3339), url (the contest), verify_url.
nlohmann::json certificate_json(const Certificate& c, const std::string& subject_url, const std::string& verify_url);

}  // namespace learning
