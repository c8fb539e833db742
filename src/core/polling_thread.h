#pragma once
// The project's one background loop (every db::QueueWorker, the change-log poller): it calls
// `pass` until stopped, again at once after a pass that did something (more may be due already),
// otherwise after `interval` or notify(). The first pass runs at start(). An exception from a
// pass is logged and the loop goes on: a database hiccup must not end it. stopping() doubles as
// the cancel flag for work in flight (core::http_post, mail::smtp_send).
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace core {

class PollingThread {
 public:
  // `name` prefixes log lines; `pass` returns how many items it handled.
  PollingThread(std::string name, std::chrono::milliseconds interval, std::function<int()> pass);
  ~PollingThread();
  void start();
  // Sets stopping(), wakes the thread and waits for the pass in progress to return.
  void stop();
  // Work was queued: run a pass now rather than at the next interval.
  void notify();
  const std::atomic<bool>& stopping() const { return stopping_; }

 private:
  void loop();
  std::string name_;
  std::chrono::milliseconds interval_;
  std::function<int()> pass_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool woken_ = false;
  std::thread thread_;
};

}  // namespace core
