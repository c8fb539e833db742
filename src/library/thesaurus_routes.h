#pragma once
// The editors' citizen vocabulary, for those who manage the bookshelf: GET/POST /quan-tri/tu-dien
// (the list, and a new entry), POST /quan-tri/tu-dien/{id}/xoa; the suggestions mined from
// answered questions, GET /quan-tri/tu-dien/goi-y (each taken with the entry form, which returns
// there, or dismissed with POST /quan-tri/tu-dien/goi-y/bo-qua) and GET /api/v1/thesaurus/suggestions.
#include "library/citizen_terms.h"
#include "library/vocabulary_suggestions.h"
#include "web/site.h"

namespace library {

void register_thesaurus_routes(web::Site& site, CitizenVocabulary& vocabulary, VocabularySuggestions& suggestions);

}  // namespace library
