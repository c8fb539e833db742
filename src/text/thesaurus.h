#pragma once
// Citizen vocabulary: everyday words and the legal terms they stand for ("sổ đỏ" → "giấy chứng
// nhận quyền sử dụng đất", "nghỉ việc" → "chấm dứt hợp đồng lao động"). The curated list is
// content/thesaurus/citizen-terms.tsv (its format is described there), compiled into the program
// (library::builtin_thesaurus). Immutable once built: share it between threads freely.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace text {

class Thesaurus {
 public:
  // Reads the TSV text; lines it cannot use are described in `problems` (Vietnamese, with the
  // line number) and skipped.
  static Thesaurus parse(std::string_view tsv, std::vector<std::string>* problems = nullptr);

  struct Match {
    std::size_t begin = 0, end = 0;            // token range of the everyday phrase
    const std::vector<std::string>* terms = nullptr;  // the legal terms, as written (NFC)
  };
  // The phrases found in a question's folded tokens, longest first at each position, not
  // overlapping, in order; a phrase written with several spellings gives all their terms.
  std::vector<Match> find(const std::vector<std::string>& folded_tokens) const;
  // The same, where a word the question spells with diacritics (`lower_tokens`, Token::lower,
  // aligned with `folded_tokens`) must be spelled so in the phrase: "ý kiến" does not find "kiện",
  // "đến" does not find "đền"; a word typed without diacritics finds every spelling.
  std::vector<Match> find(const std::vector<std::string>& folded_tokens, const std::vector<std::string>& lower_tokens) const;
  // The same, where every word must be spelled as the phrase is, a word without diacritics too
  // ("thi" does not find "thị"): for a question typed with diacritics, whose plain words are meant so.
  std::vector<Match> find_as_written(const std::vector<std::string>& folded_tokens, const std::vector<std::string>& lower_tokens) const;

  std::size_t size() const { return entries_.size(); }

 private:
  struct Spelling {
    std::vector<std::string> words;  // Token::lower of the phrase's words
    std::vector<std::string> terms;
  };
  struct Entry {
    std::vector<Spelling> spellings;
    std::vector<std::string> terms;  // of every spelling, for words typed without diacritics
  };
  std::vector<Match> find(const std::vector<std::string>& folded_tokens, const std::vector<std::string>* lower_tokens, bool as_written) const;
  // The terms of the spellings of `entry` that the question's words from `at` can mean, or null.
  static const std::vector<std::string>* terms_for(const Entry& entry, const std::vector<std::string>& lower_tokens, std::size_t at,
                                                   bool as_written);

  std::unordered_map<std::string, Entry> entries_;  // title_key of the phrase → its spellings
  std::size_t longest_ = 0;                          // in tokens
};

}  // namespace text
