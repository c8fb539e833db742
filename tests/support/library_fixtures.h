#pragma once
// Laws for HTTP tests: a corpus file imported into a running test server's database, as
// `phobien import` would beside it (the server's search index learns of it from the change log).
#include "library/library_service.h"
#include "support/test_server.h"

#include <string>

namespace testing_support {

inline bool import_beside(TestServer& server, const std::string& text, const std::string& name) {
  db::ChangeFeed feed;
  library::LibraryService library(server.database(), feed);
  return library.import_file(text, name, {std::nullopt, "test"}).ok();
}

}  // namespace testing_support
