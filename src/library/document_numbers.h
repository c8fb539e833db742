#pragma once
// Document numbers (số hiệu) and the relations between documents found in their text.
#include "library/model.h"

#include <string>
#include <string_view>
#include <vector>

namespace library {

// True for strings shaped like a số hiệu: "91/2015/QH13", "100/2019/NĐ-CP", "01/VBHN-VPQH", "159/NQ-CP".
bool looks_like_number(std::string_view s);

// Case- and separator-tolerant key of a số hiệu: "100/2019/nđ-cp", "100-2019-ND-CP" → "100/2019/nd-cp".
std::string number_key(std::string_view number);

// Số hiệu mentioned in `text`, each with the relation its context suggests ("sửa đổi, bổ sung … Nghị
// định số 125/2020/NĐ-CP" → amends). `own_number` is left out. One relation per target, strongest kind.
std::vector<Relation> find_relations(std::string_view text, std::string_view own_number);

// Byte ranges of số hiệu in `text` (for links).
struct NumberMention {
  std::size_t begin = 0, end = 0;
  std::string number;
};
std::vector<NumberMention> find_numbers(std::string_view text);

}  // namespace library
