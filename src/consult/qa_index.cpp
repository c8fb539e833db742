#include "consult/qa_index.h"

#include <spdlog/spdlog.h>


namespace consult {

namespace {

struct Loaded {
  search::Passage passage;
  QaEntry entry;
};

std::vector<Loaded> load(db::Connection& c, std::optional<std::int64_t> id) {
  std::string sql =
      "SELECT q.id, q.public_title, q.public_body, q.public_answer, q.public_slug, COALESCE(q.field_slug, ''), "
      "COALESCE(f.name, '') FROM questions q LEFT JOIN legal_fields f ON f.slug = q.field_slug "
      "WHERE q.public_slug IS NOT NULL";
  db::Params p;
  if (id) {
    sql += " AND q.id = ?";
    p.push_back(*id);
  }
  std::vector<Loaded> out;
  std::map<std::int64_t, std::size_t> at;
  for (const auto& r : c.query(sql, p)) {
    Loaded l;
    l.passage.id = r.int64(0);
    l.passage.document_id = r.int64(0);
    l.passage.document_title = r.text(6);
    // The type filter carries the field, so a field filter is an index filter.
    l.passage.document_type = r.text(5);
    l.passage.title = r.text(1);
    l.passage.text = r.text(2) + "\n" + r.text(3);
    l.entry = {r.text(1), r.text(2), r.text(4), r.text(5), r.text(6), {}};
    at[l.passage.id] = out.size();
    out.push_back(std::move(l));
  }
  std::string cites = "SELECT c.question_id, c.document_id, c.article FROM question_citations c JOIN questions q ON "
                      "q.id = c.question_id WHERE c.kind = 'answer' AND q.public_slug IS NOT NULL";
  if (id) cites += " AND q.id = ?";
  cites += " ORDER BY c.question_id, c.position";
  for (const auto& r : c.query(cites, p))
    if (auto it = at.find(r.int64(0)); it != at.end()) out[it->second].entry.citations.emplace_back(r.int64(1), r.text(2));
  return out;
}

}  // namespace

QaIndex::QaIndex(db::Database& database, db::ChangeFeed& changes) : database_(database) {
  // Callers want a handful of questions: re-rank only the first few hits (the answering service
  // asks this index once per answer, so its cost counts against answer throughput).
  auto ranking = index_.index().ranking();
  ranking.rerank_depth = 10;
  index_.index().set_ranking(ranking);
  rebuild();
  changes.add_listener([this](const std::string& topic) {
    // One refresh at a time, each reading then applying: a refresh that read an older version
    // never lands after one that read a newer (a local notify and the poller can race).
    std::lock_guard in_order(refresh_mutex_);
    try {
      if (topic == "*" || topic == "restore" || topic == "consult:*") rebuild();
      else if (topic.starts_with("consult:")) refresh(std::stoll(topic.substr(8)));
    } catch (const std::exception& e) {
      spdlog::error("Q&A index refresh for {} failed: {}", topic, e.what());
    }
  });
}

void QaIndex::rebuild() {
  std::vector<Loaded> rows;
  {
    auto c = database_.acquire();
    rows = load(*c, std::nullopt);
  }
  std::map<std::int64_t, QaEntry> entries;
  for (auto& l : rows) {
    entries[l.passage.id] = std::move(l.entry);
    index_.index().upsert(std::move(l.passage));
  }
  index_.replace_sources(std::move(entries));
}

void QaIndex::refresh(std::int64_t question_id) {
  std::vector<Loaded> rows;
  {
    auto c = database_.acquire();
    rows = load(*c, question_id);
  }
  index_.update([&](search::Index& index, std::map<std::int64_t, QaEntry>& entries) {
    if (rows.empty()) {
      index.remove(question_id);
      entries.erase(question_id);
      return;
    }
    entries[question_id] = std::move(rows.front().entry);
    index.upsert(std::move(rows.front().passage));
  });
}

std::vector<QaHit> QaIndex::search(const std::string& text, std::size_t limit, std::optional<std::string> field,
                                   std::optional<std::int64_t> exclude, std::size_t* total) const {
  search::Query q;
  q.text = text;
  q.limit = limit + (exclude ? 1 : 0);
  q.type = std::move(field);
  auto result = index_.index().search(q);
  std::vector<QaHit> out;
  bool excluded = false;
  index_.read([&](const std::map<std::int64_t, QaEntry>& entries) {
    for (const auto& h : result.hits) {
      if (exclude && h.id == *exclude) {
        excluded = true;
        continue;
      }
      auto it = entries.find(h.id);
      if (it == entries.end()) continue;
      out.push_back({h.id, it->second.title, it->second.slug, it->second.field_name, h.snippet, h.score});
      if (out.size() == limit) break;
    }
  });
  if (total) *total = result.total - (excluded ? 1 : 0);
  return out;
}

std::vector<answer::RelatedQuestion> QaIndex::similar(const std::string& question, std::size_t limit) const {
  std::vector<answer::RelatedQuestion> out;
  for (const auto& hit : search(question, limit)) {
    auto e = entry(hit.id);
    if (!e) continue;
    out.push_back({e->title, "/hoi-dap/" + e->slug, e->question, 0, e->citations});
  }
  return out;
}

std::optional<QaEntry> QaIndex::entry(std::int64_t id) const { return index_.source(id); }

}  // namespace consult
