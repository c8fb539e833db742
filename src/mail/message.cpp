#include "mail/message.h"

#include "core/email_address.h"
#include "core/time.h"
#include "core/utf8.h"

#include <sodium.h>

#include <stdexcept>

namespace mail {

namespace {
std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool has_control(std::string_view s) {
  for (unsigned char ch : s)
    if (ch < 0x20 || ch == 0x7f) return true;
  return false;
}

// Header texts are one line: a control character (CR and LF above all) becomes a space.
std::string one_line(std::string_view s) {
  std::string out(s);
  for (char& ch : out)
    if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f) ch = ' ';
  return out;
}

bool printable_ascii(std::string_view s) {
  for (unsigned char ch : s)
    if (ch < 0x20 || ch > 0x7e) return false;
  return true;
}

// Bytes in the UTF-8 sequence that starts with `lead` (input is valid UTF-8).
std::size_t sequence_length(unsigned char lead) { return lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4; }

void require_utf8(std::string_view s, const char* what) {
  if (!core::is_valid_utf8(s)) throw std::invalid_argument(std::string("mail: ") + what + " is not UTF-8");
}

// An ASCII name goes in quotes (it may hold commas or dots); any other is encoded.
std::string phrase(std::string_view name) {
  std::string text = one_line(name);
  if (!printable_ascii(text) || text.find("=?") != std::string::npos) return encode_header_text(text);
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out + "\"";
}

std::string mailbox_header(const Mailbox& m) { return m.name.empty() ? m.address : phrase(m.name) + " <" + m.address + ">"; }

// Canonical text for MIME: every line ends with CRLF (RFC 2045 §6.8), whatever the input used.
std::string crlf_lines(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 32);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += "\r\n";
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else if (s[i] == '\n') {
      out += "\r\n";
    } else {
      out += s[i];
    }
  }
  return out;
}
}  // namespace

std::optional<Mailbox> parse_mailbox(std::string_view text) {
  text = trim(text);
  if (has_control(text)) return std::nullopt;  // CR or LF here would be a header injection
  Mailbox m;
  if (!text.empty() && text.back() == '>') {
    auto open = text.rfind('<');
    if (open == std::string_view::npos) return std::nullopt;
    m.address = std::string(text.substr(open + 1, text.size() - open - 2));
    auto name = trim(text.substr(0, open));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
      for (std::size_t i = 1; i + 1 < name.size(); ++i) {
        if (name[i] == '\\' && i + 2 < name.size()) ++i;
        m.name += name[i];
      }
    } else {
      m.name = std::string(name);
    }
    if (!core::is_valid_utf8(m.name)) return std::nullopt;
  } else {
    m.address = std::string(text);
  }
  if (!core::is_valid_email_address(m.address)) return std::nullopt;
  return m;
}

std::string base64(std::string_view data) {
  std::string out(sodium_base64_encoded_len(data.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::string encode_header_text(std::string_view text) {
  std::string line = one_line(text);
  // 69 = 78 columns less "Subject: ": longer ASCII would need folding at spaces, words fold anywhere.
  if (printable_ascii(line) && line.size() <= 69 && line.find("=?") == std::string::npos) return line;
  // 39 bytes make 52 base64 characters: a 64-column word. A word holds whole characters (RFC 2047 §5).
  constexpr std::size_t kChunk = 39;
  std::string out;
  std::size_t i = 0;
  while (i < line.size()) {
    std::size_t end = i;
    while (end < line.size()) {
      std::size_t n = sequence_length(static_cast<unsigned char>(line[end]));
      if (end + n - i > kChunk) break;
      end += n;
    }
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(std::string_view(line).substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string mask_address(std::string_view address) {
  auto at = address.rfind('@');
  if (at == std::string_view::npos) return "***";
  return (at > 0 ? std::string(1, address[0]) : std::string()) + "***" + std::string(address.substr(at));
}

std::string render(const Message& m) {
  if (!core::is_valid_email_address(m.from.address)) throw std::invalid_argument("mail: invalid From address");
  if (!core::is_valid_email_address(m.to.address)) throw std::invalid_argument("mail: invalid To address");
  if (!core::is_valid_email_address(m.message_id)) throw std::invalid_argument("mail: invalid Message-ID");
  require_utf8(m.from.name, "the sender's name");
  require_utf8(m.to.name, "the recipient's name");
  require_utf8(m.subject, "the subject");
  require_utf8(m.body, "the body");

  // RFC 5322 dates use a numeric zone; "GMT" is obsolete syntax that must not be generated.
  std::string date = core::format_rfc822(m.date);
  date.replace(date.size() - 3, 3, "+0000");

  std::string out;
  out += "Date: " + date + "\r\n";
  out += "From: " + mailbox_header(m.from) + "\r\n";
  out += "To: " + mailbox_header(m.to) + "\r\n";
  out += "Subject: " + encode_header_text(m.subject) + "\r\n";
  out += "Message-ID: <" + m.message_id + ">\r\n";
  // Notifications: out-of-office replies should not answer them (RFC 3834).
  out += "Auto-Submitted: auto-generated\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=utf-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n";
  out += "\r\n";
  std::string encoded = base64(crlf_lines(m.body));
  for (std::size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
  return out;
}

}  // namespace mail
