#pragma once
// Document numbers (số hiệu) and the relations between documents found in their text.
#include "library/model.h"

#include <string>
#include <string_view>
#include <vector>

namespace library {

// True for strings shaped like a số hiệu: "91/2015/QH13", "100/2019/NĐ-CP", "01/VBHN-VPQH", "159/NQ-CP".
bool looks_like_number(std::string_view s);

// The key that identifies a document by its số hiệu: text::document_number_key for well-formed
// numbers ("100-2019-ND-CP" → "100/2019/nd-cp"), else the folded text, so that a source's odd
// number still identifies its document on re-import.
std::string number_identity_key(std::string_view number);

// Số hiệu mentioned in `text`, each with the relation its context suggests ("sửa đổi, bổ sung … Nghị
// định số 125/2020/NĐ-CP" → amends). `own_number` is left out. One relation per target, strongest kind.
std::vector<Relation> find_relations(std::string_view text, std::string_view own_number);

}  // namespace library
