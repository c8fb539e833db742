#include "learning/bank_views.h"

#include "core/time.h"
#include "core/utf8.h"
#include "learning/question_rules.h"
#include "web/params.h"

#include <algorithm>

namespace learning {

QuestionInput question_input(const http::Form& f) {
  QuestionInput in;
  in.kind = parse_kind(f.get("kind")).value_or(QuestionKind::single);
  in.text = f.get("text");
  if (in.kind == QuestionKind::true_false) {
    const auto answer = f.get("tf_answer");
    in.choices = true_false_choices(answer == kTrue);
    if (answer != kTrue && answer != kFalse) in.choices[1].correct = false;  // none chosen: the rules say so
  } else {
    for (std::size_t i = 0; i < kFormChoices; ++i) {
      const auto label = choice_label(i);
      auto text = core::clean_text(f.get("choice_" + label));
      if (!text.empty()) in.choices.push_back({choice_label(in.choices.size()), text, f.get("correct_" + label) == "1"});
    }
  }
  in.explanation = f.get("explanation");
  in.citations = f.get("citations");
  in.field_slug = f.get("field");
  in.law = f.get("law");
  in.difficulty = static_cast<int>(web::parse_id(f.get("difficulty")).value_or(0));
  in.tags = f.get("tags");
  in.loaded_at = web::parse_id(f.get("loaded_at"));
  return in;
}

QuestionInput input_of(const EditableQuestion& e) {
  const auto& q = e.question;
  QuestionInput in;
  in.kind = q.kind;
  in.text = q.text;
  in.choices = q.choices;
  in.explanation = q.explanation;
  in.citations = e.citations;
  in.field_slug = q.field_slug;
  in.law = q.law;
  in.difficulty = q.difficulty;
  for (const auto& t : q.tags) in.tags += (in.tags.empty() ? "" : ", ") + t;
  in.loaded_at = q.updated_at;
  return in;
}

nlohmann::json bank_list_item_view(const BankListItem& item) {
  return {{"url", "/quan-tri/cau-hoi/" + std::to_string(item.id)},
          {"text", core::utf8_length(item.text) > 160 ? core::utf8_prefix(item.text, 157) + "…" : item.text},
          {"kind", std::string(kind_label(item.kind))},
          {"status", std::string(status_label(item.status))},
          {"status_slug", std::string(status_slug(item.status))},
          {"law", item.law},
          {"difficulty", item.difficulty},
          {"updated", core::format_vn_datetime(item.updated_at)}};
}

nlohmann::json question_form_view(const QuestionInput& in, const std::vector<std::pair<std::string, std::string>>& fields) {
  nlohmann::json kinds = nlohmann::json::array();
  for (auto k : {QuestionKind::single, QuestionKind::multiple, QuestionKind::true_false})
    kinds.push_back({{"slug", std::string(kind_slug(k))}, {"label", std::string(kind_label(k))}, {"selected", k == in.kind}});
  nlohmann::json rows = nlohmann::json::array();
  const bool tf = in.kind == QuestionKind::true_false;
  for (std::size_t i = 0; i < kFormChoices; ++i) {
    const bool filled = !tf && i < in.choices.size();
    rows.push_back({{"label", choice_label(i)}, {"text", filled ? in.choices[i].text : ""}, {"correct", filled && in.choices[i].correct}});
  }
  const bool tf_true = tf && !in.choices.empty() && in.choices[0].correct;
  const bool tf_false = tf && in.choices.size() > 1 && in.choices[1].correct;
  nlohmann::json field_options = nlohmann::json::array();
  for (const auto& [slug, name] : fields) field_options.push_back({{"slug", slug}, {"name", name}, {"selected", slug == in.field_slug}});
  nlohmann::json difficulties = nlohmann::json::array();
  for (auto [level, label] : {std::pair{1, "Dễ"}, std::pair{2, "Trung bình"}, std::pair{3, "Khó"}})
    difficulties.push_back({{"value", level}, {"label", label}, {"selected", level == in.difficulty}});
  return {{"kinds", kinds},       {"text", in.text},         {"choices", rows},          {"tf_true", tf_true},
          {"tf_false", tf_false}, {"explanation", in.explanation}, {"citations", in.citations}, {"fields", field_options},
          {"law", in.law},        {"difficulties", difficulties}, {"tags", in.tags},
          {"loaded_at", in.loaded_at ? nlohmann::json(std::to_string(*in.loaded_at)) : nlohmann::json()}};
}

}  // namespace learning
