#pragma once
// Questions as templates and the API see them (one place, so the page and the JSON agree).
#include "consult/model.h"
#include "consult/qa_index.h"

#include <nlohmann/json.hpp>

namespace consult {

// The library URL of a cited article: /van-ban/<slug>/dieu-<n>[#khoan-<k>].
std::string citation_url(const Citation& c);
nlohmann::json citation_json(const Citation& c);
nlohmann::json field_options(const std::vector<LegalField>& fields, const std::string& selected);
// For the asker's tracking page and GET /api/v1/questions/{code}.
nlohmann::json asker_view(const QuestionView& v);
// A published question in the archive (anonymised copy only).
nlohmann::json public_view(const QuestionView& v);
nlohmann::json qa_hit_json(const QaHit& h);
std::string public_url(const std::string& slug);

}  // namespace consult
