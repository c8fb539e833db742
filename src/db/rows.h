#pragma once
// Reading query results without numbering columns by hand. read_row(r, a, b, c) puts column 0
// into a, column 1 into b, ... converting by the field's type (see read_cell); map_rows and
// map_row turn rows into values with a row mapper (one of its own, or db::into). The SELECT
// list and the fields passed to read_row name the columns in the same order.
#include "db/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace db {

// Column `i` of `r` into `into`: text as is ("" for NULL); integers as int64 (0 for NULL),
// narrowed to int, or != 0 for bool; optionals stay empty for NULL.
template <typename T>
void read_cell(const Row& r, std::size_t i, T& into) {
  if constexpr (std::is_same_v<T, std::string>) into = r.text(i);
  else if constexpr (std::is_same_v<T, std::int64_t>) into = r.int64(i);
  else if constexpr (std::is_same_v<T, int>) into = static_cast<int>(r.int64(i));
  else if constexpr (std::is_same_v<T, bool>) into = r.int64(i) != 0;
  else if constexpr (std::is_same_v<T, std::optional<std::string>>) into = r.opt_text(i);
  else if constexpr (std::is_same_v<T, std::optional<std::int64_t>>) into = r.opt_int64(i);
  else if constexpr (std::is_same_v<T, std::optional<int>>) {
    auto v = r.opt_int64(i);
    into = v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
  } else static_assert(!sizeof(T), "no conversion from a column to this type");
}

// The columns of `r`, in order, into `fields`.
template <typename... Fields>
void read_row(const Row& r, Fields&... fields) {
  std::size_t i = 0;
  (read_cell(r, i++, fields), ...);
}

// A row mapper filling a T's members in SELECT order, for map_rows and map_row:
//   db::map_row(c.query_one("SELECT code, title FROM …"), db::into<Certificate>(&Certificate::code, &Certificate::title));
template <typename T, typename... Types>
auto into(Types T::*... members) {
  return [=](const Row& r) {
    T out{};
    read_row(r, (out.*members)...);
    return out;
  };
}

// Every row through `read`, in order.
template <typename Read>
auto map_rows(const std::vector<Row>& rows, Read read) {
  std::vector<std::invoke_result_t<Read&, const Row&>> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(read(r));
  return out;
}

// The row through `read`, or nothing when there is no row.
template <typename Read>
auto map_row(const std::optional<Row>& row, Read read) -> std::optional<std::invoke_result_t<Read&, const Row&>> {
  if (!row) return std::nullopt;
  return read(*row);
}

}  // namespace db
