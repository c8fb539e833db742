#include "learning/model.h"

#include "core/enum_names.h"

namespace learning {

constexpr auto kKindNames = std::to_array<core::EnumName<QuestionKind>>({
    {QuestionKind::single, "single", "Trắc nghiệm một đáp án"},
    {QuestionKind::multiple, "multiple", "Trắc nghiệm nhiều đáp án"},
    {QuestionKind::true_false, "true_false", "Đúng/Sai"},
});
constexpr auto kStatusNames = std::to_array<core::EnumName<BankStatus>>({
    {BankStatus::draft, "draft", "Bản nháp"},
    {BankStatus::pending, "pending", "Chờ duyệt"},
    {BankStatus::published, "published", "Đã duyệt"},
    {BankStatus::returned, "returned", "Trả lại"},
});

std::string_view kind_slug(QuestionKind k) { return core::slug_of(kKindNames, k, "single"); }
std::string_view kind_label(QuestionKind k) { return core::label_of(kKindNames, k); }
std::optional<QuestionKind> parse_kind(std::string_view slug) { return core::parse_slug(kKindNames, slug); }

std::string_view status_slug(BankStatus s) { return core::slug_of(kStatusNames, s, "draft"); }
std::string_view status_label(BankStatus s) { return core::label_of(kStatusNames, s); }
std::optional<BankStatus> parse_status(std::string_view slug) { return core::parse_slug(kStatusNames, slug); }

std::vector<Choice> true_false_choices(bool is_true) {
  return {{std::string(kTrue), "", is_true}, {std::string(kFalse), "", !is_true}};
}

}  // namespace learning
