#pragma once
// What a question asks for, against what a clause says (issue 14: the clause that answers).
// "bao nhiêu ngày", "mấy tuổi", "tối đa bao lâu" ask for a quantity, which clauses state with a
// number and a unit ("45 ngày", "đủ 18 tuổi", "không quá 50%"); "có được … không", "có phải …
// không", "có quyền … không" ask for a permission or a duty, which clauses state with "được",
// "không được", "có quyền", "phải", "nghiêm cấm". Pure.
#include <string_view>

namespace answer {

struct QuestionForm {
  bool asks_quantity = false;
  bool asks_permission = false;
};

QuestionForm question_form(std::string_view question);

// A number with a unit of time, age, money, share or count.
bool states_quantity(std::string_view clause);
// A permission, a prohibition or a duty.
bool states_permission(std::string_view clause);

}  // namespace answer
