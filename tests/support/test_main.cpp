// The test program's entry point: gtest's, except that the program also serves as the confined
// child that core::run_confined() starts (it always starts its own executable), and that new
// password hashes use Argon2id's minimum cost (auth/password.h).
#include "auth/password.h"
#include "core/confined_process.h"

#include <gtest/gtest.h>

int main(int argc, char** argv) {
  if (std::optional<int> status = core::run_confined_task(argc, argv)) return *status;
  auth::set_password_cost(auth::PasswordCost::minimum_for_tests);
  testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
