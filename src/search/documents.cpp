#include "search/documents.h"

#include "core/utf8.h"
#include "text/document_number.h"
#include "text/vietnamese.h"

#include <algorithm>

namespace search {

namespace {

std::string article_key(std::string_view s) {
  std::string k = text::fold(s);
  std::size_t i = 0;
  while (i + 1 < k.size() && k[i] == '0') ++i;  // "05" = "5"
  return k.substr(i);
}

// Title keys under which a document can be named: the title itself, without a trailing year
// ("Bộ luật Dân sự 2015", "... năm 2015"), and without "và" (people drop it: "Luật Hôn nhân gia đình").
std::vector<std::string> title_variants(const std::string& title) {
  std::vector<std::string> words;
  for (auto& t : text::tokenize(title)) words.push_back(t.folded);
  auto join = [](const std::vector<std::string>& w) {
    std::string s;
    for (const auto& x : w) s += (s.empty() ? "" : " ") + x;
    return s;
  };
  std::vector<std::string> out;
  auto add = [&](const std::vector<std::string>& w) {
    if (w.size() < 2) return;  // a single word is not a name
    std::string k = join(w);
    if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
  };
  add(words);
  auto no_year = words;
  if (!no_year.empty() && no_year.back().size() == 4 && std::all_of(no_year.back().begin(), no_year.back().end(), ::isdigit)) {
    no_year.pop_back();
    if (!no_year.empty() && no_year.back() == "nam") no_year.pop_back();
    add(no_year);
  }
  std::vector<std::string> no_and;
  for (const auto& w : no_year)
    if (w != "va") no_and.push_back(w);
  add(no_and);
  return out;
}

void add_once(std::vector<std::int64_t>& list, std::int64_t d) {
  if (std::find(list.begin(), list.end(), d) == list.end()) list.push_back(d);
}

}  // namespace

bool article_less(const std::string& a, const std::string& b) {
  auto num = [](const std::string& s) {
    long v = 0;
    std::size_t i = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i < 9) v = v * 10 + (s[i++] - '0');
    return std::pair<long, std::string>(i == 0 ? -1 : v, s.substr(i));
  };
  return num(a) < num(b);
}

// ---- writing ----

void Documents::register_doc(std::int64_t id, DocInfo& d) {
  d.keys = title_variants(d.title);
  for (const auto& k : d.keys) {
    by_title[k].push_back(id);
    longest_title = std::max<std::size_t>(longest_title, std::count(k.begin(), k.end(), ' ') + 1);
  }
  d.number_key = text::document_number_key(d.number.empty() ? d.title : d.number);
  if (!d.number_key.empty()) by_number[d.number_key].push_back(id);
}

void Documents::unregister_doc(std::int64_t id, DocInfo& d) {
  auto drop = [id](auto& map, const std::string& key) {
    auto it = map.find(key);
    if (it == map.end()) return;
    std::erase(it->second, id);
    if (it->second.empty()) map.erase(it);
  };
  for (const auto& k : d.keys) drop(by_title, k);
  if (!d.number_key.empty()) drop(by_number, d.number_key);
  d.keys.clear();
  d.number_key.clear();
}

void Documents::attach(const Passage& p, std::uint32_t slot) {
  auto& d = docs[p.document_id];
  if (d.slots.empty() || d.title != p.document_title || d.number != p.document_number) {
    unregister_doc(p.document_id, d);
    d.title = p.document_title;
    d.number = p.document_number;
    register_doc(p.document_id, d);
  }
  d.slots.push_back(slot);
}

void Documents::detach(std::int64_t document_id, std::uint32_t slot) {
  auto dit = docs.find(document_id);
  if (dit == docs.end()) return;
  std::erase(dit->second.slots, slot);
  if (dit->second.slots.empty()) {
    unregister_doc(dit->first, dit->second);
    docs.erase(dit);
  }
}

void Documents::remap(const std::vector<std::uint32_t>& new_slot) {
  for (auto& [id, d] : docs)
    for (auto& s : d.slots) s = new_slot[s];
}

std::size_t Documents::memory() const {
  std::size_t m = 0;
  for (const auto& [id, d] : docs) m += 128 + d.title.capacity() + d.slots.capacity() * sizeof(std::uint32_t);
  m += (by_title.size() + by_number.size()) * 96;
  return m;
}

// ---- reading ----

std::vector<std::int64_t> Documents::mentioned(const std::vector<QueryToken>& toks) const {
  std::vector<std::int64_t> out;
  if (by_title.empty()) return out;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    std::string key;
    std::size_t best_len = 0;
    const std::vector<std::int64_t>* best = nullptr;
    for (std::size_t len = 1; len <= longest_title && i + len <= toks.size(); ++len) {
      if (len > 1) key += ' ';
      key += toks[i + len - 1].folded;
      if (len < 2) continue;
      auto it = by_title.find(key);
      if (it != by_title.end()) {
        best = &it->second;
        best_len = len;
      }
    }
    if (best) {
      for (auto d : *best) add_once(out, d);
      i += best_len - 1;
    }
  }
  return out;
}

std::vector<std::int64_t> Documents::resolve(const text::DocumentRef& ref) const {
  if (!ref.number.empty()) {
    auto it = by_number.find(text::document_number_key(ref.number));
    if (it != by_number.end()) return it->second;
    return {};
  }
  const auto keys = ref.title_keys();  // longest first
  for (const auto& key : keys) {
    auto it = by_title.find(key);
    if (it != by_title.end()) return it->second;
  }
  // A title named by its first words ("Luật Hôn nhân" for "Luật Hôn nhân và gia đình"): the
  // documents whose title begins so, when the words are enough to tell (three or more, the type's
  // included) and name at most kMaxDocumentsByPrefix documents.
  for (const auto& key : keys) {
    if (std::count(key.begin(), key.end(), ' ') < 2) break;
    std::vector<std::int64_t> found;
    for (const auto& [title, ids] : by_title)
      if (title.size() > key.size() && title[key.size()] == ' ' && title.compare(0, key.size(), key) == 0)
        for (auto d : ids) add_once(found, d);
    if (found.empty()) continue;
    if (found.size() > kMaxDocumentsByPrefix) break;
    std::sort(found.begin(), found.end());
    return found;
  }
  return {};
}

std::optional<std::uint32_t> Documents::article_slot(std::int64_t doc, const std::string& article,
                                                     const std::vector<Slot>& slots) const {
  auto it = docs.find(doc);
  if (it == docs.end()) return std::nullopt;
  std::string key = article_key(article);
  for (auto s : it->second.slots)
    if (slots[s].live && article_key(slots[s].p.article_number) == key) return s;
  return std::nullopt;
}

CitationMatches match_citations(const QueryPlan& plan, const Documents& documents, const std::vector<Slot>& slots) {
  CitationMatches m;
  m.mentioned = documents.mentioned(plan.tokens);
  // Documents named by their number come first: "điều 35 45/2019/QH14" and "45/2019/QH14 điều 35"
  // cite that document's article, as "Điều 35 BLLĐ" does.
  for (const auto& n : plan.numbers) {
    auto it = documents.by_number.find(text::document_number_key(n));
    if (it == documents.by_number.end()) continue;
    for (auto d : it->second) {
      m.numbered.push_back(d);
      add_once(m.mentioned, d);
    }
  }
  for (const auto& c : plan.citations) {
    std::vector<std::int64_t> targets;
    if (c.document && !c.document->self) {
      targets = documents.resolve(*c.document);
      if (targets.empty()) m.unresolved.emplace_back(c.begin, c.end);
    } else if (!c.document) {
      targets = m.mentioned;
    }
    for (auto d : targets) {
      add_once(m.mentioned, d);
      if (c.article.empty()) continue;
      if (auto s = documents.article_slot(d, c.article, slots)) m.cited.emplace_back(*s, c.clause);
    }
    // "Điều 5" alone: that article of every document.
    if (!c.document && targets.empty() && !c.article.empty() && plan.only_citations) {
      for (const auto& [id, d] : documents.docs)
        if (auto s = documents.article_slot(id, c.article, slots)) m.cited.emplace_back(*s, c.clause);
      std::sort(m.cited.begin(), m.cited.end(), [&](const auto& a, const auto& b) { return slots[a.first].doc < slots[b.first].doc; });
    }
  }
  return m;
}

namespace {
// A law named loosely: some registered title of a law or code begins with "luật" and the first
// two words of the name ("luật dân sự" is "Bộ luật Dân sự", "luật lao động" the "Bộ luật Lao
// động"). A decree whose title merely mentions the law ("… quy định chi tiết Luật Đất đai") is
// not the law.
bool law_held_loosely(const Documents& documents, const text::DocumentRef& ref) {
  if (ref.type_slug != "luat" && ref.type_slug != "bo-luat") return false;
  const auto words = text::tokenize(ref.name);
  std::string prefix = "luat";
  for (std::size_t k = 0; k < words.size() && k < 2; ++k) prefix += " " + words[k].folded;
  for (const auto& [title, ids] : documents.by_title) {
    const std::string_view t = std::string_view(title).starts_with("bo ") ? std::string_view(title).substr(3) : std::string_view(title);
    if (t.starts_with(prefix) && (t.size() == prefix.size() || t[prefix.size()] == ' ')) return true;
  }
  return false;
}
// The reference as the query writes it. A name the parser found no end for runs on into the
// question ("Luật Viên chức nghỉ hằng năm"): past three words, its first two and "…".
std::string shown_name(const std::string& text, const text::DocumentRef& ref) {
  const auto name_at = ref.name.empty() ? std::string::npos : text.find(ref.name, ref.begin);
  if (name_at != std::string::npos) {
    const auto words = text::tokenize(ref.name);
    if (words.size() > 3) return text.substr(ref.begin, name_at + words[1].end - ref.begin) + "…";
  }
  return text.substr(ref.begin, ref.end - ref.begin);
}
}  // namespace

std::vector<std::string> missing_documents(const QueryPlan& plan, const std::vector<text::DocumentRef>& named, const Documents& documents) {
  std::vector<std::string> out;
  if (documents.docs.empty()) return out;
  for (const auto& ref : named) {
    const bool held = !ref.number.empty() ? documents.by_number.count(text::document_number_key(ref.number)) > 0
                                          : !documents.resolve(ref).empty() || law_held_loosely(documents, ref);
    if (held) continue;
    std::string named = shown_name(plan.text, ref);
    if (std::find(out.begin(), out.end(), named) == out.end()) out.push_back(std::move(named));
  }
  return out;
}

namespace {
// The words of `text` folded, between spaces, so that a phrase is found whole: " luat to cao ".
std::string folded_words(std::string_view text) { return " " + text::title_key(text) + " "; }

bool any_title_holds(const Documents& documents, const std::string& words) {
  for (const auto& [title, ids] : documents.by_title)
    if ((" " + title + " ").find(words) != std::string::npos) return true;
  return false;
}

// The phrase of tokens [begin, end) as typed; a first word of the query capitalised only as a
// sentence's first word is ("Thành viên góp vốn …") in lower case, one in capitals ("EVN") kept.
std::string phrase_as_typed(const QueryPlan& plan, std::size_t begin, std::size_t end) {
  const auto& from = plan.source_tokens[begin];
  std::string phrase = plan.text.substr(from.begin, plan.source_tokens[end - 1].end - from.begin);
  const std::string word = plan.text.substr(from.begin, from.end - from.begin);
  const std::size_t w = core::utf8_prefix(word, 1).size(), l = core::utf8_prefix(from.lower, 1).size();
  if (begin == 0 && word != from.lower && word.compare(w, std::string::npos, from.lower, l, std::string::npos) == 0)
    phrase.replace(0, word.size(), from.lower);
  return phrase;
}

bool law_held(const Documents& documents, const std::string& law) {
  const auto refs = text::find_document_refs(law);
  if (!refs.empty() && !refs.front().number.empty())
    return documents.by_number.count(text::document_number_key(refs.front().number)) > 0;
  return any_title_holds(documents, folded_words(law));
}
}  // namespace

std::vector<OutsideLaw> laws_not_held(const QueryPlan& plan, const std::vector<text::DocumentRef>& named, const Documents& documents,
                                      const text::Thesaurus& subjects) {
  std::vector<OutsideLaw> out;
  if (documents.docs.empty()) return out;
  std::vector<std::string> folded, lower;
  for (const auto& t : plan.source_tokens) {
    folded.push_back(t.folded);
    lower.push_back(t.lower);
  }
  // A question typed with diacritics means its plain words as written ("miễn thi thực hành" is no
  // "thị thực"); one typed without them may mean any spelling.
  const auto matches = plan.accented ? subjects.find_as_written(folded, lower) : subjects.find(folded, lower);
  // A query that names a document says which law it means (missing_documents reports it if absent).
  if (matches.empty() || !named.empty() ||
      std::any_of(plan.citations.begin(), plan.citations.end(), [](const text::Citation& c) { return c.document.has_value(); }))
    return out;
  for (const auto& m : matches) {
    std::string words = " ";
    for (std::size_t i = m.begin; i < m.end; ++i) words += folded[i] + " ";
    if (any_title_holds(documents, words)) continue;
    for (const auto& law : *m.terms) {
      if (law_held(documents, law)) continue;
      if (std::any_of(out.begin(), out.end(), [&](const OutsideLaw& o) { return o.law == law; })) continue;
      out.push_back({law, phrase_as_typed(plan, m.begin, m.end)});
    }
  }
  return out;
}

}  // namespace search
