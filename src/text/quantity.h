#pragma once
// Amounts a question gives and the ranges a clause states, so that the clause whose range holds
// the amount can be told from its neighbours. The Penal Code grades an offence by value or injury
// ("từ 2.000.000 đồng đến dưới 50.000.000 đồng", "từ 11% đến 30%"), the Civil Code and the Law
// on Marriage and Family by age ("từ đủ mười lăm tuổi đến chưa đủ mười tám tuổi", "dưới 36 tháng
// tuổi"); citizens ask with the amount ("trộm cái điện thoại 3 triệu", "thương tích 15%", "con
// mới 2 tuổi"). Pure.
//
// Amounts: money in đồng ("3 triệu", "3tr", "500k", "500 nghìn", "1,5 tỷ", "2.000.000 đồng"),
// shares ("15%", "15 phần trăm") and ages in months ("17 tuổi" = 204, "30 tháng tuổi"), numbers in
// digits or, for ages, in words up to 99 ("mười tám tuổi", "hai mươi mốt tuổi").
#include <string>
#include <string_view>
#include <vector>

namespace text {

enum class Dimension { money, share, age };

struct Amount {
  Dimension dimension;
  double value;                    // đồng, percent, or months of age
  std::vector<std::string> words;  // the folded words it was read from: "3", "trieu"; "35", "%"
};

struct Range {
  Dimension dimension;
  double low, high;        // -inf / +inf when open
  bool low_included, high_included;
};

// The amounts a question states.
std::vector<Amount> amounts_in(std::string_view text);
// The ranges a clause states: "từ A đến (dưới) B", "dưới B", "chưa đủ B", "trên A", "A trở lên",
// "không quá B".
std::vector<Range> ranges_in(std::string_view text);
bool holds(const Range& range, const Amount& amount);

}  // namespace text
