#pragma once
// Verification codes of certificates: ten characters of Crockford's base 32 (digits and capital
// letters without I, L, O, U: nothing to misread on paper), 50 random bits, so codes cannot be
// guessed or enumerated. Stored bare ("7K3MQ9XD2F"), printed in two groups ("7K3MQ-9XD2F").
#include <optional>
#include <string>
#include <string_view>

namespace learning {

constexpr std::size_t kCertificateCodeLength = 10;

// A new random code (libsodium's generator).
std::string new_certificate_code();

// The stored form of a code as a person types it: case, spaces and dashes do not matter, and O,
// I and L are read as 0, 1 and 1. Nothing when it cannot be a code.
std::optional<std::string> normalize_certificate_code(std::string_view typed);

// "7K3MQ-9XD2F" for "7K3MQ9XD2F".
std::string display_certificate_code(const std::string& code);

}  // namespace learning
