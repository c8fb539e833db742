#pragma once
// Runs risky work (parsing a stranger's PDF) in a child process under hard limits: CPU seconds,
// address space, wall-clock time and output size. Whatever the parser does — loop, balloon,
// crash — the child dies and the server carries on; the caller learns how it ended.
//
// The child is this same executable (/proc/self/exe) started as `<exe> --confined-task=<name>`:
// each program's main() first calls run_confined_task(), which runs the named task reading its
// input on stdin and writing its output on stdout. The child gets no other descriptors, no
// stderr, may not create files and leaves no core dump.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace core {

// True in AddressSanitizer builds (gcc defines __SANITIZE_ADDRESS__, clang has the feature).
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitizerBuild = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kSanitizerBuild = true;
#else
inline constexpr bool kSanitizerBuild = false;
#endif
#else
inline constexpr bool kSanitizerBuild = false;
#endif

// Sanitizer builds run the child's own code several times slower: their time budgets are 4x.
inline constexpr int kBudgetScale = kSanitizerBuild ? 4 : 1;

struct ConfinedLimits {
  int cpu_seconds = 5 * kBudgetScale;
  std::size_t address_space_bytes = 1u << 30;  // not applied in sanitizer builds (their shadow memory)
  std::chrono::milliseconds wall_time{10'000 * kBudgetScale};
  std::size_t max_output_bytes = 64u << 20;
};

struct ConfinedOutcome {
  enum class End {
    exited,        // exit_code holds the task's status
    over_budget,   // killed: CPU, memory or wall time ran out, or the output grew past its limit
    crashed,       // killed by any other signal
  };
  End end = End::crashed;
  int exit_code = -1;
  std::string output;
};

// Starts the child, feeds it `input`, collects its stdout. Throws std::runtime_error only when the
// child cannot be started at all (no process slots, no /proc/self/exe).
ConfinedOutcome run_confined(std::string_view task, std::string_view input, const ConfinedLimits& limits = {});

// To be called first in main(). When argv asks for a confined task, runs it and returns its exit
// status; otherwise returns nothing and main() goes on as usual.
std::optional<int> run_confined_task(int argc, char** argv);

}  // namespace core
