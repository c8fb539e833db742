#include "http/client_ip.h"

#include <gtest/gtest.h>

namespace http {

namespace {
http::Request from(std::string peer, std::string xff = "") {
  http::Request r;
  r.peer_ip = std::move(peer);
  if (!xff.empty()) r.headers.emplace_back("x-forwarded-for", std::move(xff));
  return r;
}
}  // namespace

TEST(ClientIp, ForwardedForIsIgnoredFromUntrustedPeers) {
  EXPECT_EQ(client_ip(from("198.51.100.7", "1.2.3.4"), {}), "198.51.100.7");
  EXPECT_EQ(client_ip(from("198.51.100.7", "1.2.3.4"), {"127.0.0.1"}), "198.51.100.7");
}

TEST(ClientIp, TrustedProxyGivesTheRightmostUntrustedHop) {
  std::vector<std::string> proxies = {"127.0.0.1", "10.0.0.0/8"};
  EXPECT_EQ(client_ip(from("127.0.0.1", "203.0.113.9"), proxies), "203.0.113.9");
  // A client cannot spoof by prepending: the hop our proxy saw is the right-most untrusted one.
  EXPECT_EQ(client_ip(from("127.0.0.1", "6.6.6.6, 203.0.113.9, 10.1.2.3"), proxies), "203.0.113.9");
  EXPECT_EQ(client_ip(from("127.0.0.1", "garbage"), proxies), "127.0.0.1");
  EXPECT_EQ(client_ip(from("127.0.0.1"), proxies), "127.0.0.1");
}

TEST(ClientIp, CidrMatching) {
  EXPECT_TRUE(ip_in_list("10.20.30.40", {"10.0.0.0/8"}));
  EXPECT_FALSE(ip_in_list("11.0.0.1", {"10.0.0.0/8"}));
  EXPECT_TRUE(ip_in_list("192.168.1.200", {"192.168.1.128/25"}));
  EXPECT_FALSE(ip_in_list("192.168.1.100", {"192.168.1.128/25"}));
  EXPECT_TRUE(ip_in_list("::1", {"::1"}));
  EXPECT_TRUE(ip_in_list("2001:db8::5", {"2001:db8::/32"}));
  EXPECT_FALSE(ip_in_list("10.0.0.1", {"2001:db8::/32"}));
  EXPECT_FALSE(ip_in_list("not-an-ip", {"0.0.0.0/0"}));
  EXPECT_FALSE(ip_in_list("10.0.0.1", {"10.0.0.0/33"}));
}

TEST(ClientIp, GroupsIpv6ClientsByTheirSlash64) {
  EXPECT_EQ(client_group("203.0.113.7"), "203.0.113.7");
  EXPECT_EQ(client_group("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), "2001:db8:1:2::/64");
  EXPECT_EQ(client_group("2001:db8:1:2::1"), client_group("2001:db8:1:2:ffff::9")) << "one /64, one client";
  EXPECT_NE(client_group("2001:db8:1:2::1"), client_group("2001:db8:1:3::1"));
  EXPECT_EQ(client_group("::ffff:198.51.100.1"), "::ffff:198.51.100.1") << "an IPv4 client seen through IPv6";
  EXPECT_EQ(client_group("not-an-ip"), "not-an-ip");
}

}  // namespace http
