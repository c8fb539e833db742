#pragma once
// A TCP socket listening on 127.0.0.1 at a port the kernel picks: the start of every stand-in
// server the tests run (and of a server that accepts nothing, to test timeouts and cancels).
#include <cstdint>

namespace testing_support {

// Returns the listening descriptor and sets `port`; throws std::runtime_error on failure.
int listen_on_loopback(std::uint16_t& port, int backlog = 16);

}  // namespace testing_support
