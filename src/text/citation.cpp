#include "text/citation.h"

#include "text/abbreviations.h"
#include "text/document_number.h"
#include "text/vietnamese.h"

#include <algorithm>
#include <array>

namespace text {

namespace {

// Document types as folded word sequences, longest first so "thong tu lien tich" wins.
struct TypeWords {
  std::vector<std::string> words;
  std::string name, slug;
};

const std::vector<TypeWords>& type_words() {
  static const std::vector<TypeWords> types = [] {
    static constexpr std::string_view kNames[] = {"Nghị quyết liên tịch", "Thông tư liên tịch", "Văn bản hợp nhất",
                                                  "Hiến pháp",  "Bộ luật",   "Luật",       "Nghị quyết",
                                                  "Pháp lệnh",  "Nghị định", "Thông tư",   "Quyết định",
                                                  "Chỉ thị",    "Lệnh"};
    std::vector<TypeWords> out;
    for (auto name : kNames) {
      TypeWords tw;
      for (auto& t : tokenize(name)) tw.words.push_back(t.folded);
      tw.name = std::string(name);
      tw.slug = std::string(find_document_type(name)->slug);
      out.push_back(std::move(tw));
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.words.size() > b.words.size(); });
    return out;
  }();
  return types;
}

// Words that end a document name ("Luật Cư trú quy định", "Bộ luật Dân sự năm 2015"). Written
// with diacritics they are told apart from name words that fold alike ("cần" ends a name,
// "Luật Tiếp cận thông tin" goes on); written without, the folded list decides.
bool ends_name(std::string_view lower, std::string_view folded) {
  static constexpr std::string_view kStops[] = {
      "năm",  "số",  "này",  "quy",  "thì",  "là",   "có",   "được", "không", "phải", "mà",  "hoặc",
      "những", "để", "khi",  "nếu",  "theo", "tại",  "của",  "điều", "khoản", "điểm", "chương", "mục",
      "thuộc", "về", "trong", "đối", "với",  "cho",  "đến",  "từ",   "bị",    "sẽ",   "đã",  "đang",
      "cần",  "nên", "sau",  "trước", "như", "hay",  "gì",   "nào",  "bao",   "ai",   "ở",
      "cấm",  "nói", "ghi",  "bắt",  "áp",   "yêu",  "mới"};
  static constexpr std::string_view kFoldedStops[] = {
      "nam",  "so",  "nay",  "quy",  "thi",  "la",   "co",  "duoc", "khong", "phai", "ma",  "hoac",
      "nhung", "de", "khi",  "neu",  "theo", "tai",  "cua", "dieu", "khoan", "diem", "chuong", "muc",
      "thuoc", "ve", "trong", "doi", "voi",  "cho",  "den", "tu",   "bi",    "se",   "da",  "dang",
      "can",  "nen", "sau",  "truoc", "nhu", "hay",  "gi",  "nao",  "bao",   "ai",   "o"};
  if (lower != folded) return std::find(std::begin(kStops), std::end(kStops), lower) != std::end(kStops);
  return std::find(std::begin(kFoldedStops), std::end(kFoldedStops), folded) != std::end(kFoldedStops);
}

bool is_connector(std::string_view folded) {
  return folded == "cua" || folded == "tai" || folded == "thuoc" || folded == "theo" || folded == "trong" || folded == "o";
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "5", "2a", "19a"
bool article_label(std::string_view lower) {
  std::size_t d = 0;
  while (d < lower.size() && lower[d] >= '0' && lower[d] <= '9') ++d;
  if (d == 0 || d > 4) return false;
  std::string_view rest = lower.substr(d);
  return rest.empty() || (rest.size() == 1 && rest[0] >= 'a' && rest[0] <= 'z') || rest == "đ";
}

bool clause_label(std::string_view lower) { return all_digits(lower) && lower.size() <= 3; }

// "a", "đ", "a1"
bool point_label(std::string_view lower) {
  std::string_view rest;
  if (lower.starts_with("đ")) rest = lower.substr(2);
  else if (!lower.empty() && lower[0] >= 'a' && lower[0] <= 'z') rest = lower.substr(1);
  else return false;
  return rest.empty() || (rest.size() == 1 && rest[0] >= '0' && rest[0] <= '9');
}

bool is_year(std::string_view s) { return s.size() == 4 && all_digits(s) && (s.starts_with("19") || s.starts_with("20")); }

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s), t_(tokenize(s)) {}

  const std::vector<Token>& tokens() const { return t_; }

  // No sentence punctuation between token i-1 and token i.
  bool gap_ok(std::size_t i, bool allow_comma = true) const {
    if (i == 0 || i >= t_.size()) return i < t_.size();
    for (std::size_t b = t_[i - 1].end; b < t_[i].begin; ++b) {
      char c = s_[b];
      if (c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\n' || c == '(' || c == ')' || c == '[' || c == ']')
        return false;
      if (c == ',' && !allow_comma) return false;
    }
    return true;
  }

  std::optional<Citation> citation_at(std::size_t i, std::size_t& next) const {
    Citation c;
    std::size_t j = i, last = i;
    bool any = false;
    while (j + 1 < t_.size()) {
      if (any && !gap_ok(j)) break;
      const auto& w = t_[j];
      const auto& label = t_[j + 1];
      bool took = false;
      if (w.folded == "diem" && c.point.empty() && c.clause.empty() && c.article.empty() && point_label(label.lower)) {
        c.point = label.lower;
        took = true;
      } else if (w.folded == "khoan" && c.clause.empty() && c.article.empty() && clause_label(label.lower)) {
        c.clause = label.lower;
        took = true;
      } else if (w.folded == "dieu" && c.article.empty() && !c.this_article) {
        if (article_label(label.lower)) {
          c.article = label.lower;
          took = true;
        } else if (label.folded == "nay" && any) {
          c.this_article = true;
          took = true;
        }
      } else if (w.folded == "khoan" && c.clause.empty() && !c.article.empty() && clause_label(label.lower)) {
        c.clause = label.lower;  // "Điều 5 khoản 2"
        took = true;
      } else if (w.folded == "diem" && c.point.empty() && !c.article.empty() && point_label(label.lower)) {
        c.point = label.lower;  // "Điều 5 khoản 2 điểm a"
        took = true;
      }
      if (!took) {
        if (any && is_connector(w.folded) && j + 1 < t_.size() && (t_[j + 1].folded == "dieu" || t_[j + 1].folded == "khoan")) {
          ++j;  // "khoản 2 của Điều 5"
          continue;
        }
        break;
      }
      if (!gap_ok(j + 1)) break;
      any = true;
      last = j + 1;
      j += 2;
      // Lists: "điểm a, b và c", "khoản 1, 2", "Điều 5, 6 hoặc 7" name several; the citation
      // keeps the first and spans them all.
      auto same_kind = [&](const std::string& l) {
        return w.folded == "diem" ? point_label(l) : w.folded == "khoan" ? clause_label(l) : article_label(l);
      };
      while (j < t_.size() && gap_ok(j)) {
        std::size_t k = j;
        if ((t_[k].folded == "va" || t_[k].folded == "hoac") && k + 1 < t_.size() && gap_ok(k + 1)) ++k;
        if (!same_kind(t_[k].lower) || t_[k].folded == "nay") break;
        last = k;
        j = k + 1;
      }
    }
    if (!any) return std::nullopt;
    c.begin = t_[i].begin;
    c.end = t_[last].end;
    next = last + 1;
    if (!c.this_article) {
      std::size_t after = 0;
      if (auto ref = document_ref(last + 1, after)) {
        c.document = std::move(ref);
        c.end = c.document->end;
        next = after;
      }
    }
    return c;
  }

  // A document reference at token i (after optional connectors).
  std::optional<DocumentRef> document_ref(std::size_t i, std::size_t& next) const {
    for (int k = 0; k < 2 && i < t_.size() && is_connector(t_[i].folded) && gap_ok(i); ++k) ++i;
    if (i >= t_.size() || !gap_ok(i)) return std::nullopt;
    DocumentRef ref;
    ref.begin = t_[i].begin;
    std::size_t j = i;
    // Bare number.
    if (auto n = number_at(j)) {
      ref.number = n->number;
      ref.end = n->end;
      next = token_after(n->end);
      return ref;
    }
    // Abbreviation of a code ("BLLĐ") or of a type ("NĐ").
    if (auto a = find_abbreviation(t_[j].lower)) {
      if (a->kind == Abbreviation::Kind::code) {
        auto full = tokenize(a->expansion);
        for (const auto& tw : type_words()) {
          if (tw.slug != a->type_slug) continue;
          ref.type = tw.name;
          ref.type_slug = tw.slug;
          std::size_t skip = tw.words.size();
          if (skip < full.size()) ref.name = std::string(a->expansion.substr(full[skip].begin));
          break;
        }
        ref.end = t_[j].end;
        next = j + 1;
        year(next, ref);
        return ref;
      }
      if (a->kind == Abbreviation::Kind::type) {
        for (const auto& tw : type_words())
          if (tw.slug == a->type_slug) {
            ref.type = tw.name;
            ref.type_slug = tw.slug;
          }
        j += 1;
        return rest_of_ref(j, ref, next);
      }
    }
    // Type words.
    for (const auto& tw : type_words()) {
      if (j + tw.words.size() > t_.size()) continue;
      bool match = true;
      for (std::size_t k = 0; k < tw.words.size() && match; ++k)
        match = t_[j + k].folded == tw.words[k] && (k == 0 || gap_ok(j + k, false));
      if (!match) continue;
      // "luật sư" (lawyer) and "luật gia" are people, "luật pháp" and "luật lệ" the law at large.
      if (tw.slug == "luat" && j + 1 < t_.size() &&
          (t_[j + 1].folded == "su" || t_[j + 1].folded == "gia" || t_[j + 1].folded == "phap" || t_[j + 1].folded == "le"))
        return std::nullopt;
      ref.type = tw.name;
      ref.type_slug = tw.slug;
      j += tw.words.size();
      return rest_of_ref(j, ref, next);
    }
    return std::nullopt;
  }

 private:
  std::optional<NumberMention> number_at(std::size_t j) const {
    if (j >= t_.size() || t_[j].lower.empty() || t_[j].lower[0] < '0' || t_[j].lower[0] > '9') return std::nullopt;
    std::size_t b = t_[j].begin;
    auto found = find_document_numbers(s_.substr(b, 80));
    if (found.empty() || found.front().begin != 0) return std::nullopt;
    auto m = found.front();
    m.begin += b;
    m.end += b;
    return m;
  }

  std::size_t token_after(std::size_t byte) const {
    std::size_t k = 0;
    while (k < t_.size() && t_[k].begin < byte) ++k;
    return k;
  }

  void year(std::size_t& j, DocumentRef& ref) const {
    if (j < t_.size() && gap_ok(j, false) && t_[j].folded == "nam" && j + 1 < t_.size() && is_year(t_[j + 1].lower)) {
      ref.year = t_[j + 1].lower;
      ref.end = t_[j + 1].end;
      j += 2;
    } else if (j < t_.size() && gap_ok(j, false) && is_year(t_[j].lower)) {
      ref.year = t_[j].lower;
      ref.end = t_[j].end;
      j += 1;
    }
  }

  // After the type: "này", "số 100/2019/NĐ-CP", "100/2019/NĐ-CP", or name words and a year.
  std::optional<DocumentRef> rest_of_ref(std::size_t j, DocumentRef& ref, std::size_t& next) const {
    ref.end = t_[j - 1].end;
    if (j < t_.size() && gap_ok(j, false) && t_[j].folded == "nay") {
      ref.self = true;
      ref.end = t_[j].end;
      next = j + 1;
      return ref;
    }
    std::size_t k = j;
    if (k < t_.size() && gap_ok(k, false) && t_[k].folded == "so") ++k;
    if (k < t_.size() && gap_ok(k, false)) {
      if (auto n = number_at(k)) {
        ref.number = n->number;
        ref.end = n->end;
        next = token_after(n->end);
        return ref;
      }
    }
    std::size_t name_begin = j, name_end = j;
    while (name_end < t_.size() && name_end - name_begin < 12) {
      const auto& w = t_[name_end];
      bool comma_chong = w.folded == "chong" && gap_ok(name_end);  // "Luật Phòng, chống ma túy"
      if (!gap_ok(name_end, false) && !comma_chong) break;
      if (ends_name(w.lower, w.folded) || all_digits(w.lower) || find_abbreviation(w.lower)) break;
      ++name_end;
    }
    if (name_end == name_begin) return std::nullopt;  // "theo quy định của luật": no particular law
    ref.name = std::string(s_.substr(t_[name_begin].begin, t_[name_end - 1].end - t_[name_begin].begin));
    ref.end = t_[name_end - 1].end;
    next = name_end;
    year(next, ref);
    return ref;
  }

  std::string_view s_;
  std::vector<Token> t_;
};

}  // namespace

std::string DocumentRef::title() const {
  if (name.empty()) return {};
  return type.empty() ? name : type + " " + name;
}

std::vector<std::string> DocumentRef::title_keys() const {
  std::vector<std::string> out;
  if (name.empty()) return out;
  auto words = tokenize(name);
  std::string type_key = title_key(type);
  for (std::size_t n = words.size(); n >= 1; --n) {
    std::string key = type_key;
    for (std::size_t k = 0; k < n; ++k) {
      if (!key.empty()) key += ' ';
      key += words[k].folded;
    }
    out.push_back(std::move(key));
  }
  return out;
}

std::vector<Citation> find_citations(std::string_view s) {
  std::vector<Citation> out;
  Parser p(s);
  const auto& t = p.tokens();
  for (std::size_t i = 0; i < t.size();) {
    const auto& f = t[i].folded;
    if (f == "dieu" || f == "khoan" || f == "diem") {
      std::size_t next = i + 1;
      if (auto c = p.citation_at(i, next)) {
        out.push_back(std::move(*c));
        i = std::max(next, i + 1);
        continue;
      }
    }
    ++i;
  }
  return out;
}

std::vector<DocumentRef> find_document_refs(std::string_view s) {
  std::vector<DocumentRef> out;
  Parser p(s);
  const auto& t = p.tokens();
  // In a text that capitalises anything, a law is named with a capital ("Luật Hộ tịch"), and a
  // lower-case "luật" is the law at large ("luật khác", "luật nước ngoài", "luật quốc tế").
  const bool capitalised = std::any_of(t.begin(), t.end(), [&](const Token& w) { return s.substr(w.begin, w.end - w.begin) != w.lower; });
  for (std::size_t i = 0; i < t.size();) {
    std::size_t next = i + 1;
    auto ref = p.document_ref(i, next);
    bool named = ref && !ref->self && !ref->number.empty();
    if (ref && !ref->self && ref->number.empty() && !ref->name.empty() && (ref->type_slug == "luat" || ref->type_slug == "bo-luat")) {
      std::size_t type_token = i;
      while (type_token < t.size() && t[type_token].begin < ref->begin) ++type_token;
      // "trái pháp luật", "công ty luật", "văn phòng luật", "khoa luật", "trường luật", "học luật".
      static constexpr std::string_view kBefore[] = {"phap", "ty", "phong", "hang", "khoa", "nganh", "truong", "hoc"};
      const bool general = type_token > 0 && std::find(std::begin(kBefore), std::end(kBefore), t[type_token - 1].folded) != std::end(kBefore);
      const bool capital = s[ref->begin] == 'L' || s[ref->begin] == 'B';
      named = !general && (capital || !capitalised);
    }
    if (named) out.push_back(std::move(*ref));
    i = named ? std::max(next, i + 1) : i + 1;
  }
  return out;
}

std::string quoted_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i)
    out += (i == 0 ? "" : i + 1 == names.size() ? " và " : ", ") + ("«" + names[i] + "»");
  return out;
}

std::optional<Citation> parse_citation(std::string_view s) {
  std::string n = normalize(s);
  auto all = find_citations(n);
  if (all.empty()) return std::nullopt;
  return all.front();
}

std::optional<DocumentRef> document_ref_at(std::string_view s, std::size_t pos) {
  if (pos > s.size()) return std::nullopt;
  Parser p(s.substr(pos));
  std::size_t next = 0;
  auto ref = p.document_ref(0, next);
  if (ref) {
    ref->begin += pos;
    ref->end += pos;
  }
  return ref;
}

}  // namespace text
