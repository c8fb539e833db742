#pragma once
// The editors' citizen vocabulary: GET/POST /quan-tri/tu-dien (the list, and a new entry) and
// POST /quan-tri/tu-dien/{id}/xoa, for those who manage the bookshelf.
#include "library/citizen_terms.h"
#include "web/site.h"

namespace library {

void register_thesaurus_routes(web::Site& site, CitizenVocabulary& vocabulary);

}  // namespace library
