#include "outreach/commendation_service.h"

#include "core/time.h"
#include "core/utf8.h"
#include "outreach/reporter_repository.h"
#include "outreach/scope.h"

namespace outreach {

namespace {

core::ServiceError invalid_proposal(std::map<std::string, std::string> problems) {
  return core::ServiceError::invalid("Đề nghị khen thưởng chưa hợp lệ: xem từng mục.", std::move(problems));
}

// The unit and everything below it, for a unit's figures.
std::vector<std::string> unit_and_below(const units::UnitTree& tree, const std::string& unit) {
  std::vector<std::string> out;
  if (tree.contains(unit))
    for (const auto& [u, depth] : tree.walk(unit)) out.push_back(u->code);
  return out;
}

}  // namespace

std::vector<CommendationLine> CommendationService::list(const auth::User& user, std::optional<CommendationStatus> status) {
  if (root_code_.empty()) return {};
  auto c = database_.acquire();
  const auto scope = scope_of(*c, root_code_, user);
  CommendationRepository repo(*c);
  std::vector<CommendationLine> out;
  for (auto& item : repo.list(units_in_view(scope.actor, scope.tree), status)) {
    auto figures = item.for_person && item.reporter_id ? repo.led_by(*item.reporter_id, item.from_date, item.to_date)
                                                       : repo.held_by(unit_and_below(scope.tree, item.unit_code), item.from_date, item.to_date);
    out.push_back({std::move(item), figures});
  }
  return out;
}

std::vector<HonourLine> CommendationService::honoured(int limit) {
  if (root_code_.empty()) return {};
  auto c = database_.acquire();
  const auto tree = units::UnitRegistry::tree(*c, root_code_);
  CommendationRepository repo(*c);
  std::vector<HonourLine> out;
  for (auto& item : repo.awarded(limit)) {
    auto figures = item.for_person && item.reporter_id ? repo.led_by(*item.reporter_id, item.from_date, item.to_date)
                                                       : repo.held_by(unit_and_below(tree, item.unit_code), item.from_date, item.to_date);
    const auto* unit = tree.find(item.unit_code);
    std::string unit_name = unit ? unit->name : item.unit_code;
    out.push_back({std::move(item), figures, std::move(unit_name)});
  }
  return out;
}

Nominees CommendationService::nominees(const auth::User& user) {
  if (root_code_.empty()) return {};
  auto c = database_.acquire();
  auto scope = scope_of(*c, root_code_, user);
  auto units = units_in_view(scope.actor, scope.tree);
  auto people = ReporterRepository(*c).search({units, "", std::nullopt, std::nullopt, true}, 0, 0);
  return {std::move(scope.tree), std::move(units), std::move(people)};
}

core::Result<Commendation> CommendationService::propose(const auth::User& user, const auth::Actor& actor, const CommendationForm& form,
                                                        std::int64_t now) {
  if (root_code_.empty()) return core::fail(province_unconfigured());
  auto c = database_.acquire();
  const auto scope = scope_of(*c, root_code_, user);
  std::map<std::string, std::string> problems;
  Commendation item;
  if (form.nominee.starts_with("unit:")) {
    item.unit_code = form.nominee.substr(5);
  } else if (form.nominee.starts_with("person:") && form.nominee.size() <= 20 &&
             form.nominee.find_first_not_of("0123456789", 7) == std::string::npos && form.nominee.size() > 7) {
    auto person = ReporterRepository(*c).find(std::stoll(form.nominee.substr(7)));
    if (person && person->active()) {
      item.for_person = true;
      item.reporter_id = person->id;
      item.unit_code = person->unit_code;
    }
  }
  if (item.unit_code.empty() || !may_act_on(scope.actor, scope.tree, item.unit_code))
    problems["nominee"] = "Hãy chọn một đơn vị hoặc một báo cáo viên, tuyên truyền viên bạn phụ trách.";
  item.award = core::clean_text(form.award);
  if (item.award.size() < 3 || item.award.size() > 200) problems["award"] = "Ghi hình thức khen thưởng (3 đến 200 ký tự), ví dụ Giấy khen của Giám đốc Sở Tư pháp.";
  item.reason = core::clean_text(form.reason);
  if (item.reason.size() < 10 || item.reason.size() > 2000) problems["reason"] = "Thành tích phải có từ 10 đến 2.000 ký tự.";
  item.from_date = form.from_date;
  item.to_date = form.to_date;
  const auto today = core::format_vn_iso_date(now);
  if (!core::parse_vn_iso_date(form.from_date) || !core::parse_vn_iso_date(form.to_date) || form.from_date > form.to_date || form.to_date > today)
    problems["to_date"] = "Thời gian lập thành tích: từ ngày không sau đến ngày, đến ngày không sau hôm nay.";
  if (!problems.empty()) return core::fail(invalid_proposal(std::move(problems)));
  db::Transaction tx(*c);
  item.id = CommendationRepository(*c).insert(item, actor.user_id, now);
  auth::record_audit(*c, actor, "commendation.propose", "commendation:" + std::to_string(item.id), form.nominee);
  tx.commit();
  item.proposed_at = now;
  return item;
}

core::Result<Commendation> CommendationService::award(const auth::Actor& actor, std::int64_t id, const std::string& decision_number,
                                                      std::int64_t now) {
  const auto number = core::clean_text(decision_number);
  if (number.empty() || number.size() > 50)
    return core::fail(core::ServiceError::invalid("Ghi số quyết định khen thưởng.", {{"decision_number", "Ghi số quyết định khen thưởng (tối đa 50 ký tự)."}}));
  return decide(actor, id, CommendationStatus::awarded, number, "", now);
}

core::Result<Commendation> CommendationService::decline(const auth::Actor& actor, std::int64_t id, const std::string& note, std::int64_t now) {
  const auto why = core::clean_text(note);
  if (why.size() < 3 || why.size() > 1000)
    return core::fail(core::ServiceError::invalid("Ghi lý do không khen thưởng.", {{"decision_note", "Ghi lý do không khen thưởng (3 đến 1.000 ký tự)."}}));
  return decide(actor, id, CommendationStatus::declined, "", why, now);
}

core::Result<Commendation> CommendationService::decide(const auth::Actor& actor, std::int64_t id, CommendationStatus status,
                                                       const std::string& number, const std::string& note, std::int64_t now) {
  auto c = database_.acquire();
  CommendationRepository repo(*c);
  if (!repo.find(id)) return core::fail(core::ServiceError::not_found("Không có đề nghị khen thưởng này."));
  db::Transaction tx(*c);
  if (!repo.decide(id, status, number, note, actor.user_id, now))
    return core::fail(core::ServiceError::conflict("Đề nghị này đã được quyết định."));
  auth::record_audit(*c, actor, status == CommendationStatus::awarded ? "commendation.award" : "commendation.decline",
                     "commendation:" + std::to_string(id), number.empty() ? note : number);
  const auto topic = "commendation:" + std::to_string(id);
  changes_.record(*c, topic);
  tx.commit();
  changes_.notify(topic);
  return *repo.find(id);
}

}  // namespace outreach
