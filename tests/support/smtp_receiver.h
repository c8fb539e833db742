#pragma once
// A local SMTP server on a thread that stands in for the mail relay: plain text on 127.0.0.1 (so
// tests use security "none"), EHLO/HELO, MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT.
// It records every accepted message and answers with scripted refusals, so tests see exactly what
// was sent and can make deliveries fail.
#include "mail/settings.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace testing_support {

struct ReceivedMail {
  std::string helo;                 // the name given in EHLO/HELO
  std::string mail_from;            // the address inside MAIL FROM:<…>
  std::vector<std::string> rcpt_to;
  std::string data;                 // as sent after DATA, unstuffed, without the final "." line

  // Header value, unfolded, RFC 2047 words decoded; "" when absent. `name` is case-insensitive.
  std::string header(const std::string& name) const;
  // The body with its Content-Transfer-Encoding (base64) undone.
  std::string text() const;
};

// Decodes standard base64, ignoring line breaks.
std::string decode_base64(const std::string& s);
// Unfolds and decodes "=?UTF-8?B?…?=" words (whitespace between adjacent words is dropped).
std::string decode_header_text(const std::string& s);

class SmtpReceiver {
 public:
  SmtpReceiver();
  ~SmtpReceiver();
  std::uint16_t port() const { return port_; }
  // Settings that send here: host 127.0.0.1, this port, security "none", short timeout.
  mail::SmtpSettings config() const;
  // The next commands with this verb ("MAIL", "RCPT", "DATA") get these reply codes, in order;
  // afterwards the normal answer.
  void script(const std::string& verb, std::vector<int> codes);
  // RCPT TO this address is always answered with `code` (a mailbox that keeps failing).
  void refuse_recipient(const std::string& address, int code);
  // Waits until at least `n` messages were accepted (up to `seconds`); returns all so far.
  std::vector<ReceivedMail> wait_for(std::size_t n, int seconds = 10);
  // Every command line received so far, in order (to count attempts).
  std::vector<std::string> commands();

 private:
  void serve();
  void session(int fd);
  int scripted(const std::string& verb, const std::string& argument);
  int listen_fd_ = -1;
  std::uint16_t port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::string, std::deque<int>> scripts_;
  std::map<std::string, int> refused_;
  std::vector<ReceivedMail> received_;
  std::vector<std::string> commands_;
  bool stopping_ = false;
};

}  // namespace testing_support
