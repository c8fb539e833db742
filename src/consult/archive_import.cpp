#include "consult/archive_import.h"

#include "library/citation_resolver.h"
#include "consult/question_rules.h"
#include "consult/question_repository.h"
#include "core/random.h"
#include "core/utf8.h"
#include "library/document_numbers.h"
#include "library/library_service.h"
#include "text/personal_data.h"
#include "text/vietnamese.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace consult {

namespace {

constexpr std::size_t kMaxProblems = 50;

// One archive item, checked and resolved, ready to store.
struct Prepared {
  std::string ref;
  std::string question;
  std::string title;
  std::string answer;
  std::optional<std::string> field;
  std::vector<QuestionCitation> citations;
};

std::string clean(const std::string& s) { return core::clean_text(text::normalize(s)); }

// Strings and numbers alike ("418" or 418), as archives write ids both ways.
std::optional<std::string> scalar(const nlohmann::json& item, const char* key) {
  auto it = item.find(key);
  if (it == item.end()) return std::nullopt;
  if (it->is_string()) {
    auto s = clean(it->get<std::string>());
    if (!s.empty()) return s;
    return std::nullopt;
  }
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  return std::nullopt;
}


std::string unique_code(db::Connection& c) {
  for (;;) {
    auto code = make_tracking_code();
    if (!c.query_one("SELECT 1 FROM questions WHERE code = ?", {code})) return code;
  }
}

// One line of at most `max_chars` characters, cut at a word with "…" when too long.
std::string shorten(std::string s, std::size_t max_chars) {
  for (char& ch : s)
    if (ch == '\n' || ch == '\t' || ch == '\r') ch = ' ';
  if (core::utf8_length(s) <= max_chars) return s;
  std::string cut = core::utf8_prefix(s, max_chars - 1);
  if (auto space = cut.rfind(' '); space != std::string::npos && space > cut.size() / 2) cut.resize(space);
  while (!cut.empty() && std::string_view(" ,;:").find(cut.back()) != std::string_view::npos) cut.pop_back();
  return cut + "…";
}

bool has_personal_data(const Prepared& p) {
  return !text::find_personal_data(p.title).empty() || !text::find_personal_data(p.question).empty() ||
         !text::find_personal_data(p.answer).empty();
}

// Stores one prepared item inside the caller's transaction; returns true when it was published.
bool store(db::Connection& c, const Prepared& p, const ArchiveImportOptions& options, std::int64_t now) {
  QuestionRepository repo(c);
  const bool publish = options.publish && !has_personal_data(p);
  Question q;
  q.code = unique_code(c);
  q.title = p.title;
  q.body = p.question;
  q.field_slug = p.field;
  q.publish_consent = true;
  q.source = "import";
  q.status = publish ? Status::published : Status::delivered;
  q.answer = p.answer;
  if (publish) {
    q.public_title = p.title;
    q.public_body = p.question;
    q.public_answer = p.answer;
    q.published_at = now;
  }
  q.answered_at = q.delivered_at = now;
  q.created_at = q.updated_at = now;
  // Nobody holds the secret link of an archived question: the token is thrown away.
  q.id = repo.insert(q, core::sha256_hex(core::random_token(24)), now);
  std::optional<std::string> slug;
  if (publish) {
    std::string base = core::slugify(p.title, 70);
    slug = (base.empty() ? std::string("cau-hoi") : base) + "-" + std::to_string(q.id);
  }
  c.execute("UPDATE questions SET import_ref = ?, public_slug = ? WHERE id = ?", {p.ref, db::opt(slug), q.id});
  repo.replace_citations(q.id, "answer", p.citations);
  repo.add_event(q.id, options.actor.user_id, "import", p.ref, now);
  return publish;
}

}  // namespace

std::string archive_title(const std::string& question, std::size_t max_chars) {
  std::string s = core::clean_text(question);
  // The first sentence: up to the first . ? or ! that ends the text or is followed by a space.
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((s[i] == '.' || s[i] == '?' || s[i] == '!') && (i + 1 == s.size() || s[i + 1] == ' ' || s[i + 1] == '\n')) {
      s.resize(i + 1);
      break;
    }
  }
  return shorten(s, max_chars);
}

core::Result<ArchiveImportReport> import_qa_archive(db::Database& database, db::ChangeFeed& changes,
                                                    const std::string& json_text, const ArchiveImportOptions& options,
                                                    std::int64_t now) {
  auto items = nlohmann::json::parse(json_text, nullptr, false);
  if (items.is_discarded() || !items.is_array())
    return core::fail(core::ServiceError::invalid(
        "Tệp kho hỏi đáp phải là một mảng JSON các mục {\"question\" hoặc \"text\", \"answer\", \"relevant_articles\"}."));

  ArchiveImportReport report;
  report.items = items.size();
  auto c = database.acquire();
  QuestionRepository repo(*c);
  std::set<std::string> fields;
  for (const auto& f : repo.fields()) fields.insert(f.slug);
  std::set<std::string> seen;
  for (const auto& r : c->query("SELECT import_ref FROM questions WHERE import_ref IS NOT NULL")) seen.insert(r.text(0));

  library::DocumentLookup documents(*c);
  std::set<std::string> unknown_seen;
  std::vector<Prepared> ready;
  auto problem = [&](std::size_t index, const std::string& id, const std::string& what) {
    ++report.invalid;
    if (report.problems.size() < kMaxProblems)
      report.problems.push_back(fmt::format("mục [{}]{}: {}", index, id.empty() ? "" : " (" + id + ")", what));
  };
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    if (!item.is_object()) {
      problem(i, "", "không phải một đối tượng JSON");
      continue;
    }
    Prepared p;
    auto id = scalar(item, "id");
    if (!id) id = scalar(item, "question_id");
    if (!id) id = scalar(item, "qid");
    p.question = scalar(item, "question").value_or(scalar(item, "text").value_or(""));
    // Without an id, the question itself identifies the item.
    p.ref = options.archive + "#" + (id ? *id : "sha256:" + core::sha256_hex(p.question).substr(0, 32));
    auto answer = item.find("answer");
    if (answer != item.end() && answer->is_string()) p.answer = clean(answer->get<std::string>());
    if (p.question.empty()) {
      problem(i, id.value_or(""), "thiếu câu hỏi (\"question\" hoặc \"text\")");
      continue;
    }
    if (p.answer.empty()) {
      problem(i, id.value_or(""), "thiếu câu trả lời (\"answer\")");
      continue;
    }
    if (!seen.insert(p.ref).second) {
      ++report.already;
      continue;
    }
    auto title = scalar(item, "title");
    p.title = title ? shorten(*title, kMaxTitleChars) : archive_title(p.question);
    if (auto field = scalar(item, "field"); field && fields.count(*field)) p.field = *field;

    bool resolved = true;
    auto articles = item.find("relevant_articles");
    if (articles != item.end() && !articles->is_array()) {
      problem(i, id.value_or(""), "\"relevant_articles\" phải là một mảng");
      continue;
    }
    if (articles != item.end()) {
      for (const auto& a : *articles) {
        auto law = a.is_object() ? scalar(a, "law_id") : std::nullopt;
        auto article = a.is_object() ? scalar(a, "article_id") : std::nullopt;
        QuestionCitation ci;
        if (law && article) {
          ci.article = *article;
          if (auto doc = documents.find(*law)) ci.document_id = *doc;
        }
        if (ci.document_id == 0 || !library::complete_citation(ci, *c)) {
          resolved = false;
          auto label = fmt::format("Điều {} · {}", article.value_or("?"), law.value_or("?"));
          if (unknown_seen.insert(label).second) report.unknown_articles.push_back(label);
          continue;
        }
        bool duplicate = false;
        for (const auto& o : p.citations) duplicate |= o.document_id == ci.document_id && o.article == ci.article;
        if (!duplicate) p.citations.push_back(std::move(ci));
      }
    }
    if (!resolved) {
      ++report.unresolved;
      seen.erase(p.ref);  // a later import, once the law is in the library, takes it
      continue;
    }
    ready.push_back(std::move(p));
  }

  const std::size_t batch = std::max<std::size_t>(1, options.batch_size);
  for (std::size_t start = 0; start < ready.size(); start += batch) {
    db::Transaction tx(*c);
    std::size_t published = 0, end = std::min(ready.size(), start + batch);
    for (std::size_t i = start; i < end; ++i) published += store(*c, ready[i], options, now);
    tx.commit();
    report.imported += end - start;
    report.published += published;
    report.held += options.publish ? (end - start) - published : 0;
  }
  if (report.imported > 0) {
    db::Transaction tx(*c);
    auth::record_audit(*c, options.actor, "question.import", "archive:" + options.archive,
                       fmt::format("{} câu hỏi", report.imported));
    changes.record(*c, "consult:*");
    tx.commit();
    changes.notify("consult:*");
  }
  return report;
}

}  // namespace consult
