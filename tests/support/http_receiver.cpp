#include "support/http_receiver.h"

#include "support/http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

namespace testing_support {

HttpReceiver::HttpReceiver() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 16) != 0)
    throw std::runtime_error("receiver: bind/listen failed");
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { serve(); });
}

HttpReceiver::~HttpReceiver() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
  ::close(listen_fd_);
}

void HttpReceiver::script(std::vector<int> statuses, std::string ok_body) {
  std::lock_guard lock(mutex_);
  statuses_.assign(statuses.begin(), statuses.end());
  ok_body_ = std::move(ok_body);
}

void HttpReceiver::hang(bool on) {
  {
    std::lock_guard lock(mutex_);
    hang_ = on;
  }
  changed_.notify_all();
}

std::vector<ReceivedRequest> HttpReceiver::wait_for(std::size_t n, int seconds) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, std::chrono::seconds(seconds), [&] { return received_.size() >= n; });
  return received_;
}

namespace {
// Reads one request (headers and Content-Length body); false when the peer went away.
bool read_request(int fd, ReceivedRequest& r) {
  std::string data;
  char buf[4096];
  std::size_t head_end = std::string::npos, need = 0;
  while (true) {
    if (head_end == std::string::npos && (head_end = data.find("\r\n\r\n")) != std::string::npos) {
      std::string head = data.substr(0, head_end);
      auto first = head.find("\r\n");
      std::string line = head.substr(0, first);
      r.method = line.substr(0, line.find(' '));
      r.target = line.substr(line.find(' ') + 1, line.rfind(' ') - line.find(' ') - 1);
      for (auto& [name, value] : parse_header_lines(head)) r.headers[name] = value;
      need = r.headers.count("content-length") ? std::stoul(r.headers["content-length"]) : 0;
    }
    if (head_end != std::string::npos && data.size() >= head_end + 4 + need) {
      r.body = data.substr(head_end + 4, need);
      return true;
    }
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return false;
    data.append(buf, static_cast<std::size_t>(n));
  }
}
}  // namespace

void HttpReceiver::serve() {
  while (true) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
    }
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    ReceivedRequest r;
    if (!read_request(fd, r)) {
      ::close(fd);
      continue;
    }
    int status = 200;
    std::string body;
    {
      std::unique_lock lock(mutex_);
      received_.push_back(r);
      changed_.notify_all();
      changed_.wait(lock, [&] { return !hang_ || stopping_; });
      if (!statuses_.empty()) {
        status = statuses_.front();
        statuses_.pop_front();
      }
      body = status == 200 ? ok_body_ : R"({"error":{"message":"scripted failure"}})";
    }
    std::string response = "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: application/json\r\nContent-Length: " +
                           std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    ::send(fd, response.data(), response.size(), MSG_NOSIGNAL);
    ::close(fd);
  }
}

}  // namespace testing_support
