#pragma once
// Imports an archive of answered legal questions (a province's earlier Q&A, or a research set such
// as ALQAC) as answered consultation questions, each answer citing articles of the library.
//
// Input: a JSON array of {"question" | "text", "answer", "relevant_articles": [{"law_id",
// "article_id"}], "title"?, "field"?, "id"?}. law_id names a library document by its số hiệu or
// its id in the imported file; article_id is the article number. An item whose cited article is
// not in the library is reported and skipped: nothing is stored with a dangling citation.
// Importing the same archive again adds only the items not imported before.
#include "auth/audit_log.h"
#include "core/error.h"
#include "db/change_feed.h"
#include "db/database.h"

#include <cstdint>
#include <string>
#include <vector>

namespace consult {

struct ArchiveImportOptions {
  // Name of the archive, qualifying item ids ("alqac2022-questions" + "#" + "q-1"): the CLI uses
  // the file name without extension.
  std::string archive;
  // Published at once in the public archive; otherwise delivered, waiting for a moderator to
  // publish. Even with publish, a question whose title, text or answer the personal-data detector
  // finds something in is kept back for a moderator ("held").
  bool publish = false;
  std::size_t batch_size = 200;  // questions per transaction
  auth::Actor actor{std::nullopt, "cli"};
};

struct ArchiveImportReport {
  std::size_t items = 0;       // in the file
  std::size_t imported = 0;    // stored now
  std::size_t published = 0;   // of which published
  std::size_t held = 0;        // of which kept for a moderator because of personal data
  std::size_t already = 0;     // imported before (or twice in the file): skipped
  std::size_t unresolved = 0;  // skipped: a cited article is not in the library
  std::size_t invalid = 0;     // skipped: no question or no answer
  std::vector<std::string> unknown_articles;  // distinct "Điều 5 · 91/2015/QH13", in file order
  std::vector<std::string> problems;          // "mục [12] (q-13): …" (index from 0) for invalid items, the first 50
};

// A malformed file (not JSON, not an array) is an error and stores nothing; problems with single
// items are counted in the report.
core::Result<ArchiveImportReport> import_qa_archive(db::Database& database, db::ChangeFeed& changes,
                                                    const std::string& json_text, const ArchiveImportOptions& options,
                                                    std::int64_t now);

// The public title made from a question: its first sentence, cut at a word to at most
// `max_chars` characters (with "…" when cut).
std::string archive_title(const std::string& question, std::size_t max_chars = 150);

}  // namespace consult
