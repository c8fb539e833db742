#include "db/where.h"

namespace db {

Where& Where::add(std::string_view condition, Value value) {
  add(condition);
  params_.push_back(std::move(value));
  return *this;
}

Where& Where::add(std::string_view condition) {
  sql_ += " AND ";
  sql_ += condition;
  return *this;
}

Where& Where::add_in(std::string_view column, const std::vector<std::string>& values) {
  if (values.empty()) return add("1 = 0");
  std::string condition = std::string(column) + " IN (";
  for (std::size_t i = 0; i < values.size(); ++i) {
    condition += i ? ", ?" : "?";
    params_.push_back(values[i]);
  }
  sql_ += " AND " + condition + ")";
  return *this;
}

}  // namespace db
