#include "library/document_numbers.h"

#include "core/utf8.h"
#include "text/document_number.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace library {

bool looks_like_number(std::string_view s) { return text::normalize_document_number(core::clean_text(s)).has_value(); }

std::string number_identity_key(std::string_view number) {
  auto key = text::document_number_key(number);
  return key.empty() ? core::fold_vietnamese(core::clean_text(number)) : key;
}

std::vector<Relation> find_relations(std::string_view text, std::string_view own_number) {
  const std::string own = number_identity_key(own_number);
  std::map<std::string, Relation> by_target;
  auto strength = [](RelationKind k) { return k == RelationKind::cites ? 0 : k == RelationKind::guides ? 1 : 2; };
  for (const auto& m : text::find_document_numbers(text)) {
    const std::string as_written(text.substr(m.begin, m.end - m.begin));
    std::string key = number_identity_key(as_written);
    if (key == own) continue;
    std::size_t from = m.begin > 160 ? m.begin - 160 : 0;
    std::string context = core::fold_vietnamese(text.substr(from, m.begin - from));
    // Only the sentence the number sits in.
    auto stop = context.find_last_of(".;\n");
    if (stop != std::string::npos) context = context.substr(stop + 1);
    RelationKind kind = RelationKind::cites;
    if (context.find("thay the") != std::string::npos) kind = RelationKind::replaces;
    else if (context.find("sua doi") != std::string::npos || context.find("bo sung") != std::string::npos) kind = RelationKind::amends;
    else if (context.find("huong dan") != std::string::npos || context.find("quy dinh chi tiet") != std::string::npos) kind = RelationKind::guides;
    auto it = by_target.find(key);
    if (it == by_target.end()) by_target[key] = Relation{kind, as_written};
    else if (strength(kind) > strength(it->second.kind)) it->second.kind = kind;
  }
  std::vector<Relation> out;
  for (auto& [k, r] : by_target) out.push_back(r);
  return out;
}

}  // namespace library
