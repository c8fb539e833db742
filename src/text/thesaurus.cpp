#include "text/thesaurus.h"

#include "core/strings.h"
#include "text/vietnamese.h"

#include <algorithm>

namespace text {

Thesaurus Thesaurus::parse(std::string_view tsv, std::vector<std::string>* problems) {
  Thesaurus out;
  std::size_t line_number = 0;
  for (std::size_t pos = 0; pos <= tsv.size();) {
    auto end = tsv.find('\n', pos);
    if (end == std::string_view::npos) end = tsv.size();
    auto line = tsv.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (line.empty() || line.front() == '#' || line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    auto tab = line.find('\t');
    auto complain = [&](const std::string& what) {
      if (problems) problems->push_back("dòng " + std::to_string(line_number) + ": " + what);
    };
    if (tab == std::string_view::npos) {
      complain("thiếu dấu TAB giữa từ thường dùng và thuật ngữ pháp luật");
      continue;
    }
    const auto phrase_text = normalize(line.substr(0, tab));
    const auto phrase = tokenize(phrase_text);
    std::vector<std::string> terms;
    for (auto& term : core::split_clean(std::string(line.substr(tab + 1)), ';')) terms.push_back(normalize(term));
    if (phrase.empty() || terms.empty()) {
      complain("thiếu từ thường dùng hoặc thuật ngữ pháp luật");
      continue;
    }
    std::vector<std::string> words;
    for (const auto& t : phrase) words.push_back(t.lower);
    auto& entry = out.entries_[title_key(phrase_text)];
    auto same = std::find_if(entry.spellings.begin(), entry.spellings.end(), [&](const Spelling& s) { return s.words == words; });
    if (same == entry.spellings.end()) same = entry.spellings.insert(entry.spellings.end(), Spelling{std::move(words), {}});
    same->terms.insert(same->terms.end(), terms.begin(), terms.end());
    entry.terms.insert(entry.terms.end(), terms.begin(), terms.end());
    out.longest_ = std::max(out.longest_, phrase.size());
  }
  return out;
}

std::vector<Thesaurus::Match> Thesaurus::find(const std::vector<std::string>& folded) const { return find(folded, nullptr, false); }

std::vector<Thesaurus::Match> Thesaurus::find(const std::vector<std::string>& folded, const std::vector<std::string>& lower) const {
  return find(folded, lower.size() == folded.size() ? &lower : nullptr, false);
}

std::vector<Thesaurus::Match> Thesaurus::find_as_written(const std::vector<std::string>& folded, const std::vector<std::string>& lower) const {
  return find(folded, lower.size() == folded.size() ? &lower : nullptr, true);
}

const std::vector<std::string>* Thesaurus::terms_for(const Entry& entry, const std::vector<std::string>& lower, std::size_t at, bool as_written) {
  const Spelling* first = nullptr;
  std::size_t fitting = 0;
  for (const auto& s : entry.spellings) {
    bool fits = true;
    for (std::size_t k = 0; k < s.words.size() && fits; ++k)
      fits = (!as_written && !has_diacritics(lower[at + k])) || lower[at + k] == s.words[k];
    if (!fits) continue;
    if (!first) first = &s;
    ++fitting;
  }
  if (fitting == 0) return nullptr;
  return fitting == entry.spellings.size() ? &entry.terms : &first->terms;
}

std::vector<Thesaurus::Match> Thesaurus::find(const std::vector<std::string>& folded, const std::vector<std::string>* lower, bool as_written) const {
  std::vector<Match> out;
  for (std::size_t i = 0; i < folded.size();) {
    std::size_t matched = 0;
    for (std::size_t n = std::min(longest_, folded.size() - i); n >= 1 && !matched; --n) {
      std::string key;
      for (std::size_t k = i; k < i + n; ++k) key += (key.empty() ? "" : " ") + folded[k];
      auto it = entries_.find(key);
      if (it == entries_.end()) continue;
      const auto* terms = lower ? terms_for(it->second, *lower, i, as_written) : &it->second.terms;
      if (!terms) continue;
      out.push_back({i, i + n, terms});
      matched = n;
    }
    i += matched ? matched : 1;
  }
  return out;
}

}  // namespace text
