// Precision and recall of the personal-data detector on realistic citizens' questions
// (src/text/testdata/personal_data.test): what a moderator relies on before publishing.
#include "text/personal_data.h"
#include "text/vietnamese.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iostream>

namespace {

struct Case {
  std::string text;                 // without marks
  std::vector<std::string> marked;  // the personal data in it
};

std::vector<Case> load(const std::string& path) {
  std::ifstream in(path);
  std::vector<Case> cases;
  const std::string open = "⟦", close = "⟧";
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    Case c;
    for (std::size_t pos = 0; pos < line.size();) {
      auto a = line.find(open, pos);
      if (a == std::string::npos) {
        c.text += line.substr(pos);
        break;
      }
      auto b = line.find(close, a);
      c.text += line.substr(pos, a - pos);
      c.marked.push_back(line.substr(a + open.size(), b - a - open.size()));
      c.text += c.marked.back();
      pos = b + close.size();
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

}  // namespace

TEST(PersonalDataFixture, PrecisionAndRecallOnRealisticQuestions) {
  auto cases = load(PHOBIEN_SOURCE_DIR "/src/text/testdata/personal_data.test");
  ASSERT_GE(cases.size(), 20u);
  std::size_t gold = 0, found = 0, right = 0;
  for (const auto& c : cases) {
    std::string text = text::normalize(c.text);
    std::vector<std::string> expected = c.marked;
    gold += expected.size();
    for (const auto& d : text::find_personal_data(text)) {
      ++found;
      std::string got = text.substr(d.begin, d.end - d.begin);
      auto it = std::find(expected.begin(), expected.end(), got);
      if (it != expected.end()) {
        ++right;
        expected.erase(it);
      } else {
        std::cout << "wrongly found: \"" << got << "\" (" << d.kind << ") in: " << c.text << "\n";
      }
    }
    for (const auto& missed : expected) std::cout << "missed: \"" << missed << "\" in: " << c.text << "\n";
  }
  double precision = found ? static_cast<double>(right) / static_cast<double>(found) : 0;
  double recall = gold ? static_cast<double>(right) / static_cast<double>(gold) : 0;
  std::cout << "personal data: marked=" << gold << " found=" << found << " precision=" << precision << " recall=" << recall << "\n";
  EXPECT_GE(precision, 0.95);
  EXPECT_GE(recall, 0.85);
}
