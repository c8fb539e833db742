#include "library/module.h"

#include "library/admin_routes.h"
#include "library/permissions.h"
#include "library/routes.h"
#include "library/search_routes.h"
#include "library/thesaurus_routes.h"

namespace library {

LibraryModule::LibraryModule(const web::ModuleContext& context)
    : library_(std::make_unique<LibraryService>(context.database, context.changes, context.config.uploads_dir())),
      search_(std::make_unique<SearchService>(context.database, context.changes)),
      vocabulary_(std::make_unique<CitizenVocabulary>(context.database, context.changes)),
      suggestions_(std::make_unique<VocabularySuggestions>(context.database, context.changes)) {
  context.changes.add_listener([library = library_.get()](const std::string&) { library->invalidate_links(); });
}

void LibraryModule::register_routes(web::Site& site) {
  register_library_routes(site, *library_);
  register_library_admin_routes(site, *library_);
  register_search_routes(site, *search_);
  register_thesaurus_routes(site, *vocabulary_, *suggestions_);
}

std::vector<web::MenuEntry> LibraryModule::public_menu() const {
  return {{100, "Tủ sách pháp luật", "/van-ban"}, {110, "Tra cứu", "/tra-cuu"}};
}

std::vector<web::BackOfficeLink> LibraryModule::back_office_links() const {
  return {{20, "Tủ sách pháp luật", "/quan-tri/thu-vien", web::needs(perm::manage_library)},
          {21, "Từ điển từ ngữ thường dùng", "/quan-tri/tu-dien", web::needs(perm::manage_library)}};
}

std::vector<web::BackupTable> LibraryModule::tables() {
  return {{"legal_documents"}, {"legal_document_sources"}, {"legal_nodes"}, {"legal_relations"}, {"library_files"}, {"citizen_terms"}, {"citizen_term_dismissals"}};
}

}  // namespace library
