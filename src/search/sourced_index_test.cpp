#include "search/sourced_index.h"

#include <gtest/gtest.h>

#include <string>

namespace search {
namespace {

Passage article(std::int64_t id, const std::string& text) {
  return {id, 1, "Luật Đất đai", "45/2013/QH13", "luat", "con-hieu-luc", std::to_string(id), "", text};
}

}  // namespace

TEST(SourcedIndex, ReplacingSourcesDropsThePassagesTheyNoLongerList) {
  SourcedIndex<std::string> sourced;
  sourced.index().upsert(article(1, "quyền sử dụng đất"));
  sourced.index().upsert(article(2, "giao đất, cho thuê đất"));
  sourced.replace_sources({{1, "dieu-1"}, {2, "dieu-2"}});
  EXPECT_EQ(sourced.source(2), "dieu-2");

  sourced.index().upsert(article(1, "quyền sử dụng đất"));
  sourced.replace_sources({{1, "dieu-1-moi"}});
  EXPECT_EQ(sourced.source(1), "dieu-1-moi");
  EXPECT_FALSE(sourced.source(2));
  EXPECT_FALSE(sourced.index().passage(2));
  EXPECT_TRUE(sourced.index().passage(1));
}

TEST(SourcedIndex, UpdatesAndReadsSeeBothSides) {
  SourcedIndex<std::string> sourced;
  sourced.update([](Index& index, std::map<std::int64_t, std::string>& sources) {
    index.upsert(article(7, "thời hạn sử dụng đất"));
    sources[7] = "dieu-7";
  });
  EXPECT_EQ(sourced.read([](const std::map<std::int64_t, std::string>& sources) { return sources.size(); }), 1u);
  EXPECT_EQ(sourced.index().size(), 1u);
  EXPECT_EQ(sourced.source(7), "dieu-7");
}

}  // namespace search
