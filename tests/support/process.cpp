#include "support/process.h"

#include "support/http_client.h"
#include "support/test_database.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace testing_support {

std::string phobien_bin() {
  const char* bin = std::getenv("PHOBIEN_BIN");
  return bin && *bin ? bin : "build/phobien";
}

std::uint16_t free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

namespace {
// fork + exec with extra environment; stdout/stderr to `out_path`, stdin from `in_path` or /dev/null.
int spawn(std::string bin, const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
          const std::string& out_path, const std::string& in_path) {
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    int in = ::open(in_path.empty() ? "/dev/null" : in_path.c_str(), O_RDONLY);
    int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(in, 0);
    dup2(out, 1);
    dup2(out, 2);
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    std::vector<char*> argv;
    argv.push_back(bin.data());
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

CommandResult run_phobien(const std::vector<std::string>& args, const std::string& input,
                          const std::map<std::string, std::string>& env) {
  return run_program(phobien_bin(), args, input, env);
}

CommandResult run_program(const std::string& program, const std::vector<std::string>& args, const std::string& input,
                          const std::map<std::string, std::string>& env) {
  std::string dir = make_temp_dir();
  std::string in_path = dir + "/stdin", out_path = dir + "/out";
  std::ofstream(in_path) << input;
  int pid = spawn(program, args, env, out_path, in_path);
  int status = 0;
  waitpid(pid, &status, 0);
  CommandResult r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(out_path)};
  std::system(("rm -rf " + dir).c_str());
  return r;
}

ServeProcess::ServeProcess(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                           std::uint16_t port)
    : port_(port), log_path_(make_temp_dir() + "/serve.log") {
  pid_ = spawn(phobien_bin(), args, env, log_path_, "");
}

ServeProcess::~ServeProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    int status;
    for (int i = 0; i < 100 && waitpid(pid_, &status, WNOHANG) == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
  }
}

bool ServeProcess::wait_ready(int seconds) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    int status;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return false;  // exited
    }
    try {
      if (HttpClient(port_).get("/healthz").status == 200) return true;
    } catch (...) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

std::string ServeProcess::log() const { return read_file(log_path_); }

}  // namespace testing_support
