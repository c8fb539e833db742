#pragma once
// Suggestions for the citizen vocabulary (issue 14), mined from questions answered with
// citations: an everyday word of the questions ↔ a legal term that the articles cited for them
// hold far more often than the library at large, and far more often than the articles cited for
// the other questions. "bị đuổi việc" in twelve questions whose cited articles all say "đơn
// phương chấm dứt hợp đồng lao động" gives that term; "tôi", used in questions on every subject,
// gives nothing.
//
// Suggestions only: editors review each at /quan-tri/tu-dien/goi-y, and nothing enters the
// thesaurus by itself. Measured on the dev sets, links mined from a few hundred questions are
// mostly chance (docs/answering.md); a province's archive, thousands of answers that repeat, is
// what this is for. Pure: no database, no clock.
#include "text/thesaurus.h"

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace library {

// A question answered with the articles that answer it (by an expert, or confirmed helpful by
// the asker). `articles` are keys into the texts handed to the miner.
struct AnsweredQuestion {
  std::string question;               // NFC, as published (anonymised)
  std::vector<std::string> articles;  // e.g. "12:35" (document id, article number)
};

struct VocabularySuggestion {
  std::string phrase;               // the everyday words, as questions wrote them most often: "đuổi việc"
  std::string phrase_key;           // folded, as the thesaurus keys it: "duoi viec"
  std::vector<std::string> terms;   // the legal terms, as the law writes them: "chấm dứt hợp đồng lao động"
  std::size_t questions = 0;        // answered questions that use the phrase
  std::size_t articles = 0;         // distinct articles cited for them
  double share = 0;                 // of those questions, the share whose cited articles hold the first term
  double lift = 0;                  // that share over the share of library articles holding it
  std::vector<std::string> examples;  // up to three of the questions
};

struct MinerLimits {
  std::size_t min_questions = 3;   // a phrase used in fewer answered questions is not judged
  std::size_t min_articles = 2;    // ... nor one whose questions all cite one article
  double max_law_share = 0.01;     // a phrase in more of the library's articles is the law's own word
  double max_cited_using_phrase = 0.2;  // ... and so is one the cited articles of more of its questions use
  double min_share = 0.6;          // a term held by the cited articles of fewer of the phrase's questions is chance
  double min_lift = 10;            // ... or held as often by the library at large
  double min_archive_lift = 2;     // ... or by the articles cited for all questions (the archive's subject)
  std::size_t min_term_articles = 3;  // a term of the law is used in at least this many of its articles
  double min_term_cohesion = 0.3;   // a term's pair is in at least this share of the articles holding its rarer syllable
  std::size_t max_terms = 3;
  std::size_t max_suggestions = 100;
};

// Calls `sink` with the text of every article of the library (for how common a term is there).
using LibraryScan = std::function<void(const std::function<void(std::string_view)>& sink)>;

// Best first (most questions, then the highest share). `article_texts` maps the keys of
// `questions` to the cited articles' texts (NFC); a key without a text counts as an article with
// no words. Words of a question that a phrase of `known` covers there are not candidates, and the
// phrase keys in `dismissed` are left out.
std::vector<VocabularySuggestion> mine_vocabulary(const std::vector<AnsweredQuestion>& questions,
                                                  const std::map<std::string, std::string>& article_texts, const LibraryScan& library,
                                                  const text::Thesaurus& known, const std::vector<std::string>& dismissed,
                                                  const MinerLimits& limits = {});

}  // namespace library
