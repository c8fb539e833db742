#pragma once
// The one rule for e-mail addresses, shared by accounts, consultation and the mailer, so that
// no address is accepted by a form and then refused when a mail is sent.
#include <string_view>

namespace core {

// True for an ASCII local@domain address of at most 254 bytes: a dot-atom local part (RFC 5322
// atext and single dots, at most 64 bytes), a domain of labels of letters, digits and inner
// hyphens. No spaces, brackets, quotes, control characters or non-ASCII letters.
bool is_valid_email_address(std::string_view address);

}  // namespace core
