#include "search/query_plan.h"

#include "text/abbreviations.h"
#include "text/document_number.h"
#include "text/question_form.h"
#include "text/texting.h"
#include "text/vietnamese.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <tuple>

namespace search {

namespace {

// Byte ranges between double quotes: "..." or “...”.
std::vector<std::pair<std::size_t, std::size_t>> quoted_ranges(std::string_view s) {
  constexpr std::size_t kClosed = std::string_view::npos;
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t open = kClosed;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool ascii = s[i] == '"';
    bool left = s.compare(i, 3, "\xE2\x80\x9C") == 0;   // “
    bool right = s.compare(i, 3, "\xE2\x80\x9D") == 0;  // ”
    if (!ascii && !left && !right) continue;
    std::size_t len = ascii ? 1 : 3;
    if (open != kClosed && (ascii || right)) {
      out.emplace_back(open, i);
      open = kClosed;
    } else if (open == kClosed && (ascii || left)) {
      open = i + len;
    }
    i += len - 1;
  }
  return out;
}

// Folded words that may stand before a document number ("Nghị định số", "TT", "Luật").
bool number_prefix_word(std::string_view f) {
  static constexpr std::string_view kWords[] = {"so",  "nghi", "dinh", "thong", "tu",  "quyet", "luat", "bo",
                                                "lien", "tich", "nd",  "tt",    "qd",  "nq",    "ttlt", "van",
                                                "ban", "hop",  "nhat", "phap",  "lenh", "chi",  "thi",  "ct"};
  return std::find(std::begin(kWords), std::end(kWords), f) != std::end(kWords);
}

QueryToken from_text_token(const text::Token& t) {
  QueryToken q;
  static_cast<text::Token&>(q) = t;
  return q;
}

bool has_letter(std::string_view folded) {
  return std::any_of(folded.begin(), folded.end(), [](char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; });
}

}  // namespace

bool is_question_word(const std::string& lower) {
  static constexpr std::string_view kWords[] = {"gì",  "nào", "sao", "bao", "nhiêu", "đâu",   "ai",  "hay", "đúng",
                                                "sai", "ạ",   "nhỉ", "vậy", "thế",   "hả",    "à",   "chăng", "thưa",
                                                "xin", "tôi", "mình", "em", "hỏi",   "giúp",  "vui", "lòng",
                                                "muốn", "ơi", "nhé", "nha", "dạ", "nhờ", "mọi"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

namespace {

// Citations and numbers: their words are not text terms.
void find_citations_and_numbers(QueryPlan& plan) {
  auto& src = plan.source_tokens;
  auto exclude = [&](std::size_t b, std::size_t e) {
    for (auto& t : src)
      if (t.begin >= b && t.end <= e) t.excluded = true;
  };
  plan.citations = text::find_citations(plan.text);
  for (const auto& c : plan.citations) exclude(c.begin, c.end);
  for (const auto& n : text::find_document_numbers(plan.text)) {
    plan.numbers.push_back(n.number);
    exclude(n.begin, n.end);
    // "Nghị định số 100/2019/NĐ-CP": the words naming it go with it.
    std::size_t k = 0;
    while (k < src.size() && src[k].begin < n.begin) ++k;
    for (std::size_t back = 0; k > 0 && back < 4 && number_prefix_word(src[k - 1].folded); ++back, --k) src[k - 1].excluded = true;
  }
  for (const auto& c : plan.citations)
    if (c.document && !c.document->number.empty() &&
        std::find(plan.numbers.begin(), plan.numbers.end(), c.document->number) == plan.numbers.end())
      plan.numbers.push_back(c.document->number);
  // "Điều 35 quy định gì", "điều 5 nói về cái gì": the words around the citations only ask what
  // they say.
  const bool cites = !plan.citations.empty();
  plan.only_citations = !src.empty() && std::all_of(src.begin(), src.end(), [&](const auto& t) {
    return t.excluded || (cites && text::asks_what_it_says(t.folded));
  });
}

// Abbreviations: the token stays (some texts use it) and its expansion follows.
void expand_abbreviations(QueryPlan& plan) {
  const auto& src = plan.source_tokens;
  for (std::size_t i = 0; i < src.size(); ++i) {
    plan.tokens.push_back(src[i]);
    if (src[i].excluded) continue;
    auto a = text::find_abbreviation(src[i].lower);
    if (!a || a->kind == text::Abbreviation::Kind::type) continue;
    if (src[i].lower.size() < 3 && src[i].lower != "hp") continue;
    bool first = true;
    for (const auto& t : text::tokenize(a->expansion)) {
      QueryToken q = from_text_token(t);
      q.begin = src[i].begin;
      q.end = src[i].end;
      q.joined = !first;
      first = false;
      plan.tokens.push_back(std::move(q));
    }
  }
}

// Everyday words: the legal terms they stand for follow them (the words stay).
void expand_thesaurus(QueryPlan& plan, const text::Thesaurus& thesaurus) {
  std::vector<std::size_t> at;  // indices in plan.tokens of the words typed
  std::vector<std::string> folded, lower;
  for (std::size_t i = 0; i < plan.tokens.size(); ++i)
    if (plan.tokens[i].source >= 0 && !plan.tokens[i].excluded) {
      at.push_back(i);
      folded.push_back(plan.tokens[i].folded);
      lower.push_back(plan.tokens[i].lower);
    }
  auto matches = thesaurus.find(folded, lower);
  if (matches.empty()) return;
  std::vector<QueryToken> out;
  std::size_t next = 0;
  for (const auto& m : matches) {
    const std::size_t last = at[m.end - 1];
    while (next <= last) out.push_back(plan.tokens[next++]);
    for (const auto& term : *m.terms) {
      bool first = true;
      for (const auto& t : text::tokenize(term)) {
        QueryToken q = from_text_token(t);
        q.begin = plan.tokens[at[m.begin]].begin;
        q.end = plan.tokens[last].end;
        q.joined = !first;
        q.thesaurus = true;
        first = false;
        out.push_back(std::move(q));
      }
    }
  }
  while (next < plan.tokens.size()) out.push_back(plan.tokens[next++]);
  plan.tokens = std::move(out);
}

// A term to define: "X là gì", "X là ..." (a statement to check), "thế nào là X", "định nghĩa X".
void find_defined_term(QueryPlan& plan) {
  const auto& t = plan.tokens;
  auto is_la = [&](std::size_t i) { return t[i].source >= 0 && (plan.accented ? t[i].lower == "là" : t[i].folded == "la"); };
  auto usable = [&](std::size_t i) { return t[i].source >= 0 && !t[i].excluded && !t[i].question_word; };
  std::size_t start = 0, end = 0;
  std::size_t k = 0;
  while (k < t.size() && t[k].source < 0) ++k;
  if (k + 2 < t.size() && ((t[k].folded == "the" && t[k + 1].folded == "nao" && is_la(k + 2)))) {
    start = end = k + 3;
  } else if (k + 1 < t.size() && ((t[k].folded == "dinh" && t[k + 1].folded == "nghia") || (t[k].folded == "khai" && t[k + 1].folded == "niem"))) {
    start = end = k + 2;
    if (start < t.size() && (t[start].folded == "ve" || t[start].folded == "cua")) start = end = start + 1;
  } else {
    std::size_t la = 0;
    while (la < t.size() && !is_la(la)) ++la;
    if (la < t.size() && la > 0 && la <= 8) {
      bool ok = true;
      for (std::size_t i = 0; i < la; ++i) ok &= t[i].source < 0 || usable(i);
      if (ok) {
        start = 0;
        end = la;
      }
    }
  }
  if (start == end && start > 0) {  // the term follows: up to punctuation or a question word
    while (end < t.size() && end - start < 8 && usable(end) && (end == start || t[end].joined)) ++end;
  }
  for (std::size_t i = start; i < end; ++i)
    if (t[i].source >= 0) plan.defined_term.push_back(i);
}

// Quoted phrases.
void find_phrases(QueryPlan& plan) {
  for (const auto& [b, e] : quoted_ranges(plan.text)) {
    std::vector<std::size_t> idx;
    for (std::size_t i = 0; i < plan.tokens.size(); ++i) {
      auto& t = plan.tokens[i];
      if (t.source >= 0 && t.begin >= b && t.end <= e && !t.excluded) {
        t.phrase = static_cast<int>(plan.phrases.size());
        idx.push_back(i);
      }
    }
    if (idx.size() >= 2) plan.phrases.push_back(std::move(idx));
    else if (idx.size() == 1) plan.tokens[idx[0]].phrase = -1;
  }
}

}  // namespace

QueryPlan plan_query(const std::string& raw, const text::Thesaurus* thesaurus) {
  QueryPlan plan;
  plan.text = text::expand_texting(text::normalize(raw));
  for (const auto& t : text::tokenize(plan.text)) plan.source_tokens.push_back(from_text_token(t));
  auto& src = plan.source_tokens;
  for (std::size_t i = 0; i < src.size(); ++i) {
    src[i].source = static_cast<int>(i);
    src[i].question_word = is_question_word(src[i].lower);
    plan.accented |= text::has_diacritics(src[i].lower);
    plan.has_letters |= has_letter(src[i].folded);
  }
  find_citations_and_numbers(plan);
  expand_abbreviations(plan);
  if (thesaurus) expand_thesaurus(plan, *thesaurus);
  find_defined_term(plan);
  find_phrases(plan);
  return plan;
}

std::optional<std::string> spell_suggestion(const QueryPlan& plan, const std::vector<std::string>& restored) {
  if (restored.size() != plan.source_tokens.size()) return std::nullopt;
  std::string out;
  std::size_t pos = 0;
  bool changed = false;
  for (std::size_t i = 0; i < restored.size(); ++i) {
    const auto& t = plan.source_tokens[i];
    out.append(plan.text, pos, t.begin - pos);
    std::string_view typed(plan.text.data() + t.begin, t.end - t.begin);
    if (restored[i].empty() || restored[i] == t.lower || t.excluded || text::find_abbreviation(t.lower)) {
      out += typed;
    } else {
      out += text::match_case(typed, restored[i]);
      changed = true;
    }
    pos = t.end;
  }
  out.append(plan.text, pos);
  if (!changed) return std::nullopt;
  return out;
}

std::vector<std::string> restored_for_terms(const QueryPlan& plan, const std::vector<std::string>& restored) {
  std::vector<std::string> out(plan.tokens.size());
  for (std::size_t i = 0; i < plan.tokens.size(); ++i) {
    const auto& t = plan.tokens[i];
    if (t.source < 0) out[i] = t.lower;
    else if (static_cast<std::size_t>(t.source) < restored.size()) out[i] = restored[t.source];
  }
  return out;
}

void merge_terms(std::vector<ScoredTerm>& terms) {
  std::sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) { return std::tie(a.kind, a.id) < std::tie(b.kind, b.id); });
  std::size_t w = 0;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (w > 0 && terms[w - 1].kind == terms[i].kind && terms[w - 1].id == terms[i].id) terms[w - 1].weight += terms[i].weight;
    else terms[w++] = terms[i];
  }
  terms.resize(w);
}

}  // namespace search
