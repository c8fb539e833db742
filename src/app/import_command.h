#pragma once
#include "db/database.h"

#include <string>
#include <vector>

namespace app {

// `phobien import PATH…`: files are recognised by content; folders are walked for .json,
// .json.gz, .md and .txt files. Prints one report line per file; returns the number of files
// that failed.
int import_paths(db::Database& database, const std::vector<std::string>& paths, std::ostream& out);

}  // namespace app
