#include "library/search_service.h"

#include "library/citizen_terms.h"
#include "library/document_repository.h"
#include "library/law_subjects.h"
#include "text/citation.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <chrono>
#include <set>

namespace library {

std::int64_t passage_id(std::int64_t node_id, std::int64_t document_id) { return node_id ? node_id : -document_id; }

std::string not_held(const std::vector<std::string>& missing_documents, const std::vector<search::OutsideLaw>& outside_library) {
  if (missing_documents.empty() && outside_library.empty()) return "";
  std::vector<std::string> names = missing_documents, phrases;
  for (const auto& o : outside_library) {
    names.push_back(o.law);
    phrases.push_back(o.phrase);
  }
  return "Tủ sách pháp luật chưa có " + text::quoted_names(names) +
         (phrases.empty() ? std::string() : " (văn bản quy định về " + text::quoted_names(phrases) + ")");
}

nlohmann::json outside_library_json(const std::vector<search::OutsideLaw>& outside_library) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& o : outside_library) out.push_back({{"law", o.law}, {"phrase", o.phrase}});
  return out;
}

namespace {
search::Passage to_passage(const PassageRow& r) {
  search::Passage p;
  p.id = passage_id(r.node_id, r.document_id);
  p.document_id = r.document_id;
  p.document_title = r.document_title;
  p.document_number = r.document_number;
  p.document_type = r.doc_type_slug;
  p.status = r.status_slug;
  p.article_number = r.article_number;
  p.title = r.title;
  p.text = r.text;
  p.context = r.context;
  return p;
}

// `sources`: every source id of the document, the first one first.
PassageSource to_source(const PassageRow& r, const std::vector<std::string>& sources) {
  PassageSource out{r.document_id, r.document_slug, r.anchor, r.source_id, r.node_id ? r.source_ref : "", r.status, {}};
  for (const auto& s : sources)
    if (s != r.source_id) out.other_corpus_ids.push_back(s);
  return out;
}
}  // namespace

SearchService::SearchService(db::Database& database, db::ChangeFeed& changes) : database_(database) {
  index_.index().set_thesaurus(current_thesaurus(*database_.acquire()));
  index_.index().set_law_subjects(builtin_law_subjects());
  rebuild();
  changes.add_listener([this](const std::string& topic) {
    // One refresh at a time, each reading then applying: a refresh that read an older version
    // never lands after one that read a newer (a local notify and the poller can race).
    std::lock_guard in_order(refresh_mutex_);
    try {
      if (topic == "*" || topic == "restore" || topic == "thesaurus") index_.index().set_thesaurus(current_thesaurus(*database_.acquire()));
      if (topic == "*" || topic == "restore") rebuild();
      else if (topic.starts_with("library:")) refresh_document(std::stoll(topic.substr(8)));
    } catch (const std::exception& e) {
      spdlog::error("search index refresh for {} failed: {}", topic, e.what());
    }
  });
}

void SearchService::rebuild() {
  auto started = std::chrono::steady_clock::now();
  std::vector<PassageRow> rows;
  std::map<std::int64_t, std::vector<std::string>> document_sources;
  {
    auto c = database_.acquire();
    DocumentRepository repo(*c);
    repo.passages(std::nullopt, [&](PassageRow&& r) { rows.push_back(std::move(r)); });
    document_sources = repo.sources_by_document();
  }
  std::map<std::int64_t, PassageSource> sources;
  std::set<std::int64_t> documents;
  for (const auto& r : rows) {
    documents.insert(r.document_id);
    sources[passage_id(r.node_id, r.document_id)] = to_source(r, document_sources[r.document_id]);
    index_.index().upsert(to_passage(r));
  }
  index_.replace_sources(std::move(sources));  // drops the passages of documents that are gone
  auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  spdlog::info("search index: {} passages from {} documents in {:.0f} ms, about {} MB", passages(), documents.size(), ms,
               memory_bytes() / (1024 * 1024));
}

void SearchService::refresh_document(std::int64_t document_id) {
  std::vector<PassageRow> rows;
  std::vector<std::string> document_sources;
  {
    auto c = database_.acquire();
    DocumentRepository repo(*c);
    repo.passages(document_id, [&](PassageRow&& r) { rows.push_back(std::move(r)); });
    document_sources = repo.sources(document_id);
  }
  index_.index().remove_document(document_id);
  index_.update([&](search::Index& index, std::map<std::int64_t, PassageSource>& sources) {
    std::erase_if(sources, [&](const auto& kv) { return kv.second.document_id == document_id; });
    for (const auto& r : rows) {
      sources[passage_id(r.node_id, r.document_id)] = to_source(r, document_sources);
      index.upsert(to_passage(r));
    }
  });
}

search::Result SearchService::search(const search::Query& q) const { return index_.index().search(q); }

std::optional<PassageSource> SearchService::source(std::int64_t id) const { return index_.source(id); }

nlohmann::json SearchService::hit_json(const search::Hit& hit) const {
  auto p = index_.index().passage(hit.id);
  auto src = source(hit.id);
  if (!p || !src) return nullptr;
  std::string url = "/van-ban/" + src->document_slug + (src->anchor.empty() ? "" : "/" + src->anchor);
  const nlohmann::json source_ref = {{"corpus_id", src->corpus_id}, {"article_id", src->article_id}};
  nlohmann::json out = {{"document_id", std::to_string(p->document_id)},
          {"document_title", p->document_title},
          {"document_number", p->document_number},
          {"article", p->article_number.empty() ? nlohmann::json(nullptr) : nlohmann::json(p->article_number)},
          {"title", p->title},
          {"snippet", hit.snippet},
          {"score", hit.score},
          {"url", url},
          {"match", hit.match},
          {"source_ref", source_ref}};
  if (!src->other_corpus_ids.empty()) {
    // One law from several sources: each source's ids name this article (its number in each).
    nlohmann::json refs = nlohmann::json::array({source_ref});
    for (const auto& id : src->other_corpus_ids) refs.push_back({{"corpus_id", id}, {"article_id", p->article_number}});
    out["source_refs"] = refs;
  }
  return out;
}

}  // namespace library
