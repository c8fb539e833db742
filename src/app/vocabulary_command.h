#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace app {

// `phobien eval vocabulary --corpus PATH --archive FILE [--archive FILE …]`: imports the corpus
// into a fresh temporary database and each archive (as `phobien import-qa` reads it) as published
// expert answers, then prints the vocabulary suggestions the back office would show
// (/quan-tri/tu-dien/goi-y) against the curated list, with how long the mining took. For judging
// the miner's suggestions by hand on a known archive. Returns non-zero on bad input.
int eval_vocabulary(const std::string& corpus, const std::vector<std::string>& archives, std::ostream& out);

}  // namespace app
