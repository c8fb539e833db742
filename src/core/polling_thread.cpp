#include "core/polling_thread.h"

#include <spdlog/spdlog.h>

namespace core {

PollingThread::PollingThread(std::string name, std::chrono::milliseconds interval, std::function<int()> pass)
    : name_(std::move(name)), interval_(interval), pass_(std::move(pass)) {}

PollingThread::~PollingThread() { stop(); }

void PollingThread::start() {
  stopping_ = false;
  thread_ = std::thread([this] { loop(); });
}

void PollingThread::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PollingThread::notify() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

void PollingThread::loop() {
  while (!stopping_) {
    int handled = 0;
    try {
      handled = pass_();
    } catch (const std::exception& e) {
      spdlog::warn("{}: pass failed: {}", name_, e.what());
    }
    if (handled > 0) continue;
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, interval_, [this] { return stopping_.load() || woken_; });
    woken_ = false;
  }
}

}  // namespace core
