#pragma once
// Runs the real `phobien` binary (PHOBIEN_BIN, set by CTest) as a child process.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace testing_support {

std::string phobien_bin();
std::uint16_t free_port();

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs to completion with `input` on stdin.
CommandResult run_phobien(const std::vector<std::string>& args, const std::string& input = "",
                          const std::map<std::string, std::string>& env = {});
// The same for another program (a test helper built with the tests).
CommandResult run_program(const std::string& program, const std::vector<std::string>& args, const std::string& input = "",
                          const std::map<std::string, std::string>& env = {});

// A `phobien serve` process, stopped (SIGTERM) when destroyed.
class ServeProcess {
 public:
  ServeProcess(const std::vector<std::string>& args, const std::map<std::string, std::string>& env, std::uint16_t port);
  ~ServeProcess();
  // True once /healthz answers 200 (waits up to `seconds`).
  bool wait_ready(int seconds = 20);
  std::uint16_t port() const { return port_; }
  int pid() const { return pid_; }
  std::string log() const;

 private:
  int pid_ = -1;
  std::uint16_t port_;
  std::string log_path_;
};

}  // namespace testing_support
