#pragma once
// A local HTTP server on a thread that stands in for a platform's send API: it records every
// request and answers with scripted statuses (then 200), so tests see exactly what was sent.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace testing_support {

struct ReceivedRequest {
  std::string method, target, body;
  std::map<std::string, std::string> headers;  // names lower-case
};

class HttpReceiver {
 public:
  HttpReceiver();
  ~HttpReceiver();
  std::uint16_t port() const { return port_; }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  // The next requests get these statuses, in order; afterwards 200 with `ok_body`.
  void script(std::vector<int> statuses, std::string ok_body = R"({"error":0,"message":"Success"})");
  // Requests get no answer at all until released (a hung platform).
  void hang(bool on);
  // Waits until at least `n` requests arrived (up to `seconds`); returns all received so far.
  std::vector<ReceivedRequest> wait_for(std::size_t n, int seconds = 10);

 private:
  void serve();
  int listen_fd_ = -1;
  std::uint16_t port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<int> statuses_;
  std::string ok_body_ = R"({"error":0,"message":"Success"})";
  std::vector<ReceivedRequest> received_;
  bool hang_ = false;
  bool stopping_ = false;
};

}  // namespace testing_support
