#pragma once
#include "db/database.h"

#include <string>
#include <vector>

namespace app {

// `phobien import PATH…`: files are recognised by content; folders are walked for .json,
// .json.gz, .md and .txt files. Prints one report line per file; returns the number of files
// that failed.
int import_paths(db::Database& database, const std::vector<std::string>& paths, std::ostream& out);

// `phobien import-qa FILE [--publish]`: an archive of answered questions whose answers cite
// articles already in the library (consult::import_qa_archive). Prints a summary; returns 1 when
// the file cannot be read or is not an archive, else 0 (skipped items are listed, not failures).
int import_qa_file(db::Database& database, const std::string& path, bool publish, std::ostream& out);

// `phobien import-bank FILE… [--publish]`: question banks for contests and course quizzes
// (learning::parse_alqac_bank), each file all or nothing. Prints one report per file, with every
// problem by item and field; returns the number of files not imported.
int import_bank_files(db::Database& database, const std::vector<std::string>& paths, bool publish, std::ostream& out);

}  // namespace app
