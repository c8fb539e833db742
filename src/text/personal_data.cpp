#include "text/personal_data.h"

#include "text/vietnamese.h"

#include <algorithm>
#include <set>
#include <vector>

namespace text {

namespace {

constexpr const char* kPhone = "[số điện thoại]";
constexpr const char* kIdNumber = "[số giấy tờ]";
constexpr const char* kEmail = "[thư điện tử]";
constexpr const char* kAddress = "[địa chỉ]";
constexpr const char* kName = "[họ tên]";

struct Span {
  std::size_t begin, end;
  const char* label;
};

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) { return is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool covered(const std::vector<Span>& spans, std::size_t pos) {
  return std::any_of(spans.begin(), spans.end(), [&](const Span& s) { return pos >= s.begin && pos < s.end; });
}

// ---- e-mail -------------------------------------------------------------------------------

void find_emails(std::string_view s, std::vector<Span>& spans) {
  auto local_char = [](char c) { return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; };
  auto domain_char = [](char c) { return is_ascii_alnum(c) || c == '.' || c == '-'; };
  for (std::size_t at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
    std::size_t b = at;
    while (b > 0 && local_char(s[b - 1])) --b;
    std::size_t e = at + 1;
    while (e < s.size() && domain_char(s[e])) ++e;
    while (e > at + 1 && (s[e - 1] == '.' || s[e - 1] == '-')) --e;  // sentence full stop
    std::string_view domain = s.substr(at + 1, e - at - 1);
    auto dot = domain.rfind('.');
    if (b == at || dot == std::string_view::npos || dot == 0 || domain.size() - dot - 1 < 2) continue;
    if (!std::all_of(domain.begin() + static_cast<std::ptrdiff_t>(dot) + 1, domain.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
      continue;
    spans.push_back({b, e, kEmail});
  }
}

// ---- addresses ----------------------------------------------------------------------------

const std::set<std::string>& street_words() {
  static const std::set<std::string> w = {"đường", "phố", "ngõ", "ngách", "hẻm", "kiệt", "thôn", "ấp", "xóm", "tổ"};
  return w;
}
const std::set<std::string>& area_words() {
  static const std::set<std::string> w = {"phường", "xã", "quận", "huyện", "thị", "trấn", "thành", "phố", "tỉnh", "tp", "khu", "tổ", "thôn", "ấp"};
  return w;
}
// Words before a number that make it a legal or calendar number, never a house number.
const std::set<std::string>& numbering_words() {
  static const std::set<std::string> w = {"điều", "khoản", "điểm", "chương", "mục", "phần", "ngày", "tháng", "năm", "quý", "lần", "mẫu"};
  return w;
}

// The token's first letter differs from its lower-case form.
bool capitalised(std::string_view s, const Token& t) {
  unsigned char c = static_cast<unsigned char>(s[t.begin]);
  std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return s.compare(t.begin, len, t.lower, 0, len) != 0;
}

void find_addresses(std::string_view s, std::vector<Span>& spans) {
  auto tokens = tokenize(s);
  auto gap = [&](std::size_t i) { return s.substr(tokens[i - 1].end, tokens[i].begin - tokens[i - 1].end); };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    // [số | nhà | số nhà | nhà số] N[/M][A] <street word> …
    std::size_t start = i, k = i;
    bool prefixed = false;
    while (k < tokens.size() && (tokens[k].lower == "số" || tokens[k].lower == "nhà") && k - i < 2) {
      prefixed = true;
      ++k;
    }
    if (k >= tokens.size() || !is_ascii_digit(s[tokens[k].begin])) continue;
    if (!prefixed && i > 0 && numbering_words().count(tokens[i - 1].lower)) continue;
    std::size_t last = k++;
    while (k < tokens.size() && (gap(k) == "/" || gap(k) == "-") && k - last == 1 && tokens[k].end - tokens[k].begin <= 4) last = k++;
    if (k >= tokens.size() || !street_words().count(tokens[k].lower)) continue;
    if (gap(k) != " " && gap(k) != ", ") continue;  // "số 12 đường …", "số 12, đường …"
    last = k++;
    // The street's name and what follows it: capitalised words, numbers, more street or area words.
    while (k < tokens.size()) {
      std::string_view g = gap(k);
      bool after_comma = g == ", " || g == ",";
      bool plain = g == " " || (g == ". " && tokens[k - 1].lower == "tp") || g == "/";
      const Token& t = tokens[k];
      bool area = area_words().count(t.lower) > 0;
      bool word = capitalised(s, t) || is_ascii_digit(s[t.begin]) || street_words().count(t.lower) || area || t.lower == "số";
      if ((plain && word) || (after_comma && area)) {
        last = k++;
        continue;
      }
      break;
    }
    spans.push_back({tokens[start].begin, tokens[last].end, kAddress});
    i = last;
  }
}

// ---- personal names -----------------------------------------------------------------------

// The most common Vietnamese family names (together well over 90% of the population).
const std::set<std::string>& family_names() {
  static const std::set<std::string> w = {"nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi",
                                          "đỗ", "hồ", "ngô", "dương", "lý", "đinh", "đào", "lương", "trịnh", "mai", "cao",
                                          "lâm", "tạ", "châu", "hà", "quách", "tô", "vương", "la", "thái", "triệu", "kiều"};
  return w;
}

// Words that introduce a person by their given name: "anh Tuấn", "chị Lan", "bà Hoa".
const std::set<std::string>& person_titles() {
  static const std::set<std::string> w = {"anh", "chị", "ông", "bà", "em", "cháu", "cô", "chú", "bác", "cậu", "dì", "mợ", "thím", "bạn", "là"};
  return w;
}

// Provinces, cities and districts that begin like a family name, and the President's name.
const std::set<std::string>& public_names() {
  static const std::set<std::string> w = {"hà nội", "hà giang", "hà tĩnh", "hà nam", "hà đông", "hồ chí minh", "lâm đồng", "cao bằng",
                                          "thái bình", "thái nguyên", "hoàng mai", "bà rịa", "đà nẵng", "cà mau", "mai châu",
                                          "lê chân", "ngô quyền", "hồ tây", "tô lịch", "phan thiết", "phan rang", "vũng tàu"};
  return w;
}

// Capitalised words joined by single spaces: a name is 2–4 of them starting with a family name,
// or 1–3 after a title word. Names of places and of the nation's leaders are public, not personal.
void find_names(std::string_view s, std::vector<Span>& spans) {
  auto tokens = tokenize(s);
  auto run_from = [&](std::size_t i) {
    std::size_t k = i;
    while (k < tokens.size() && k - i < 4 && capitalised(s, tokens[k]) && !is_ascii_digit(s[tokens[k].begin]) &&
           (k == i || s.substr(tokens[k - 1].end, tokens[k].begin - tokens[k - 1].end) == " "))
      ++k;
    return k - i;
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (covered(spans, tokens[i].begin)) continue;
    std::string before = i > 0 ? tokens[i - 1].lower : "";
    if (street_words().count(before) || area_words().count(before) || before == "tp" || before == "luật" || before == "tịch") continue;
    std::size_t n = run_from(i);
    bool family = n >= 2 && family_names().count(tokens[i].lower);
    bool titled = n >= 1 && i > 0 && person_titles().count(before) && s.substr(tokens[i - 1].end, tokens[i].begin - tokens[i - 1].end) == " ";
    if (!family && !titled) continue;
    std::string key;
    for (std::size_t k = i; k < i + n; ++k) key += (k > i ? " " : "") + tokens[k].lower;
    if (public_names().count(key)) continue;
    spans.push_back({tokens[i].begin, tokens[i + n - 1].end, kName});
    i += n - 1;
  }
}

// ---- phone and ID numbers -----------------------------------------------------------------

// A national number: mobile 0[35789]xxxxxxxx, old mobile 01xxxxxxxxx, landline 02xxxxxxxxx.
bool is_phone(std::string d, bool international) {
  if ((international || d.size() == 11) && d.starts_with("84")) d = "0" + d.substr(2);
  if (d.size() == 10 && d[0] == '0' && std::string_view("35789").find(d[1]) != std::string_view::npos) return true;
  return d.size() == 11 && d[0] == '0' && (d[1] == '1' || d[1] == '2');
}

bool followed_by_unit(std::string_view s, std::size_t pos) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  std::size_t end = pos;
  while (end < s.size() && s[end] != ' ' && s[end] != ',' && s[end] != '.') ++end;
  static const std::set<std::string> units = {"đồng", "đ", "vnđ", "vnd", "usd", "triệu", "tỷ", "nghìn", "ngàn", "%", "m2", "km", "kg", "ha", "người"};
  return units.count(lower(s.substr(pos, end - pos))) > 0;
}

bool after_id_keyword(std::string_view s, std::size_t pos) {
  std::size_t from = pos > 48 ? pos - 48 : 0;
  while (from < pos && (static_cast<unsigned char>(s[from]) & 0xC0) == 0x80) ++from;  // whole code points only
  auto before = lower(s.substr(from, pos - from));
  for (std::string_view k : {"cccd", "cmnd", "căn cước", "chứng minh", "định danh", "cmt"})
    if (before.find(k) != std::string::npos) return true;
  return false;
}

void find_numbers(std::string_view s, std::vector<Span>& spans) {
  std::size_t i = 0;
  while (i < s.size()) {
    bool starts = is_ascii_digit(s[i]) || ((s[i] == '+' || s[i] == '(') && i + 1 < s.size() && (is_ascii_digit(s[i + 1]) || s[i + 1] == '+'));
    char prev = i > 0 ? s[i - 1] : ' ';
    if (!starts || covered(spans, i) || is_ascii_alnum(prev) || prev == '.' || prev == ',') {
      ++i;
      continue;
    }
    const std::size_t run_begin = i;
    bool international = false;
    while (i < s.size() && (s[i] == '+' || s[i] == '(')) international |= s[i++] == '+';
    // Digit groups separated by one space, dot or dash, or by a closing parenthesis.
    std::vector<std::pair<std::size_t, std::size_t>> groups;
    while (i < s.size() && is_ascii_digit(s[i])) {
      std::size_t b = i;
      while (i < s.size() && is_ascii_digit(s[i])) ++i;
      groups.emplace_back(b, i);
      std::size_t j = i;
      if (j < s.size() && s[j] == ')') ++j;
      if (j < s.size() && (s[j] == ' ' || s[j] == '.' || s[j] == '-') && j + 1 < s.size() && is_ascii_digit(s[j + 1]) && j - i <= 1)
        i = j + 1;
      else if (j > i && j < s.size() && is_ascii_digit(s[j]))
        i = j;
      else
        break;
    }
    const std::size_t run_end = i;
    if (groups.empty()) continue;
    const bool next_to_slash = prev == '/' || (run_end < s.size() && s[run_end] == '/');
    auto digits = [&](std::size_t from, std::size_t to) {
      std::string d;
      for (std::size_t g = from; g <= to; ++g) d.append(s.substr(groups[g].first, groups[g].second - groups[g].first));
      return d;
    };
    if (next_to_slash) {
      // Part of a document number or a date, unless it is a whole phone number ("0912345678/0987…").
      if (groups.size() == 1 && is_phone(digits(0, 0), international)) spans.push_back({run_begin, run_end, kPhone});
      continue;
    }
    std::string all = digits(0, groups.size() - 1);
    if ((all.size() == 9 || all.size() == 12) && after_id_keyword(s, run_begin)) {
      spans.push_back({run_begin, run_end, kIdNumber});
      continue;
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
      std::string d;
      for (std::size_t h = g; h < groups.size() && d.size() <= 12; ++h) {
        d = digits(g, h);
        if (is_phone(d, international && g == 0)) {
          spans.push_back({g == 0 ? run_begin : groups[g].first, groups[h].second, kPhone});
          g = h;
          break;
        }
      }
    }
    if (groups.size() == 1 && (all.size() == 9 || all.size() == 12) && !covered(spans, run_begin) &&
        !followed_by_unit(s, run_end))
      spans.push_back({run_begin, run_end, kIdNumber});
  }
}

}  // namespace

namespace {
std::vector<Span> find_all(const std::string& s) {
  std::vector<Span> spans;
  find_emails(s, spans);
  find_addresses(s, spans);
  find_numbers(s, spans);
  find_names(s, spans);
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  return spans;
}
}  // namespace

std::vector<PersonalData> find_personal_data(const std::string& normalized) {
  std::vector<PersonalData> out;
  std::size_t pos = 0;
  for (const auto& span : find_all(normalized)) {
    if (span.begin < pos) continue;
    out.push_back({span.begin, span.end, span.label});
    pos = span.end;
  }
  return out;
}

std::string mask_personal_data(std::string_view input) {
  std::string s = normalize(input);
  auto spans = find_all(s);
  std::string out;
  std::size_t pos = 0;
  for (const auto& span : spans) {
    if (span.begin < pos) continue;  // overlaps one already masked
    out.append(s, pos, span.begin - pos);
    out += span.label;
    pos = span.end;
  }
  out.append(s, pos);
  return out;
}

}  // namespace text
