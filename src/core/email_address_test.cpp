#include "core/email_address.h"

#include <gtest/gtest.h>

namespace core {

TEST(EmailAddress, OnlyPlainAsciiAddressesWithoutHeaderTricksPass) {
  for (const char* ok : {"a@b.vn", "nguyen.van.an+tuvan@so-tu-phap.example.gov.vn", "no-reply@localhost", "o'brien@x.org"})
    EXPECT_TRUE(is_valid_email_address(ok)) << ok;
  for (const char* bad : {"", "a", "@b.vn", "a@", "a@b.vn\r\nBcc: x@y.vn", "a@b.vn\n", "a b@c.vn", "a@b c.vn", ".a@b.vn",
                          "a..b@c.vn", "a@-b.vn", "a@b..vn", "<a@b.vn>", "a@b.vn>", "nguyễn@b.vn", "a\"@b.vn", "a@[127.0.0.1]"})
    EXPECT_FALSE(is_valid_email_address(bad)) << bad;
}

}  // namespace core
