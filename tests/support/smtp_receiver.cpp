#include "support/smtp_receiver.h"

#include "support/loopback.h"

#include <poll.h>
#include <sodium.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <stdexcept>

namespace testing_support {

namespace {
std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

// "FROM:<a@b> SIZE=10" -> "a@b".
std::string angle_address(const std::string& argument) {
  auto open = argument.find('<'), close = argument.find('>');
  if (open == std::string::npos || close == std::string::npos || close < open) return "";
  return argument.substr(open + 1, close - open - 1);
}
}  // namespace

std::string decode_base64(const std::string& s) {
  std::string out(s.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), s.data(), s.size(), "\r\n", &len, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0)
    throw std::runtime_error("invalid base64");
  out.resize(len);
  return out;
}

std::string decode_header_text(const std::string& s) {
  std::string out, pending_space;
  bool after_word = false;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s.compare(i, 10, "=?UTF-8?B?") == 0) {
      auto end = s.find("?=", i + 10);
      if (end == std::string::npos) throw std::runtime_error("unterminated encoded word");
      if (!after_word) out += pending_space;  // space between two encoded words is not text
      pending_space.clear();
      out += decode_base64(s.substr(i + 10, end - i - 10));
      after_word = true;
      i = end + 2;
    } else if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') {
      if (s[i] == ' ' || s[i] == '\t') pending_space += s[i];
      ++i;
    } else {
      out += pending_space;
      pending_space.clear();
      out += s[i++];
      after_word = false;
    }
  }
  return out;
}

std::string ReceivedMail::header(const std::string& name) const {
  auto head = data.substr(0, data.find("\r\n\r\n"));
  std::string value;
  bool in = false;
  std::size_t start = 0;
  while (start <= head.size()) {
    auto end = head.find("\r\n", start);
    std::string line = head.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
      if (in) value += line;  // a folded continuation
    } else if (in) {
      break;
    } else {
      auto colon = line.find(':');
      if (colon != std::string::npos && upper(line.substr(0, colon)) == upper(name)) {
        in = true;
        value = line.substr(colon + 1);
      }
    }
    if (end == std::string::npos) break;
    start = end + 2;
  }
  auto first = value.find_first_not_of(' ');
  return decode_header_text(first == std::string::npos ? "" : value.substr(first));
}

std::string ReceivedMail::text() const {
  auto split = data.find("\r\n\r\n");
  std::string body = split == std::string::npos ? "" : data.substr(split + 4);
  return upper(header("Content-Transfer-Encoding")) == "BASE64" ? decode_base64(body) : body;
}

SmtpReceiver::SmtpReceiver() {
  listen_fd_ = listen_on_loopback(port_);
  thread_ = std::thread([this] { serve(); });
}

SmtpReceiver::~SmtpReceiver() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
  ::close(listen_fd_);
}

mail::SmtpSettings SmtpReceiver::config() const {
  mail::SmtpSettings c;
  c.host = "127.0.0.1";
  c.port = port_;
  c.security = "none";
  c.from = "Cổng PBGDPL <no-reply@pbgdpl.example.gov.vn>";
  c.timeout_seconds = 5;
  return c;
}

void SmtpReceiver::script(const std::string& verb, std::vector<int> codes) {
  std::lock_guard lock(mutex_);
  scripts_[verb].assign(codes.begin(), codes.end());
}

void SmtpReceiver::refuse_recipient(const std::string& address, int code) {
  std::lock_guard lock(mutex_);
  refused_[address] = code;
}

std::vector<ReceivedMail> SmtpReceiver::wait_for(std::size_t n, int seconds) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, std::chrono::seconds(seconds), [&] { return received_.size() >= n; });
  return received_;
}

std::vector<std::string> SmtpReceiver::commands() {
  std::lock_guard lock(mutex_);
  return commands_;
}

int SmtpReceiver::scripted(const std::string& verb, const std::string& argument) {
  std::lock_guard lock(mutex_);
  commands_.push_back(verb + (argument.empty() ? "" : " " + argument));
  if (verb == "RCPT") {
    auto it = refused_.find(angle_address(argument));
    if (it != refused_.end()) return it->second;
  }
  auto& codes = scripts_[verb];
  if (codes.empty()) return 0;
  int code = codes.front();
  codes.pop_front();
  return code;
}

void SmtpReceiver::serve() {
  while (true) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
    }
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    session(fd);
    ::close(fd);
  }
}

// One SMTP conversation, until QUIT, the peer leaving, or the receiver stopping.
void SmtpReceiver::session(int fd) {
  std::string buffer;
  auto reply = [fd](const std::string& text) { ::send(fd, text.data(), text.size(), MSG_NOSIGNAL); };
  auto refusal = [&](int code) { reply(std::to_string(code) + " scripted refusal\r\n"); };
  // Reads one CRLF-terminated line without its CRLF; false when the peer went away or we stop.
  auto read_line = [&](std::string& line) {
    while (true) {
      auto eol = buffer.find("\r\n");
      if (eol != std::string::npos) {
        line = buffer.substr(0, eol);
        buffer.erase(0, eol + 2);
        return true;
      }
      {
        std::lock_guard lock(mutex_);
        if (stopping_) return false;
      }
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      char chunk[4096];
      ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
      if (n <= 0) return false;
      buffer.append(chunk, static_cast<std::size_t>(n));
    }
  };

  reply("220 localhost PhoBien test SMTP\r\n");
  ReceivedMail mail;
  bool in_transaction = false;
  std::string line;
  while (read_line(line)) {
    auto space = line.find(' ');
    std::string verb = upper(line.substr(0, space));
    std::string argument = space == std::string::npos ? "" : line.substr(space + 1);
    int code = scripted(verb, argument);
    if (verb == "EHLO" || verb == "HELO") {
      mail = {};
      mail.helo = argument;
      in_transaction = false;
      reply(verb == "EHLO" ? "250-localhost\r\n250 8BITMIME\r\n" : "250 localhost\r\n");
    } else if (verb == "MAIL") {
      if (code) {
        refusal(code);
        continue;
      }
      mail.mail_from = angle_address(argument);
      mail.rcpt_to.clear();
      in_transaction = true;
      reply("250 OK\r\n");
    } else if (verb == "RCPT") {
      if (code) {
        refusal(code);
      } else if (!in_transaction) {
        reply("503 MAIL first\r\n");
      } else {
        mail.rcpt_to.push_back(angle_address(argument));
        reply("250 OK\r\n");
      }
    } else if (verb == "DATA") {
      if (code) {
        refusal(code);
        continue;
      }
      if (!in_transaction || mail.rcpt_to.empty()) {
        reply("503 RCPT first\r\n");
        continue;
      }
      reply("354 End data with <CR><LF>.<CR><LF>\r\n");
      mail.data.clear();
      bool complete = false;
      while (read_line(line)) {
        if (line == ".") {
          complete = true;
          break;
        }
        if (!line.empty() && line[0] == '.') line.erase(0, 1);  // dot-unstuffing (RFC 5321 §4.5.2)
        mail.data += line + "\r\n";
      }
      if (!complete) return;
      {
        std::lock_guard lock(mutex_);
        received_.push_back(mail);
      }
      changed_.notify_all();
      in_transaction = false;
      reply("250 OK queued\r\n");
    } else if (verb == "RSET") {
      mail.mail_from.clear();
      mail.rcpt_to.clear();
      in_transaction = false;
      reply("250 OK\r\n");
    } else if (verb == "NOOP") {
      reply("250 OK\r\n");
    } else if (verb == "QUIT") {
      reply("221 Bye\r\n");
      return;
    } else {
      reply("502 Command not implemented\r\n");
    }
  }
}

}  // namespace testing_support
