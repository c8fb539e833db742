#pragma once
// What the fuzz targets share: a property check that stops the run (libFuzzer keeps the input as
// a crash), and a reader that splits one fuzz input into several values.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

// Unlike assert(), checked in every build type.
#define FUZZ_CHECK(cond)                                                                \
  do {                                                                                  \
    if (!(cond)) {                                                                      \
      std::fprintf(stderr, "FUZZ_CHECK failed at %s:%d: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                     \
    }                                                                                   \
  } while (0)

namespace fuzz {

inline std::string_view bytes(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Consumes a fuzz input from the front: a selector byte, then '\n'-separated fields; the last
// field is the rest. An exhausted input gives 0 and empty fields.
class Input {
 public:
  explicit Input(std::string_view data) : rest_(data) {}
  std::uint8_t byte() {
    if (rest_.empty()) return 0;
    auto b = static_cast<std::uint8_t>(rest_.front());
    rest_.remove_prefix(1);
    return b;
  }
  std::string_view line() {
    std::size_t nl = rest_.find('\n');
    std::string_view out = rest_.substr(0, nl);
    rest_.remove_prefix(nl == std::string_view::npos ? rest_.size() : nl + 1);
    return out;
  }
  std::string_view rest() {
    std::string_view out = rest_;
    rest_ = {};
    return out;
  }
  bool empty() const { return rest_.empty(); }
  std::string_view rest_view() const { return rest_; }

 private:
  std::string_view rest_;
};

}  // namespace fuzz
