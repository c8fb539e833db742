#pragma once
// All SQL of answer reviews (table answer_reviews, migration 0030): what fell short, and what the
// askers said.
#include "db/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace answer {

struct AnswerReview {
  std::string question;  // masked of personal data
  std::string words;     // folded content words, sorted
  std::optional<std::int64_t> document_id;
  std::string article;
  int confidence = 0;  // per mille
  std::string outcome;  // answered | unsure | handoff | clarify
  std::optional<bool> helpful;
  std::string reason;
  std::string month;  // "2026-12"
  std::string missing;  // documents and laws the library did not hold, "; "-separated
  std::string document_title, fields;  // read: the cited document's title and lĩnh vực ("; "-separated)
};

// One row of the month or field table: answers recorded, and what askers said.
struct ReviewTally {
  std::string key;  // month, field, or a document the library did not hold
  std::int64_t recorded = 0, unsure = 0, yes = 0, no = 0;
};

// An answer its asker found helpful: the masked question and the article cited first.
struct HelpfulAnswer {
  std::string question;
  std::int64_t document_id = 0;
  std::string article;
};

class ReviewRepository {
 public:
  explicit ReviewRepository(db::Connection& c) : c_(c) {}
  void add(const AnswerReview& r, std::int64_t now);
  // What fell short in months [from, to] ("2026-01".."2026-12"): unsure, handed off, asked to
  // clarify, or answered "no"; the newest first, at most `limit`.
  std::vector<AnswerReview> shortfalls(const std::string& from, const std::string& to, int limit);
  std::vector<ReviewTally> by_month(const std::string& from, const std::string& to);
  // Answers the askers found unhelpful from `from` (inclusive) to `to` (exclusive), Unix seconds.
  std::int64_t count_unhelpful(std::int64_t from, std::int64_t to);
  // Every review of the months with its document's fields (to tally by field in the service).
  std::vector<AnswerReview> with_fields(const std::string& from, const std::string& to);
  // The latest `limit` answers their askers found helpful, with the article each one cited first.
  std::vector<HelpfulAnswer> helpful(std::size_t limit);

 private:
  db::Connection& c_;
};

}  // namespace answer
