#include "text/thesaurus.h"

#include "core/strings.h"
#include "text/vietnamese.h"

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
    auto& stored = out.entries_[title_key(phrase_text)];
    stored.insert(stored.end(), terms.begin(), terms.end());
    out.longest_ = std::max(out.longest_, phrase.size());
  }
  return out;
}

std::vector<Thesaurus::Match> Thesaurus::find(const std::vector<std::string>& folded) const {
  std::vector<Match> out;
  for (std::size_t i = 0; i < folded.size();) {
    std::size_t matched = 0;
    for (std::size_t n = std::min(longest_, folded.size() - i); n >= 1 && !matched; --n) {
      std::string key;
      for (std::size_t k = i; k < i + n; ++k) key += (key.empty() ? "" : " ") + folded[k];
      if (auto it = entries_.find(key); it != entries_.end()) {
        out.push_back({i, i + n, &it->second});
        matched = n;
      }
    }
    i += matched ? matched : 1;
  }
  return out;
}

}  // namespace text
