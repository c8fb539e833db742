#include "core/confined_process.h"

#include "core/confined_tasks.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <new>
#include <stdexcept>
#include <system_error>

extern char** environ;

namespace core {
namespace {

constexpr std::string_view kTaskFlag = "--confined-task=";
constexpr int kOutOfMemoryExit = 125;  // the child's allocation failed: its address space ran out
constexpr int kUnknownTaskExit = 126;

struct Task {
  std::string_view name;
  int (*run)(std::string_view input, std::string& output);
};
constexpr std::array<Task, 1> kTasks = {{{"strip-pdf", strip_pdf_task}}};

class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

[[noreturn]] void throw_errno(const char* what) { throw std::system_error(errno, std::generic_category(), what); }

void set_limit(pid_t pid, __rlimit_resource resource, rlim_t soft, rlim_t hard) {
  rlimit limit{soft, hard};
  ::prlimit(pid, resource, &limit, nullptr);  // ESRCH: the child is gone already
}

pid_t spawn_child(std::string_view task, int child_end) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, child_end, 0);
  posix_spawn_file_actions_adddup2(&actions, child_end, 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);

  // The server may block or ignore signals (SIGPIPE); the child starts with the defaults.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &all);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  std::string exe = "/proc/self/exe", flag = std::string(kTaskFlag) + std::string(task);
  std::array<char*, 3> argv = {exe.data(), flag.data(), nullptr};
  pid_t pid = -1;
  int rc = posix_spawn(&pid, exe.c_str(), &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) {
    errno = rc;
    throw_errno("cannot start a confined process");
  }
  return pid;
}

// Sends the input and gathers the output until the child closes its end, the deadline passes or
// the output outgrows its limit. Returns false when the child has to be killed.
bool exchange(int fd, std::string_view input, const ConfinedLimits& limits, std::string& output) {
  auto deadline = std::chrono::steady_clock::now() + limits.wall_time;
  std::size_t sent = 0;
  if (input.empty()) ::shutdown(fd, SHUT_WR);
  std::array<char, 65536> buffer;
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, static_cast<short>(POLLIN | (sent < input.size() ? POLLOUT : 0)), 0};
    int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno != EINTR) return false;
    if (ready <= 0) continue;
    if ((p.revents & POLLOUT) && sent < input.size()) {
      ssize_t n = ::send(fd, input.data() + sent, input.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) sent += static_cast<std::size_t>(n);
      else if (n < 0 && errno != EAGAIN && errno != EINTR) sent = input.size();  // the child stopped reading
      if (sent == input.size()) ::shutdown(fd, SHUT_WR);
    }
    if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
      ssize_t n = ::recv(fd, buffer.data(), buffer.size(), MSG_DONTWAIT);
      if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) return true;
      if (n > 0) {
        if (output.size() + static_cast<std::size_t>(n) > limits.max_output_bytes) return false;
        output.append(buffer.data(), static_cast<std::size_t>(n));
      }
    }
  }
}

std::string read_all(int fd) {
  std::string input;
  std::array<char, 65536> buffer;
  for (;;) {
    ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n == 0) return input;
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw_errno("read");
    input.append(buffer.data(), static_cast<std::size_t>(n));
  }
}

void write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw_errno("write");
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace

ConfinedOutcome run_confined(std::string_view task, std::string_view input, const ConfinedLimits& limits) {
  int ends[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) throw_errno("socketpair");
  Fd ours(ends[0]), theirs(ends[1]);
  pid_t pid = spawn_child(task, theirs.get());
  theirs.reset();

  // Limits persist across exec, so setting them before the child has read its input is in time.
  auto cpu = static_cast<rlim_t>(limits.cpu_seconds);
  set_limit(pid, RLIMIT_CPU, cpu, cpu + 1);
  if (!kSanitizerBuild) set_limit(pid, RLIMIT_AS, limits.address_space_bytes, limits.address_space_bytes);
  set_limit(pid, RLIMIT_CORE, 0, 0);
  set_limit(pid, RLIMIT_FSIZE, 0, 0);

  ConfinedOutcome outcome;
  bool finished = exchange(ours.get(), input, limits, outcome.output);
  if (!finished) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!finished) {
    outcome.end = ConfinedOutcome::End::over_budget;
  } else if (WIFEXITED(status)) {
    outcome.exit_code = WEXITSTATUS(status);
    outcome.end = outcome.exit_code == kOutOfMemoryExit ? ConfinedOutcome::End::over_budget : ConfinedOutcome::End::exited;
  } else {
    int signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    outcome.end = signal == SIGXCPU || signal == SIGKILL ? ConfinedOutcome::End::over_budget : ConfinedOutcome::End::crashed;
  }
  if (outcome.end != ConfinedOutcome::End::exited) outcome.output.clear();
  return outcome;
}

std::optional<int> run_confined_task(int argc, char** argv) {
  if (argc < 2 || !std::string_view(argv[1]).starts_with(kTaskFlag)) return std::nullopt;
  std::string_view name = std::string_view(argv[1]).substr(kTaskFlag.size());
  for (const Task& task : kTasks) {
    if (task.name != name) continue;
    try {
      std::string output;
      int status = task.run(read_all(0), output);
      write_all(1, output);
      return status;
    } catch (const std::bad_alloc&) {
      return kOutOfMemoryExit;
    }
  }
  return kUnknownTaskExit;
}

}  // namespace core
