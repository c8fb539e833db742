#pragma once
#include "http/message.h"

#include <string>
#include <vector>

namespace http {

// The client's address: the TCP peer, unless the peer is a trusted proxy, in which case the
// right-most X-Forwarded-For address that is not itself a trusted proxy.
std::string client_ip(const http::Request& request, const std::vector<std::string>& trusted_proxies);

// The unit a per-client limit counts: an IPv4 address as it is; an IPv6 address by its /64
// prefix ("2001:db8:1:2::/64"), since one home or phone connection usually gets a whole /64.
// Anything else (not an address) as it is.
std::string client_group(const std::string& ip);

// True when `ip` equals an entry or falls inside a CIDR entry ("10.0.0.0/8", "::1").
bool ip_in_list(const std::string& ip, const std::vector<std::string>& list);

}  // namespace http
