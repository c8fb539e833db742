// The browser's solver (static/pow.js) and the server's verifier agree: node runs pow.js on a
// fresh challenge, with its plain-JS SHA-256 and through WebCrypto, and the C++ side checks both.
#include "antispam/proof_of_work.h"
#include "core/time.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <sys/wait.h>

namespace {

struct Output {
  int status = -1;
  std::string text;
};

Output run(const std::string& command) {
  Output out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return out;
  std::array<char, 256> buf{};
  while (std::fgets(buf.data(), buf.size(), pipe)) out.text += buf.data();
  int status = ::pclose(pipe);
  out.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

TEST(PowJavaScript, NonceFoundByPowJsPassesTheCppVerifier) {
  const std::string source = PHOBIEN_SOURCE_DIR;
  const std::string secret(32, 'j');
  const std::int64_t now = core::now_unix();
  constexpr int kBits = 14;
  const std::string challenge = antispam::pow::issue_challenge(secret, kBits, now);
  // The challenge is [a-z0-9.] only, so it needs no shell quoting.
  auto out = run("node " + source + "/tests/js/pow_solve.cjs " + source + "/static/pow.js " + challenge + " 2>&1");
  // CI has node: a missing one is a failure, never a skip.
  ASSERT_EQ(out.status, 0) << "node failed (is nodejs installed? scripts/install-deps):\n" << out.text;

  auto field = [&](const std::string& name) {
    auto at = out.text.find(name + "=");
    if (at == std::string::npos) return std::string();
    at += name.size() + 1;
    return out.text.substr(at, out.text.find_first_of(" \n", at) - at);
  };
  const std::string js = field("js"), webcrypto = field("webcrypto");
  EXPECT_EQ(antispam::pow::verify(secret, challenge, js, kBits, now + 2), antispam::pow::Result::ok) << out.text;
  EXPECT_EQ(antispam::pow::verify(secret, challenge, webcrypto, kBits, now + 2), antispam::pow::Result::ok) << out.text;
  // Both search 0, 1, 2, ... like the C++ solver, so all three find the same nonce.
  EXPECT_EQ(js, antispam::pow::solve(challenge, kBits).value_or("none"));
  EXPECT_EQ(webcrypto, js);
}

}  // namespace
