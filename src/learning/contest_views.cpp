#include "learning/contest_views.h"

#include "core/time.h"

#include <fmt/format.h>

namespace learning {

std::string contest_state(const Contest& c, std::int64_t now) {
  if (now < c.opens_at()) return "upcoming";
  if (now >= c.closes_at()) return "closed";
  return "open";
}


nlohmann::json contest_json(const Contest& c, std::int64_t now) {
  nlohmann::json rounds = nlohmann::json::array();
  for (const auto& r : c.rounds)
    rounds.push_back({{"number", r.number}, {"opens_at", core::format_rfc3339(r.opens_at)}, {"closes_at", core::format_rfc3339(r.closes_at)}});
  return {{"id", std::to_string(c.id)},
          {"title", c.title},
          {"opens_at", core::format_rfc3339(c.opens_at())},
          {"closes_at", core::format_rfc3339(c.closes_at())},
          {"url", contest_url(c)},
          {"state", contest_state(c, now)},
          {"questions_per_attempt", c.questions_per_attempt},
          {"time_limit_seconds", c.time_limit_seconds},
          {"attempts_per_round", c.attempts_per_round},
          {"prediction_question", c.prediction_question},
          {"rounds", rounds}};
}

nlohmann::json attempt_json(const AttemptView& view, std::int64_t now_ms) {
  const auto& a = view.attempt;
  nlohmann::json questions = nlohmann::json::array();
  for (const auto& q : view.questions) {
    nlohmann::json choices = nlohmann::json::array();
    for (const auto& c : q.choices) choices.push_back({{"label", c.label}, {"text", c.text}});
    questions.push_back({{"id", std::to_string(q.question_id)},
                         {"position", q.position},
                         {"text", q.text},
                         {"kind", kind_slug(q.kind)},
                         {"choices", choices},
                         {"answer", q.answer}});
  }
  nlohmann::json j = {{"attempt_id", std::to_string(a.id)},
                      {"round", a.round_number},
                      {"status", attempt_status_slug(a.status)},
                      {"started_ms", a.started_ms},
                      {"deadline", core::format_rfc3339(a.deadline_ms / 1000)},
                      {"deadline_ms", a.deadline_ms},
                      {"remaining_ms", std::max<std::int64_t>(0, a.deadline_ms - now_ms)},
                      {"questions", questions}};
  if (a.status != AttemptStatus::open) j["result"] = result_json({a.id, a.score(), a.correct, a.total, a.time_ms.value_or(0)});
  return j;
}

nlohmann::json result_json(const AttemptResult& r) {
  return {{"attempt_id", std::to_string(r.attempt_id)}, {"score", r.score}, {"correct", r.correct}, {"total", r.total}, {"time_ms", r.time_ms}};
}

nlohmann::json leaderboard_json(const Leaderboard& board) {
  nlohmann::json people = nlohmann::json::array(), units = nlohmann::json::array();
  for (const auto& p : board.people) {
    nlohmann::json j = {{"rank", p.rank},   {"name", p.name},       {"unit", p.unit_name}, {"identity", p.identity_masked},
                        {"score", p.score()}, {"correct", p.correct}, {"total", p.total},     {"time_ms", p.time_ms}};
    j["prediction"] = p.prediction ? nlohmann::json(*p.prediction) : nlohmann::json();
    j["faster_than_reading"] = p.faster_than_reading();
    people.push_back(std::move(j));
  }
  for (const auto& u : board.units)
    units.push_back({{"unit_code", u.unit_code},
                     {"unit", u.unit_name},
                     {"participants", u.participants},
                     {"attempts", u.attempts},
                     {"average_score", u.average_score},
                     {"full_marks", u.full_marks}});
  return {{"round", board.round_number}, {"full_marks", board.full_marks}, {"people", people}, {"units", units}};
}

nlohmann::json leaderboard_page_view(const Leaderboard& board) {
  auto j = leaderboard_json(board);
  for (auto& p : j["people"]) p["time"] = core::format_vn_duration(p["time_ms"].get<std::int64_t>());
  for (auto& u : j["units"]) u["average"] = fmt::format("{:.1f}", u["average_score"].get<double>());
  return j;
}

std::vector<core::Table> results_tables(const Leaderboard& board) {
  core::Table people{fmt::format("Vòng {} - cá nhân", board.round_number),
                     {"Hạng", "Họ và tên", "Năm sinh", "Đơn vị", "Số giấy tờ (đã che)", "Điểm", "Số câu đúng", "Số câu",
                      "Thời gian làm bài (giây)", "Dự đoán", "Nộp lúc", "Nhanh hơn thời gian đọc đề"},
                     {}};
  for (const auto& p : board.people)
    people.rows.push_back({std::int64_t(p.rank), p.name, std::int64_t(p.birth_year), p.unit_name, p.identity_masked,
                           std::int64_t(p.score()), std::int64_t(p.correct), std::int64_t(p.total), p.time_ms / 1000.0,
                           p.prediction ? core::Cell(*p.prediction) : core::Cell(), core::format_vn_datetime(p.finished_ms / 1000),
                           p.faster_than_reading() ? core::Cell(std::string("Có")) : core::Cell()});
  core::Table units{fmt::format("Vòng {} - theo tỉnh", board.round_number),
                    {"Mã", "Tỉnh, thành phố", "Người dự thi", "Lượt thi", "Điểm trung bình", "Đúng tất cả"},
                    {}};
  for (const auto& u : board.units)
    units.rows.push_back({u.unit_code, u.unit_name, u.participants, u.attempts, u.average_score, u.full_marks});
  return {people, units};
}

nlohmann::json contest_page_view(const Contest& c, std::int64_t now) {
  nlohmann::json rounds = nlohmann::json::array();
  const ContestRound* open = c.round_at(now);
  for (const auto& r : c.rounds)
    rounds.push_back({{"number", r.number},
                      {"opens", core::format_vn_datetime(r.opens_at)},
                      {"closes", core::format_vn_datetime(r.closes_at)},
                      {"open", open && open->id == r.id}});
  const auto state = contest_state(c, now);
  return {{"id", c.id},
          {"slug", c.slug},
          {"title", c.title},
          {"description", c.description},
          {"url", contest_url(c)},
          {"opens", core::format_vn_datetime(c.opens_at())},
          {"closes", core::format_vn_datetime(c.closes_at())},
          {"is_open", state == "open"},
          {"is_upcoming", state == "upcoming"},
          {"is_closed", state == "closed"},
          {"questions", c.questions_per_attempt},
          {"minutes", c.time_limit_seconds / 60},
          {"attempts_per_round", c.attempts_per_round},
          {"prediction_question", c.prediction_question},
          {"several_rounds", c.rounds.size() > 1},
          {"rounds", rounds}};
}

}  // namespace learning
