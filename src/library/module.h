#pragma once
// The electronic legal bookshelf: documents and their structure, bookshelf items, the search
// index and its pages and API, and the citizen vocabulary editors extend (/quan-tri/tu-dien), with
// suggestions mined from answered questions (/quan-tri/tu-dien/goi-y).
#include "library/citizen_terms.h"
#include "library/library_service.h"
#include "library/search_service.h"
#include "library/vocabulary_suggestions.h"
#include "web/module.h"

#include <memory>

namespace library {

class LibraryModule : public web::Module {
 public:
  explicit LibraryModule(const web::ModuleContext& context);
  std::string_view name() const override { return "library"; }
  void register_routes(web::Site& site) override;
  std::vector<web::MenuEntry> public_menu() const override;
  std::vector<web::BackOfficeLink> back_office_links() const override;
  static std::vector<web::BackupTable> tables();

  LibraryService& service() { return *library_; }
  SearchService& search() { return *search_; }
  // Where the vocabulary suggestions' answered questions come from (app hands them over).
  VocabularySuggestions& suggestions() { return *suggestions_; }

 private:
  std::unique_ptr<LibraryService> library_;
  std::unique_ptr<SearchService> search_;
  std::unique_ptr<CitizenVocabulary> vocabulary_;
  std::unique_ptr<VocabularySuggestions> suggestions_;
};

}  // namespace library
