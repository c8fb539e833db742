#pragma once
// Bank questions for the back-office templates: the list, and the edit form filled from a stored
// question or from what was posted (so nothing typed is lost when the form comes back with errors).
#include "http/form.h"
#include "learning/bank_editor.h"
#include "learning/bank_repository.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace learning {

// The choice rows the form shows (labels A to H).
inline constexpr std::size_t kFormChoices = 8;

// What the form posted: kind, text, choice_A…choice_H with correct_A…correct_H, tf_answer
// ("Đúng"/"Sai") for true/false, explanation, citations, field, law, difficulty, tags, loaded_at.
// Blank choice rows are dropped and the rest relabelled A, B, … in order.
QuestionInput question_input(const http::Form& f);

nlohmann::json bank_list_item_view(const BankListItem& item);

// The form's fields and choice rows, from a stored question or a posted input.
nlohmann::json question_form_view(const QuestionInput& in, const std::vector<std::pair<std::string, std::string>>& fields);
QuestionInput input_of(const EditableQuestion& e);

}  // namespace learning
