#include "answer/answer_service.h"

#include "answer/answer_counts.h"

#include "answer/choice.h"
#include "answer/reviews.h"
#include "answer/small_talk.h"

#include "core/random.h"
#include "core/time.h"
#include "core/utf8.h"
#include "library/citizen_terms.h"
#include "text/citation.h"
#include "text/texting.h"
#include "text/vietnamese.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace answer {

namespace {

std::vector<std::string> content_words_of(const std::vector<std::string>& folded) {
  std::vector<std::string> out;
  for (const auto& w : folded)
    if (!text::is_question_word(w)) out.push_back(w);
  return out;
}

}  // namespace

std::vector<std::string> content_words(const std::string& s) {
  std::vector<std::string> folded;
  for (auto& t : text::tokenize(text::normalize(s))) folded.push_back(std::move(t.folded));
  return content_words_of(folded);
}

namespace {

// The question's words (folded content words) and neighbouring pairs of them that a passage holds.
struct FoundWords {
  std::unordered_set<std::string> words, pairs;
};

// The width of the narrowest range the clause states that holds one of the amounts (infinite for
// an open one: "chưa đủ 18 tuổi"); nullopt when none does. Such a clause states the amount: the
// question's words the amount was read from ("35" of "35%", "3" and "triệu" of "3 triệu") count as
// `found`.
std::optional<double> narrowest_range_holding(const std::string& clause, const std::vector<text::Amount>& amounts,
                                              const std::vector<std::string>& question, FoundWords& found) {
  std::optional<double> narrowest;
  for (const auto& r : text::ranges_in(clause))
    for (const auto& a : amounts) {
      if (!text::holds(r, a)) continue;
      narrowest = std::min(narrowest.value_or(INFINITY), r.high - r.low);
      for (const auto& w : question)
        if (std::find(a.words.begin(), a.words.end(), text::fold(w)) != a.words.end()) found.words.insert(w);
    }
  return narrowest;
}

// `question` holds word keys (spelling_keys): a word typed with diacritics is found only so
// spelled ("cảm" not in "cam kết"), one typed without them in any spelling.
FoundWords find_words(const std::vector<std::string>& question, const std::string& passage) {
  FoundWords found;
  if (question.empty()) return found;
  // Only the question's few words are kept in sets; the passage is scanned once against them
  // (this runs for every clause of the top articles, so it must not allocate per passage word).
  std::unordered_set<std::string_view> words(question.begin(), question.end());
  std::unordered_set<std::string> pairs;
  for (std::size_t i = 0; i + 1 < question.size(); ++i) pairs.insert(question[i] + " " + question[i + 1]);
  std::string previous;
  for (auto& t : text::tokenize(passage)) {
    std::string* key = words.count(t.lower) ? &t.lower : words.count(t.folded) ? &t.folded : nullptr;
    if (key) {
      found.words.insert(*key);
      if (!previous.empty()) {
        std::string pair = previous + " " + *key;
        if (pairs.count(pair)) found.pairs.insert(std::move(pair));
      }
    }
    previous = key ? std::move(*key) : std::string();
  }
  return found;
}

// The share of the question's words and pairs (multi-syllable words) found, each weighing
// `weight(word or pair)`.
template <typename Weight>
double share(const std::vector<std::string>& question, const FoundWords& found, Weight weight) {
  double got = 0, total = 0;
  for (std::size_t i = 0; i < question.size(); ++i) {
    const double w = weight(question[i]);
    total += w;
    got += found.words.count(question[i]) ? w : 0;
    if (i + 1 < question.size()) {
      const std::string pair = question[i] + " " + question[i + 1];
      const double wp = weight(pair);
      total += wp;
      got += found.pairs.count(pair) ? wp : 0;
    }
  }
  return total > 0 ? got / total : 0;
}

double overlap(const std::vector<std::string>& question, const std::string& passage) {
  return share(question, find_words(question, passage), [](const std::string&) { return 1.0; });
}

// Clause blocks of an article: [begin, end) byte ranges of lines starting "N." with their points.
std::vector<std::pair<std::size_t, std::size_t>> clause_ranges(const std::string& text, std::vector<std::string>& numbers) {
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  std::size_t pos = 0;
  int expected = 1;
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    std::size_t end = nl == std::string::npos ? text.size() : nl;
    std::string prefix = std::to_string(expected) + ". ";
    if (text.compare(pos, prefix.size(), prefix) == 0) {
      if (!ranges.empty()) ranges.back().second = pos - 1;
      ranges.emplace_back(pos, text.size());
      numbers.push_back(std::to_string(expected));
      ++expected;
    }
    pos = end + 1;
  }
  return ranges;
}

// The text of one clause range of an article, without the line break that ends it.
std::string clause_text(const std::string& article_text, const std::pair<std::size_t, std::size_t>& range) {
  std::string part = article_text.substr(range.first, range.second - range.first);
  while (!part.empty() && part.back() == '\n') part.pop_back();
  return part;
}

// At most `max_bytes` of `s`: whole lines (a clause's points) or whole sentences while they fit;
// when none fits, whole words. `shortened` tells whether text was left out.
std::string trim_quote(const std::string& s, std::size_t max_bytes, bool& shortened) {
  shortened = s.size() > max_bytes;
  if (!shortened) return s;
  const auto line_end = s.rfind('\n', max_bytes);
  const auto sentence_end = s.rfind(". ", max_bytes - 1);
  std::size_t cut = std::string::npos;
  if (line_end != std::string::npos) cut = line_end;
  if (sentence_end != std::string::npos && (cut == std::string::npos || sentence_end + 1 > cut)) cut = sentence_end + 1;
  if (cut == std::string::npos || cut < max_bytes / 3) cut = s.rfind(' ', max_bytes);
  if (cut == std::string::npos || cut == 0) {  // one word longer than the budget: never half a character
    cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return s.substr(0, cut);
  }
  return s.substr(0, s.find_last_not_of(" \n", cut - 1) + 1);
}

}  // namespace

namespace {

// The content words of a text as keys to find them by: as written (lower case) when they carry
// diacritics, else folded (find_words).
std::vector<std::string> spelling_keys(const std::vector<std::string>& folded, const std::vector<std::string>& lower) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < folded.size(); ++i)
    if (!text::is_question_word_as_written(lower[i])) out.push_back(text::has_diacritics(lower[i]) ? lower[i] : folded[i]);
  return out;
}

// The legal terms the question's everyday words (`folded`, and `lower` as typed) stand for, as
// content word keys.
std::vector<std::string> thesaurus_words(const std::vector<std::string>& folded, const std::vector<std::string>& lower,
                                         const text::Thesaurus& thesaurus) {
  std::vector<std::string> out;
  for (const auto& m : thesaurus.find(folded, lower))
    for (const auto& term : *m.terms) {
      std::vector<std::string> term_folded, term_lower;
      for (auto& t : text::tokenize(text::normalize(term))) {
        term_folded.push_back(std::move(t.folded));
        term_lower.push_back(std::move(t.lower));
      }
      for (auto& w : spelling_keys(term_folded, term_lower)) out.push_back(std::move(w));
    }
  return out;
}

}  // namespace

QuestionWords question_words_of(const std::string& question, const text::Thesaurus& thesaurus) {
  // Read once, texting shorthand spelled out: its words, the terms they stand for, what it asks.
  std::vector<std::string> folded, lower;
  for (auto& t : text::tokenize(text::expand_texting(text::normalize(question)))) {
    folded.push_back(std::move(t.folded));
    lower.push_back(std::move(t.lower));
  }
  return {spelling_keys(folded, lower), thesaurus_words(folded, lower, thesaurus), text::question_form_of_words(folded),
          text::amounts_in(question)};
}

QuestionWords question_words_of(const std::string& question) { return question_words_of(question, *library::builtin_thesaurus()); }

Quote best_quote(const QuestionWords& q, const std::string& article_text) {
  const auto& words = q.words;
  const auto& terms = q.terms;
  const auto& form = q.form;
  // How much of the question a part of the article covers: its own words, and the legal terms its
  // everyday words stand for (which may lift it halfway). This is the answer's confidence.
  auto coverage_of = [&](const FoundWords& own, const FoundWords& legal) {
    const auto each = [](const std::string&) { return 1.0; };
    const double c = share(words, own, each);
    return terms.empty() ? c : std::max(c, 0.5 * (c + share(terms, legal, each)));
  };
  std::vector<std::string> numbers;
  auto ranges = clause_ranges(article_text, numbers);
  Quote best;
  if (ranges.empty()) {
    auto first = article_text.substr(0, article_text.find('\n'));
    best.text = trim_quote(first.empty() ? article_text : first, kFirstLinesBytes, best.shortened);
    best.overlap = coverage_of(find_words(words, best.text), find_words(terms, best.text));
    return best;
  }
  struct Part {
    std::string text;
    FoundWords own, legal;
    std::optional<double> range_width;  // of the narrowest range of the clause holding an amount the question gives
  };
  std::vector<Part> parts;
  std::unordered_map<std::string, int> clauses_holding;  // a word or pair → clauses that hold it
  for (const auto& range : ranges) {
    Part part{clause_text(article_text, range), {}, {}, std::nullopt};
    part.own = find_words(words, part.text);
    part.legal = find_words(terms, part.text);
    if (!q.amounts.empty()) part.range_width = narrowest_range_holding(part.text, q.amounts, words, part.own);
    for (const auto* found : {&part.own, &part.legal}) {
      for (const auto& w : found->words) ++clauses_holding[w];
      for (const auto& p : found->pairs) ++clauses_holding[p];
    }
    parts.push_back(std::move(part));
  }
  // Which clause answers: the question's words weigh more the fewer clauses hold them (a word in
  // every clause tells none apart), and a clause of the kind the question asks for (a number with
  // its unit, a permission or a duty) gains a bonus, as does the one whose range holding the
  // question's amount is the narrowest ("14 tuổi": "từ đủ 13 tuổi đến chưa đủ 15 tuổi", not "chưa
  // đủ 18 tuổi").
  const double n = static_cast<double>(parts.size());
  double narrowest = INFINITY;
  for (const auto& part : parts)
    if (part.range_width) narrowest = std::min(narrowest, *part.range_width);
  const auto rarity = [&](const std::string& w) {
    const auto it = clauses_holding.find(w);
    return std::log(1.0 + n / (it == clauses_holding.end() ? 1.0 : static_cast<double>(it->second)));
  };
  double best_score = -1;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto& part = parts[i];
    double score = share(words, part.own, rarity);
    if (!terms.empty()) score = std::max(score, 0.5 * (score + share(terms, part.legal, rarity)));
    if (form.asks_quantity && text::states_quantity(part.text)) score += kQuantityBonus;
    if (form.asks_permission && text::states_permission(part.text)) score += kPermissionBonus;
    if (part.range_width && *part.range_width <= narrowest) score += kRangeBonus;
    if (score > best_score) {
      best_score = score;
      best = {"", numbers[i], coverage_of(part.own, part.legal), false};
      best.text = trim_quote(part.text, kClauseBytes, best.shortened);
    }
  }
  return best;
}

std::string shown_quote(const AnswerCitation& c) { return c.quote_shortened ? c.quote + " […]" : c.quote; }

std::optional<Quote> clause_quote(const std::string& article_text, const std::string& clause) {
  std::vector<std::string> numbers;
  const auto ranges = clause_ranges(article_text, numbers);
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    if (numbers[i] != clause) continue;
    Quote q;
    q.text = trim_quote(clause_text(article_text, ranges[i]), kClauseBytes, q.shortened);
    q.clause = clause;
    return q;
  }
  return std::nullopt;
}

namespace {

// Whether `text` holds the words of `phrase` in a row, diacritics and case aside.
bool holds_phrase(const std::string& text, const std::string& phrase) {
  return (" " + text::title_key(text) + " ").find(" " + text::title_key(phrase) + " ") != std::string::npos;
}

// The question with the citations it holds (`found` in it) left out.
std::string without_citations(std::string question, const std::vector<text::Citation>& found) {
  for (auto it = found.rbegin(); it != found.rend(); ++it)
    if (it->end <= question.size() && it->begin < it->end) question.replace(it->begin, it->end - it->begin, " ");
  return question;
}

// "khoản 2 Điều 5 Luật Cư trú": where a citation points, for the answer's templates.
std::string where_of(const AnswerCitation& c) {
  return (c.clause ? "khoản " + *c.clause + " " : std::string()) + "Điều " + c.article + " " + c.document_title;
}

// The quote in quotation marks, for the answer's templates.
std::string quoted(const AnswerCitation& c) { return "“" + shown_quote(c) + "”"; }

std::string validity_of(const AnswerCitation& c) {
  return c.validity.empty() ? "Tình trạng hiệu lực của văn bản này chưa được xác định; vui lòng kiểm tra trước khi áp dụng."
                            : "Văn bản này: " + core::to_lower(c.validity) + ".";
}

// Said before the law instead of a verdict, for a question of a contest open now.
const std::string kContestNotice =
    "Câu hỏi này trùng với câu hỏi của một cuộc thi tìm hiểu pháp luật đang diễn ra, nên hệ thống không chọn đáp án. "
    "Bạn có thể tự tìm hiểu quy định liên quan dưới đây.\n";

// Decides a true/false or multiple-choice question and re-quotes the first citation at the
// passage that supports the decision. Returns the verdict sentence (a fixed template) or "".
std::string decide_choice(const std::string& question, const std::map<std::string, std::string>& choices,
                          const std::vector<std::string>& articles, Answer& a) {
  std::string basis;
  if (!choices.empty()) {
    auto d = decide_multiple_choice(question, choices, articles);
    a.choice = d.choice;
    a.choice_support = d.support;
    basis = question + " " + choices.at(d.choice);
  } else if (looks_like_true_false(question)) {
    auto d = decide_true_false(question, articles);
    a.choice = d.choice;
    a.choice_support = d.support;
    basis = question;
  } else {
    return "";
  }
  auto& best = a.citations[0];
  auto quote = best_quote(basis, articles[0]);
  best.quote = quote.text;
  best.quote_shortened = quote.shortened;
  best.clause = quote.clause;
  if (auto hash = best.url.find('#'); hash != std::string::npos) best.url.erase(hash);
  if (quote.clause) best.url += "#khoan-" + *quote.clause;
  if (choices.empty()) return "Nhận định trên: " + *a.choice + ".\n";
  return "Đáp án: " + *a.choice + ".\n";
}

// One text quoted twice (a decree repeating its law, a law imported twice): 80% of the words alike.
bool same_text(const std::string& a, const std::string& b) {
  const auto wa = text::folded_word_set(a), wb = text::folded_word_set(b);
  return !wa.empty() && !wb.empty() && text::word_overlap(wa, wb) >= 0.8;
}

}  // namespace

double question_similarity(const std::string& question, const std::string& text) {
  return overlap(content_words(question), text::normalize(text));
}

bool is_follow_up(std::string_view question) {
  // Folded words separated by single spaces, padded, so that markers match whole words only
  // ("việc đó" must not match inside "việc đối với").
  auto tokens = text::tokenize(core::nfc(question));
  std::string f = " ";
  for (const auto& t : tokens) f += t.folded + " ";
  for (const char* start : {" con ", " vay ", " the con ", " neu vay ", " con neu ", " truong hop ", " neu "})
    if (f.starts_with(start)) return true;
  for (const char* reference : {" nguoi do ", " nguoi nay ", " truong hop do ", " truong hop nay ", " viec do ", " viec nay ", " nhu vay ",
                                " dieu do ", " khi do "})
    if (f.find(reference) != std::string::npos) return true;
  return tokens.size() <= 4;
}

Answer AnswerService::compose(const std::string& question, const std::map<std::string, std::string>& choices, const std::string& context) const {
  Answer a;
  // "Xin chào", "cảm ơn ad": a fixed reply, no article, nothing handed off.
  if (choices.empty())
    if (auto reply = small_talk_reply(question)) {
      a.text = std::move(*reply);
      return a;
    }
  // A question of an open contest gets the law to read, never the choice.
  a.contest_question = exam_guard_ && exam_guard_->in_open_contest(question);
  search::Query q;
  // The options name what the question is about as much as the question does; a follow-up is
  // searched together with the turns it follows.
  q.text = context.empty() ? question : context + "\n" + question;
  for (const auto& [key, option] : choices) q.text += "\n" + option;
  // Published expert answers to similar questions are evidence for the articles they cite: those
  // rank higher among a deeper set of hits, which is then cut to the usual five.
  std::vector<RelatedQuestion> evidence;
  if (archive_) {
    auto words = content_words(question);
    for (auto& r : archive_->similar(question, 5)) {
      r.similarity = overlap(words, text::normalize(r.question));
      if (r.similarity >= kRelatedSimilarity) a.related.push_back(r);
      if (r.similarity >= kEvidenceSimilarity) evidence.push_back(std::move(r));
    }
    if (a.related.size() > 3) a.related.resize(3);
  }
  q.limit = evidence.empty() ? 5 : 10;
  auto result = search_.search(q);
  if (!evidence.empty()) {
    for (auto& hit : result.hits) {
      auto p = search_.passage(hit.id);
      if (!p) continue;
      double best = 0;
      for (const auto& r : evidence)
        for (const auto& [document, article] : r.citations)
          if (document == p->document_id && article == p->article_number) best = std::max(best, r.similarity);
      hit.score *= 1 + kEvidenceBoost * best;
    }
    std::stable_sort(result.hits.begin(), result.hits.end(), [](const auto& x, const auto& y) { return x.score > y.score; });
    if (result.hits.size() > 5) result.hits.resize(5);
  }
  std::vector<std::string> articles;  // texts of the cited articles, in citation order
  std::vector<double> coverage;       // of the question by each citation's quote
  bool first_named = false;           // the first citation is an article the question names
  std::string first_title;            // the first citation's article title
  const auto thesaurus = search_.thesaurus();
  // The article a citation in the question names is found by the citation; its words ("Điều 35
  // Bộ luật Lao động") choose no clause.
  const std::string normalized = text::normalize(question);
  const auto named = text::find_citations(normalized);
  const std::string words_asked = without_citations(normalized, named);
  const auto asked = thesaurus ? question_words_of(words_asked, *thesaurus) : question_words_of(words_asked);
  // "Điều 35 BLLĐ quy định gì": the article named is quoted from its start.
  const bool only_asks_what_it_says = std::all_of(asked.words.begin(), asked.words.end(), [](const std::string& w) {
    return text::asks_what_it_says(text::fold(w));
  });
  for (const auto& hit : result.hits) {
    auto p = search_.passage(hit.id);
    auto src = search_.source(hit.id);
    if (!p || !src) continue;
    articles.push_back(p->text);
    const bool cited = hit.match == "citation";
    auto quote = best_quote(cited && only_asks_what_it_says ? QuestionWords{} : asked, p->text);
    if (cited && !named.empty() && !named.front().clause.empty())
      if (auto clause = clause_quote(p->text, named.front().clause)) quote = std::move(*clause);
    // The question names this article: it answers, whatever words the question adds.
    if (cited) quote.overlap = 1.0;
    AnswerCitation c;
    c.document_id = std::to_string(p->document_id);
    c.document_title = p->document_title;
    c.document_number = p->document_number;
    c.article = p->article_number;
    c.clause = quote.clause;
    c.corpus_id = src->corpus_id;
    c.article_id = src->article_id;
    c.validity = src->validity;
    c.url = "/van-ban/" + src->document_slug + (src->anchor.empty() ? "" : "/" + src->anchor) + (quote.clause ? "#khoan-" + *quote.clause : "");
    c.quote = quote.text;
    c.quote_shortened = quote.shortened;
    c.score = hit.score;
    a.citations.push_back(std::move(c));
    coverage.push_back(quote.overlap);
    if (a.citations.size() == 1) {
      a.confidence = quote.overlap;
      first_named = cited;
      first_title = p->title;
    }
  }
  // An article that holds none of the question's words in any spelling ("What is the minimum
  // wage", "thế nào vậy ạ": found through question words only) is no answer, however the search
  // ranked it.
  if (choices.empty() && !a.citations.empty() && coverage[0] <= 0 &&
      find_words(content_words(words_asked), articles[0]).words.empty()) {
    a.citations.clear();
    articles.clear();
  }
  a.missing_documents = result.missing_documents;
  // A subject of a law the library does not hold counts when the question (or the turns it
  // follows; not an option of a multiple-choice one) names it and the first article's title and
  // quote do not speak of it: "đăng ký nghĩa vụ quân sự, gọi nhập ngũ" is the Criminal Code's, too.
  for (const auto& o : result.outside_library)
    if (holds_phrase(context + "\n" + question, o.phrase) && (a.citations.empty() || !holds_phrase(first_title + "\n" + a.citations[0].quote, o.phrase)))
      a.outside_library.push_back(o);
  std::string not_held = library::not_held(a.missing_documents, a.outside_library);
  if (!not_held.empty()) not_held += ". ";
  if (a.citations.empty()) {
    a.text = not_held + "Chúng tôi chưa tìm thấy quy định pháp luật phù hợp với câu hỏi của bạn trong tủ sách pháp luật. "
             "Bạn có thể gửi câu hỏi để luật sư, luật gia trả lời.";
    a.handoff = true;
    return a;
  }
  // Confidence: how much of the question the quoted clause covers, tempered when the runner-up
  // scores almost as high (the search is not sure which article is meant).
  if (a.citations.size() > 1 && a.citations[0].score > 0) {
    double margin = (a.citations[0].score - a.citations[1].score) / a.citations[0].score;
    a.confidence *= 0.7 + 0.3 * std::min(1.0, margin * 4);
  }
  a.confidence = std::clamp(a.confidence, 0.0, 1.0);
  std::string verdict = a.contest_question ? kContestNotice : decide_choice(question, choices, articles, a);
  const auto& best = a.citations[0];
  std::string where = where_of(best);
  std::string validity = validity_of(best);
  // The question asks about a document, or a subject of a law, the library does not hold: what was
  // found is from others.
  if (!not_held.empty() && !first_named) {
    a.handoff = true;
    a.text = verdict + not_held + "Quy định gần nhất trong tủ sách là " + where + ":\n" + quoted(best) + "\n" + validity +
             "\nBạn có thể gửi câu hỏi để luật sư, luật gia trả lời. Thông tin chỉ mang tính tham khảo, không phải ý kiến tư vấn pháp lý.";
    return a;
  }
  // Two provisions really compete: close scores, two documents, not one text quoted twice, and the
  // second answering the question about as well as the first.
  if (!a.choice && a.citations.size() > 1 && a.citations[1].document_id != best.document_id && best.score > 0 &&
      (best.score - a.citations[1].score) / best.score < kAmbiguityMargin && !same_text(best.quote, a.citations[1].quote) &&
      coverage[1] >= coverage[0] - kCompetingCoverage && coverage[0] >= kClarifyCoverage) {
    const auto& other = a.citations[1];
    a.clarify = true;
    a.text = "Câu hỏi của bạn có thể liên quan đến một trong hai quy định sau; bạn muốn hỏi về quy định nào?\n1. Theo " + where + ":\n" +
             quoted(best) + "\n" + validity + "\n2. Theo " + where_of(other) + ":\n" + quoted(other) + "\n" + validity_of(other) +
             "\nHãy hỏi lại và nêu rõ tên văn bản để được trả lời chính xác hơn. Thông tin chỉ mang tính tham khảo, không phải ý kiến tư vấn pháp lý.";
  } else if (a.confidence >= kConfidenceThreshold) {
    a.text = verdict + "Theo " + where + ":\n" + quoted(best) + "\n" + validity +
             "\nThông tin chỉ mang tính tham khảo, không phải ý kiến tư vấn pháp lý.";
  } else {
    a.handoff = true;
    a.text = verdict + "Chúng tôi chưa chắc chắn quy định nào trả lời đúng câu hỏi của bạn. Quy định gần nhất là " + where + ":\n" +
             quoted(best) + "\n" + validity +
             "\nBạn có thể gửi câu hỏi để luật sư, luật gia trả lời. Thông tin chỉ mang tính tham khảo, không phải ý kiến tư vấn pháp lý.";
  }
  return a;
}

namespace {
// The question cleaned of control characters, or the reason it cannot be answered.
core::Result<std::string> checked_question(const std::string& raw) {
  std::string text = core::clean_text(raw);
  if (text.empty()) return core::fail(core::ServiceError::invalid("Vui lòng nhập câu hỏi.", {{"question", "Vui lòng nhập câu hỏi."}}));
  if (core::utf8_length(text) > kMaxQuestionChars)
    return core::fail(core::ServiceError::invalid("Câu hỏi quá dài (tối đa khoảng 4000 ký tự).", {{"question", "Câu hỏi quá dài."}}));
  return text;
}

bool valid_conversation_id(const std::string& id) {
  return id.size() >= 8 && id.size() <= 64 &&
         std::all_of(id.begin(), id.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; });
}
}  // namespace

core::Result<Answer> AnswerService::look_up(const Question& q) const {
  auto text = checked_question(q.text);
  if (!text) return core::fail(text.error());
  return compose(*text, q.choices);
}

core::Result<Answer> AnswerService::answer(const Question& q) {
  auto checked = checked_question(q.text);
  if (!checked) return core::fail(checked.error());
  const std::string& text = *checked;
  std::string conversation = q.conversation_id;
  bool valid_id = valid_conversation_id(conversation);
  if (!valid_id) conversation = std::string(kWebConversationPrefix) + core::random_token(16);
  // The previous turn of this conversation, when it is recent enough to remember.
  auto conn = database_.acquire();
  std::int64_t now = core::now_unix();
  conn->execute("DELETE FROM answer_turns WHERE created_at < ?", {now - conversation_ttl_});
  std::string context;
  if (valid_id && is_follow_up(text))
    if (auto last = conn->query_one("SELECT context FROM answer_turns WHERE conversation_id = ? ORDER BY id DESC LIMIT 1", {conversation}))
      context = last->text(0);
  Answer a = compose(text, q.choices, context);
  a.conversation_id = conversation;
  // What a later follow-up builds on: this question, with the turns it followed (bounded).
  std::string remembered = context.empty() ? text : context + "\n" + text;
  if (remembered.size() > 2 * kMaxQuestionChars) remembered = text;
  if (conversation_ttl_ > 0) conn->execute("INSERT INTO answer_turns (conversation_id, context, created_at) VALUES (?, ?, ?)", {conversation, remembered, now});
  AnswerCountRepository(*conn).add_one(core::format_vn_iso_date(now));
  if (fell_short(a)) record_review(*conn, text, a, outcome_of(a), std::nullopt, "", now);  // where answers are missing
  return a;
}

core::Result<std::int64_t> AnswerService::hand_off(const Question& q) {
  auto text = checked_question(q.text);
  if (!text) return core::fail(text.error());
  // The candidate articles are found again here: nothing the client sends is taken as a citation.
  const Answer answered = compose(*text, q.choices);
  auto id = hand_off(q, answered);
  if (id) record_review(*database_.acquire(), *text, answered, Outcome::handoff, std::nullopt, "", core::now_unix());  // where answers are missing
  return id;
}

core::Result<std::int64_t> AnswerService::hand_off(const Question& q, const Answer& answered) {
  auto text = checked_question(q.text);
  if (!text) return core::fail(text.error());
  if (!handoffs_) return core::fail(core::ServiceError::not_found("Chưa có bộ phận luật sư, luật gia nhận câu hỏi."));
  Handoff h{*text, {}, valid_conversation_id(q.conversation_id) ? q.conversation_id : ""};
  for (const auto& c : answered.citations)
    h.candidates.push_back({std::stoll(c.document_id), c.article, c.document_title, c.url, c.score});
  auto conn = database_.acquire();
  return handoffs_->hand_off(*conn, h);
}

}  // namespace answer
