#include "answer/choice.h"

#include "core/utf8.h"
#include "text/texting.h"
#include "text/vietnamese.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace answer {

namespace {

std::string folded(std::string_view s) { return core::fold_vietnamese(core::nfc(s)); }

bool contains(std::string_view haystack, std::string_view needle) { return haystack.find(needle) != std::string_view::npos; }

// "06" and "6" are the same number; "10.000.000" keeps its dots.
std::string without_leading_zeros(std::string s) {
  while (s.size() > 1 && s[0] == '0' && std::isdigit(static_cast<unsigned char>(s[1]))) s.erase(0, 1);
  return s;
}

bool is_number(const std::string& token) { return !token.empty() && std::isdigit(static_cast<unsigned char>(token[0])); }

struct Words {
  std::vector<std::string> tokens;  // lower case, with diacritics
  std::unordered_set<std::string> unigrams, bigrams, numbers;
};

Words words_of(std::string_view s) {
  Words w;
  for (auto& t : text::tokenize(core::nfc(s))) {
    std::string token = is_number(t.lower) ? without_leading_zeros(t.lower) : t.lower;
    if (is_number(token)) w.numbers.insert(token);
    if (!w.tokens.empty()) w.bigrams.insert(w.tokens.back() + " " + token);
    w.unigrams.insert(token);
    w.tokens.push_back(std::move(token));
  }
  return w;
}

// Sentences of an article that a statement may restate: each line (a clause or a point), and
// each point together with the line that introduces it ("Người lao động có quyền sau đây:" + "a)").
std::vector<Words> passages_of(std::string_view article) {
  std::vector<std::string_view> lines;
  for (std::size_t pos = 0; pos < article.size();) {
    auto nl = article.find('\n', pos);
    if (nl == std::string_view::npos) nl = article.size();
    if (nl > pos) lines.push_back(article.substr(pos, nl - pos));
    pos = nl + 1;
  }
  std::vector<Words> out;
  std::string_view intro;
  for (auto line : lines) {
    out.push_back(words_of(line));
    if (!intro.empty() && line.size() > 2 && line[1] == ')') out.push_back(words_of(std::string(intro) + " " + std::string(line)));
    else if (!line.empty() && (line.back() == ':')) intro = line;
    else if (!(line.size() > 2 && line[1] == ')')) intro = {};
  }
  return out;
}

// Share of the statement's words and adjacent word pairs present in the passage; a number of
// the statement that the passage lacks ("06 tháng" against "03 tháng") weighs heavily.
double coverage(const Words& statement, const Words& passage) {
  if (statement.tokens.empty()) return 0;
  double found = 0, total = 0;
  for (std::size_t i = 0; i < statement.tokens.size(); ++i) {
    const auto& t = statement.tokens[i];
    double weight = is_number(t) ? 3 : 1;
    total += weight;
    found += passage.unigrams.count(t) ? weight : 0;
    if (i + 1 < statement.tokens.size()) {
      total += 1;
      found += passage.bigrams.count(t + " " + statement.tokens[i + 1]) ? 1 : 0;
    }
  }
  // A statement with a number the passage lacks says something else ("06 tháng" against
  // "03 tháng"), however many other words agree.
  for (const auto& n : statement.numbers)
    if (!passage.numbers.count(n)) return 0.5 * found / total;
  return found / total;
}

// What a statement asserts, without the words that only ask whether it is true.
std::string strip_question_tail(std::string_view statement) {
  std::string s = core::nfc(statement);
  std::string f = folded(s);
  for (const char* tail : {"dung hay sai", "la dung hay sai", "dung khong", "phai khong"}) {
    auto at = f.rfind(tail);
    // Folding keeps byte lengths only for ASCII, so cut by counting tokens instead of bytes.
    if (at != std::string::npos && at + std::string_view(tail).size() + 3 >= f.size()) {
      auto tokens = text::tokenize(s);
      std::size_t drop = std::count(tail, tail + std::string_view(tail).size(), ' ') + 1;
      if (tokens.size() > drop) return s.substr(0, tokens[tokens.size() - drop].begin);
    }
  }
  return s;
}


// "Cả A, B và C đều đúng" wins when each option it names has at least this share of the best
// option's support and this support of its own (ALQAC dev, multiple choice: 0.8 and 0.35 gave
// 0.690, 0.6 and 0.35 0.723, 0.5 and 0.25 0.729, 0.4 and 0.15 0.748: contests often make the
// combined option the answer, 33 of the 40 times it is offered in the dev set).
constexpr double kCombinedShareOfBest = 0.5;
constexpr double kCombinedFloor = 0.25;

// Candidate articles lose weight with their rank: the first is the search's best guess.
double rank_weight(std::size_t rank) { return rank == 0 ? 1.0 : rank == 1 ? 0.85 : 0.7; }

// The sentences of the first three candidate articles, each weighted by its article's rank.
std::vector<std::pair<Words, double>> candidate_passages(const std::vector<std::string>& articles) {
  std::vector<std::pair<Words, double>> out;
  for (std::size_t i = 0; i < articles.size() && i < 3; ++i)
    for (auto& p : passages_of(articles[i])) out.emplace_back(std::move(p), rank_weight(i));
  return out;
}

// Options that stand for a set of others: "Cả A, B và C đều đúng", "Tất cả các phương án trên".
// Returns the keys they stand for, or nothing for an ordinary option.
std::optional<std::vector<std::string>> combined_option(const std::string& key, const std::string& option,
                                                        const std::map<std::string, std::string>& choices) {
  std::string f = folded(option);
  if (contains(f, "sai")) return std::nullopt;  // "Cả A, B, C đều sai" is an ordinary option
  bool all = contains(f, "tat ca") || contains(f, "ca 3") || contains(f, "ca ba") || contains(f, "ca 4") || contains(f, "ca bon");
  // "Cả A và B", "B và C", "Đáp án B và C là đúng", "A, B, C đều đúng": nothing but option
  // letters and the words that join them.
  static const std::unordered_set<std::string> kJoining = {"ca", "va", "deu", "dung", "dap", "an", "phuong", "la", "cac"};
  std::unordered_set<std::string> letters;
  bool only_letters = true;
  for (const auto& t : text::tokenize(f)) {
    if (t.folded.size() == 1 && choices.count(std::string(1, static_cast<char>(std::toupper(t.folded[0]))))) letters.insert(t.folded);
    else if (!kJoining.count(t.folded)) only_letters = false;
  }
  if (!all && !(only_letters && letters.size() >= 2)) return std::nullopt;
  std::vector<std::string> keys;
  for (const auto& [other, text] : choices)
    if (other != key && (all || letters.count(folded(other)))) keys.push_back(other);
  if (keys.size() < 2) return std::nullopt;
  return keys;
}

// "… ngoại trừ …", "… không phải là …", "… KHÔNG chấm dứt …": the option to find is the one the
// articles do not support. Contests write the negation in capitals to flag it.
bool asked_in_negative(std::string_view question) {
  const std::string nfc = core::nfc(question);
  if (contains(nfc, "KHÔNG") || contains(nfc, "NGOẠI TRỪ")) return true;
  std::string f = folded(question);
  for (const char* marker : {"ngoai tru", "khong phai", "khong thuoc", "khong bao gom", "khong dung", "tru truong hop nao", "tru dieu nao",
                             "khong duoc coi"})
    if (contains(f, marker)) return true;
  return false;
}

}  // namespace

// Syllables from which a sentence without a final full stop may be a statement: contest
// statements run from 15 to 50, searches typed as keywords seldom past 12 ("trợ cấp mất việc làm
// khi công ty cắt giảm nhân sự").
constexpr std::size_t kStatementWords = 15;

bool looks_like_true_false(std::string_view question) {
  std::string f = folded(question);
  if (contains(f, "dung hay sai") || contains(f, "dung hoac sai") || contains(f, "dung khong?") || contains(f, "phai khong?")) return true;
  if (contains(f, "?")) return false;
  // Citizens often leave the "?" out: with texting spelled out, a question word anywhere still asks.
  const std::string spelled_out = text::expand_texting(core::nfc(question));
  const auto tokens = text::tokenize(spelled_out);
  static const std::unordered_set<std::string> kAsking = {"gi", "nao", "dau", "sao", "ai"};
  for (const auto& t : tokens)
    if (kAsking.count(t.folded) || t.lower == "mấy") return false;
  const std::string expanded = folded(spelled_out);
  for (const char* phrase : {"bao nhieu", "bao lau", "bao gio", "nhu the"})
    if (contains(expanded, phrase)) return false;
  // A contest statement never ends with the polite or talking words of a message ("ạ", "vậy",
  // "nhé", "mọi người"), nor with the "không" / "chưa" that closes a yes/no question.
  static const std::unordered_set<std::string> kTalking = {"a", "ah", "ak", "vay", "nhi", "nhe", "ha", "ad", "khong", "chua"};
  std::size_t end = tokens.size();
  if (end >= 2 && tokens[end - 2].folded == "moi" && tokens[end - 1].folded == "nguoi") return false;
  // A few words are a search ("điều kiện thuận tình ly hôn"), not a statement to judge.
  const auto sentence_end = f.find_last_not_of(" \n");
  const bool full_sentence = end >= kStatementWords || (sentence_end != std::string::npos && f[sentence_end] == '.');
  if (end == 0 || !kTalking.count(tokens[end - 1].folded)) return full_sentence;
  // "…, đúng không" / "…, phải không" asks whether a statement is true.
  return end >= 2 && tokens[end - 1].folded == "khong" && (tokens[end - 2].folded == "dung" || tokens[end - 2].folded == "phai");
}

double statement_support(std::string_view statement, std::string_view article) {
  Words claim = words_of(statement);
  double best = 0;
  for (const auto& p : passages_of(article)) best = std::max(best, coverage(claim, p));
  return best;
}

ChoiceDecision decide_true_false(std::string_view statement, const std::vector<std::string>& articles) {
  Words claim = words_of(strip_question_tail(statement));
  // The passage the statement restates: the best-covering sentence of the best articles.
  double support = 0;
  const Words* passage = nullptr;
  auto candidates = candidate_passages(articles);
  for (const auto& [p, weight] : candidates)
    if (double c = weight * coverage(claim, p); c > support) support = c, passage = &p;
  if (!passage) return {"Sai", 0};
  // Contest statements that are false usually restate a provision with one change: a number,
  // a negation or an absolute word added, an exception dropped, or a few words swapped for
  // others. Each is looked for against the restated passage.
  auto has = [](const Words& w, const char* t) { return w.unigrams.count(t) > 0; };
  int changes = 0;
  for (const char* word : {"không", "chưa", "cấm", "luôn", "mọi", "chỉ", "tất", "bất", "buộc", "cần"})
    if (has(claim, word) != has(*passage, word)) ++changes;
  if (has(*passage, "trừ") && !has(claim, "trừ")) ++changes;
  for (const auto& n : claim.numbers) changes += passage->numbers.count(n) ? 0 : 1;
  int missing_pairs = 0;
  for (std::size_t i = 0; i + 1 < claim.tokens.size(); ++i)
    if (!passage->bigrams.count(claim.tokens[i] + " " + claim.tokens[i + 1])) ++missing_pairs;
  double pair_share = claim.tokens.size() > 1 ? 1.0 - missing_pairs / static_cast<double>(claim.tokens.size() - 1) : 0;
  double score = pair_share * (changes ? 0.5 : 1.0);
  return {score >= kTrueFalseThreshold ? "Đúng" : "Sai", score};
}

ChoiceDecision decide_multiple_choice(std::string_view question, const std::map<std::string, std::string>& choices,
                                      const std::vector<std::string>& articles) {
  // Every sentence of the candidate articles, weighted by the article's rank and by how well the
  // sentence matches the question (an option counts most where the question is answered).
  Words asked = words_of(question);
  auto passages = candidate_passages(articles);
  for (auto& [p, weight] : passages) weight *= 0.6 + 0.4 * coverage(asked, p);
  std::map<std::string, double> support;
  std::map<std::string, std::vector<std::string>> combined;
  for (const auto& [key, option] : choices) {
    if (auto keys = combined_option(key, option, choices)) {
      combined[key] = *keys;
      continue;
    }
    Words w = words_of(option);
    double s = 0;
    for (const auto& [p, weight] : passages) s = std::max(s, weight * coverage(w, p));
    support[key] = s;
  }
  if (support.empty()) return {choices.empty() ? "" : choices.begin()->first, 0};
  bool negative = asked_in_negative(question);
  auto chosen = std::max_element(support.begin(), support.end(), [&](const auto& a, const auto& b) {
    return negative ? a.second > b.second : a.second < b.second;
  });
  ChoiceDecision decision{chosen->first, chosen->second};
  if (negative) return decision;
  // A combined option wins when every option it stands for is supported, if less than the best.
  for (const auto& [key, keys] : combined) {
    bool all_supported = std::all_of(keys.begin(), keys.end(), [&](const auto& k) {
      return support.count(k) && support[k] >= kCombinedShareOfBest * decision.support && support[k] >= kCombinedFloor;
    });
    if (all_supported) return {key, decision.support};
  }
  return decision;
}

}  // namespace answer
