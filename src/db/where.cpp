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

}  // namespace db
