#pragma once
// The WHERE clause of a list query whose filters are each optional: "WHERE 1 = 1", then
// " AND <condition>" for every filter that is set, its value appended to the query's parameters
// in the same order as its `?`.
#include "db/database.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace db {

class Where {
 public:
  explicit Where(Params& params) : params_(params) {}
  // A condition with one `?` and its value.
  Where& add(std::string_view condition, Value value);
  // A condition without parameters.
  Where& add(std::string_view condition);
  // A condition with one `?`, added only when `value` is set.
  template <typename T>
  Where& add_if(std::string_view condition, const std::optional<T>& value) {
    return value ? add(condition, Value(*value)) : *this;
  }
  // "column IN (?, ?, …)" with every value; no value matches nothing.
  Where& add_in(std::string_view column, const std::vector<std::string>& values);
  const std::string& sql() const { return sql_; }

 private:
  Params& params_;
  std::string sql_ = "WHERE 1 = 1";
};

}  // namespace db
