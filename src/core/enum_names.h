#pragma once
// The names of a small enum, kept in one table: for each value the slug stored in the database
// (and used in URLs and the API) and the Vietnamese label shown to people. The lookups below
// replace a switch per name and a loop per parse. A table is declared with std::to_array at
// namespace scope in the module's .cpp (constexpr gives it internal linkage):
//   constexpr auto kNames = std::to_array<core::EnumName<Role>>({{Role::admin, "admin", "Quản trị"}, ...});
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace core {

template <typename Enum>
struct EnumName {
  Enum value;
  std::string_view slug;
  std::string_view label;
};

template <typename Enum, std::size_t N>
using EnumNames = std::array<EnumName<Enum>, N>;

// The slug of `value`, or `fallback` for a value the table does not list.
template <typename Enum, std::size_t N>
constexpr std::string_view slug_of(const EnumNames<Enum, N>& names, Enum value, std::string_view fallback) {
  for (const auto& n : names)
    if (n.value == value) return n.slug;
  return fallback;
}

// The label of `value`, or "" for a value the table does not list.
template <typename Enum, std::size_t N>
constexpr std::string_view label_of(const EnumNames<Enum, N>& names, Enum value) {
  for (const auto& n : names)
    if (n.value == value) return n.label;
  return "";
}

// The value whose slug is exactly `slug` (case matters), or nothing.
template <typename Enum, std::size_t N>
constexpr std::optional<Enum> parse_slug(const EnumNames<Enum, N>& names, std::string_view slug) {
  for (const auto& n : names)
    if (n.slug == slug) return n.value;
  return std::nullopt;
}

// Every value, in the order of the table.
template <typename Enum, std::size_t N>
std::vector<Enum> values_of(const EnumNames<Enum, N>& names) {
  std::vector<Enum> out;
  out.reserve(N);
  for (const auto& n : names) out.push_back(n.value);
  return out;
}

}  // namespace core
