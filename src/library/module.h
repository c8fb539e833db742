#pragma once
// The electronic legal bookshelf: documents and their structure, bookshelf items, the search
// index and its pages and API, and the citizen vocabulary editors extend (/quan-tri/tu-dien).
#include "library/citizen_terms.h"
#include "library/library_service.h"
#include "library/search_service.h"
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

 private:
  std::unique_ptr<LibraryService> library_;
  std::unique_ptr<SearchService> search_;
  std::unique_ptr<CitizenVocabulary> vocabulary_;
};

}  // namespace library
