#pragma once
// A question-bank file as uploaded in the back office or named to `phobien import-bank`, told
// apart by its content: XLSX (a ZIP archive; the first sheet, bank_sheet.h), ALQAC-style JSON
// (bank_import.h: it starts with [ or {), else CSV (bank_sheet.h, core/csv_reader.h). Pure: no
// database. The file's own problems (too large, not readable) are row 0 of the result.
#include "learning/bank_import.h"

#include <string>
#include <string_view>

namespace learning {

// `filename` names the source of each question (its name without extension).
ParsedBank parse_bank_file(std::string_view bytes, const std::string& filename);

}  // namespace learning
