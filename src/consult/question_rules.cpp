#include "consult/question_rules.h"

#include "consult/permissions.h"

#include "auth/role.h"

#include <fmt/format.h>
#include <sodium.h>

namespace consult {

bool is_moderator(const auth::User& u) { return perm::moderate_questions.allows(u.role); }

std::string length_error(const char* what, std::size_t min, std::size_t max) {
  return fmt::format("{} cần từ {} đến {} ký tự.", what, min, max);
}

core::ServiceError length_refusal(const char* field, const char* what, std::size_t min, std::size_t max) {
  return core::ServiceError::invalid(length_error(what, min, max), {{field, length_error(what, min, max)}});
}

std::string make_tracking_code() {
  static constexpr char kAlphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";  // no 0/O, 1/I
  std::string code = "TV-";
  for (int i = 0; i < 8; ++i) code += kAlphabet[randombytes_uniform(sizeof(kAlphabet) - 1)];
  return code;
}

}  // namespace consult
