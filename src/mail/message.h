#pragma once
// An e-mail as RFC 5322 text: UTF-8 plain text with a base64 body and RFC 2047 encoded words for
// Vietnamese subjects and names. Addresses are checked strictly (core::is_valid_email_address)
// and control characters in texts become spaces, so no value can start a header line of its own.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mail {

struct Mailbox {
  std::string name;     // display name; may be empty or Vietnamese
  std::string address;  // local@domain
};

// "addr@host", "Name <addr@host>" or "\"Name\" <addr@host>"; nullopt when malformed.
std::optional<Mailbox> parse_mailbox(std::string_view text);

struct Message {
  Mailbox from;
  Mailbox to;
  std::string subject;     // UTF-8
  std::string body;        // UTF-8 plain text; any line ends
  std::int64_t date = 0;   // Unix seconds
  std::string message_id;  // without the angle brackets: "left@domain"
};

// The text sent after DATA: CRLF line ends, headers, a blank line, the body in base64 lines of 76
// columns. Throws std::invalid_argument when an address or the Message-ID is malformed or a text
// is not UTF-8.
std::string render(const Message& m);

// For Subject and display names: `text` itself when it is short printable ASCII, otherwise
// "=?UTF-8?B?…?=" words of whole characters, folded onto continuation lines.
std::string encode_header_text(std::string_view text);

// Standard base64 (with padding), one line.
std::string base64(std::string_view data);

// "a***@example.com": enough to tell recipients apart in a log, not to identify them.
std::string mask_address(std::string_view address);

}  // namespace mail
