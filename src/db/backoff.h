#pragma once
// When a failed job is tried again, and when it is given up: a policy value that each queue
// fills from its own settings. The delay before attempt n + 1 is base × curve[n - 1]; past the
// end of the curve its last step repeats. The curves are a queue's promise to operators
// (README's configuration table states them), so they are spelled out, never computed.
#include <cstdint>
#include <vector>

namespace db {

struct Backoff {
  std::int64_t base_seconds = 60;
  std::vector<std::int64_t> curve = {1};  // multipliers of base, one per failed attempt
  int max_attempts = 6;                    // attempts before the job fails for good (at least one is always made)

  // Seconds to wait after `attempts` attempts have failed (attempts < 1 counts as 1).
  std::int64_t delay_seconds(int attempts) const;
  // True when a job that failed its `attempts`-th attempt must not be tried again.
  bool exhausted(int attempts) const { return attempts >= max_attempts; }
};

}  // namespace db
