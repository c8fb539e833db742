#pragma once
// Internal to search/: what a query means before it meets the index (tokens, quoted phrases,
// citations, document numbers, abbreviations, interrogatives).
#include "text/citation.h"
#include "text/thesaurus.h"
#include "text/vietnamese.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace search {

// A token of the query (text::Token: lower, folded, joined, and begin/end in QueryPlan::text; an
// expansion has its abbreviation's range) with what the plan found out about it.
struct QueryToken : text::Token {
  bool excluded = false;             // part of a citation or a document number: not a text term
  bool question_word = false;        // "gì", "bao nhiêu", "đúng hay sai": low weight
  int source = -1;                   // index in QueryPlan::source_tokens; -1 for an expansion
  int phrase = -1;                   // index in QueryPlan::phrases
  bool thesaurus = false;            // a legal term added for everyday words (Ranking::thesaurus_weight)
};

struct QueryPlan {
  std::string text;                          // NFC
  std::vector<QueryToken> source_tokens;     // as typed
  std::vector<QueryToken> tokens;            // with abbreviations expanded ("BLDS" + "bộ luật dân sự") and,
                                             // after everyday words, the legal terms of the thesaurus
  std::vector<std::vector<std::size_t>> phrases;  // indices into tokens, one list per quoted phrase
  std::vector<text::Citation> citations;
  std::vector<std::string> numbers;          // canonical document numbers
  // "An ninh mạng là gì?", "Thế nào là ly hôn giả tạo?": the term the user wants defined
  // (indices into tokens). Legal texts define terms as clauses "X là ..." (Giải thích từ ngữ).
  std::vector<std::size_t> defined_term;
  bool accented = false;                     // the user typed diacritics somewhere
  bool has_letters = false;
  bool only_citations = false;               // nothing but citations and numbers, and words asking what
                                             // the citations say ("Điều 35 quy định gì")
};

// `thesaurus`: everyday words to legal terms (text::builtin_thesaurus()), or none. Texting
// shorthand is spelled out first (text::expand_texting).
QueryPlan plan_query(const std::string& raw, const text::Thesaurus* thesaurus = nullptr);

// Interrogatives, politeness words and words that only converse in questions ("gì", "nào", "bao
// nhiêu", "đúng hay sai", "ạ", "muốn", "nhờ", "mọi" of "mọi người"): scored at
// Ranking::question_word_weight, since the law seldom says them and citizens nearly always do.
bool is_question_word(const std::string& lower);

// The query spelled with restored words (aligned with source_tokens), keeping its case and
// punctuation; nullopt when nothing changes.
std::optional<std::string> spell_suggestion(const QueryPlan& plan, const std::vector<std::string>& restored);

// Restored spelling per token of plan.tokens (expansions keep their own accented spelling).
std::vector<std::string> restored_for_terms(const QueryPlan& plan, const std::vector<std::string>& restored);

enum class TermKind : std::uint8_t { exact, folded, bigram };
struct ScoredTerm {
  TermKind kind;
  std::uint32_t id;
  double weight;
};
// Sums the weights of repeated terms.
void merge_terms(std::vector<ScoredTerm>& terms);

}  // namespace search
