#include "learning/contest_repository.h"

#include "core/strings.h"
#include "db/rows.h"

#include <map>

namespace learning {

namespace {

constexpr const char* kContestColumns =
    "id, slug, title, description, questions_per_attempt, time_limit_seconds, attempts_per_round, prediction_question";

Contest contest_from_row(const db::Row& r) {
  Contest c;
  db::read_row(r, c.id, c.slug, c.title, c.description, c.questions_per_attempt, c.time_limit_seconds, c.attempts_per_round,
               c.prediction_question);
  return c;
}

constexpr const char* kParticipantColumns = "id, contest_id, name, birth_year, unit_code, identity_kind, identity_masked";

Participant participant_from_row(const db::Row& r) {
  Participant p;
  std::string kind;
  db::read_row(r, p.id, p.contest_id, p.name, p.birth_year, p.unit_code, kind, p.identity_masked);
  p.identity_kind = kind == "citizen_id" ? IdentityKind::citizen_id : IdentityKind::phone;
  return p;
}

constexpr const char* kAttemptColumns =
    "a.id, a.participant_id, r.contest_id, a.round_id, r.number, a.status, a.started_ms, a.deadline_ms, a.finished_ms, "
    "a.prediction, a.correct, a.total, a.time_ms FROM contest_attempts a JOIN contest_rounds r ON r.id = a.round_id";

Attempt attempt_from_row(const db::Row& r) {
  Attempt a;
  std::string status;
  db::read_row(r, a.id, a.participant_id, a.contest_id, a.round_id, a.round_number, status, a.started_ms, a.deadline_ms,
               a.finished_ms, a.prediction, a.correct, a.total, a.time_ms);
  a.status = parse_attempt_status(status).value_or(AttemptStatus::open);
  return a;
}

// The province a unit counts for: itself, or its parent.
constexpr const char* kProvinceOfUnit = "CASE WHEN u.level = 'province' THEN u.code ELSE u.parent_code END";

}  // namespace

std::vector<std::string> ContestRepository::slugs_starting(const std::string& base) {
  // Slugs are [a-z0-9-] (core::slugify): nothing in `base` is a LIKE wildcard.
  return db::map_rows(c_.query("SELECT slug FROM contests WHERE slug = ? OR slug LIKE ?", {base, base + "-%"}),
                      [](const db::Row& r) { return r.text(0); });
}

std::int64_t ContestRepository::insert_contest(const Contest& contest, std::optional<std::int64_t> created_by, std::int64_t now) {
  const auto id = c_.query_int(
      "INSERT INTO contests (slug, title, description, questions_per_attempt, time_limit_seconds, attempts_per_round, "
      "prediction_question, status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'published', ?, ?, ?) RETURNING id",
      {contest.slug, contest.title, contest.description, std::int64_t(contest.questions_per_attempt),
       std::int64_t(contest.time_limit_seconds), std::int64_t(contest.attempts_per_round), contest.prediction_question,
       db::opt(created_by), now, now});
  for (const auto& r : contest.rounds)
    c_.execute("INSERT INTO contest_rounds (contest_id, number, opens_at, closes_at) VALUES (?, ?, ?, ?)",
               {id, std::int64_t(r.number), r.opens_at, r.closes_at});
  for (std::size_t i = 0; i < contest.quotas.size(); ++i) {
    const auto& q = contest.quotas[i];
    c_.execute("INSERT INTO contest_quotas (contest_id, position, tag, law, kind, difficulty, count) VALUES (?, ?, ?, ?, ?, ?, ?)",
               {id, std::int64_t(i), q.tag, q.law, q.kind, std::int64_t(q.difficulty), std::int64_t(q.count)});
  }
  return id;
}

void ContestRepository::load_parts(Contest& contest) {
  contest.rounds = db::map_rows(
      c_.query("SELECT id, number, opens_at, closes_at FROM contest_rounds WHERE contest_id = ? ORDER BY number", {contest.id}),
      [](const db::Row& r) {
        ContestRound round;
        db::read_row(r, round.id, round.number, round.opens_at, round.closes_at);
        return round;
      });
  contest.quotas = db::map_rows(
      c_.query("SELECT tag, law, kind, difficulty, count FROM contest_quotas WHERE contest_id = ? ORDER BY position", {contest.id}),
      [](const db::Row& r) {
        Quota q;
        db::read_row(r, q.tag, q.law, q.kind, q.difficulty, q.count);
        return q;
      });
}

std::optional<Contest> ContestRepository::find_contest(std::int64_t id) {
  auto contest = db::map_row(
      c_.query_one(std::string("SELECT ") + kContestColumns + " FROM contests WHERE id = ? AND status = 'published'", {id}),
      contest_from_row);
  if (contest) load_parts(*contest);
  return contest;
}

std::optional<Contest> ContestRepository::find_contest_by_slug(const std::string& slug) {
  auto contest = db::map_row(
      c_.query_one(std::string("SELECT ") + kContestColumns + " FROM contests WHERE slug = ? AND status = 'published'", {slug}),
      contest_from_row);
  if (contest) load_parts(*contest);
  return contest;
}

std::vector<Contest> ContestRepository::contests_closing_after(std::int64_t closes_after) {
  auto contests = db::map_rows(
      c_.query(std::string("SELECT ") + kContestColumns +
                   " FROM contests c WHERE status = 'published' AND (SELECT MAX(closes_at) FROM contest_rounds r WHERE r.contest_id = "
                   "c.id) >= ? ORDER BY (SELECT MIN(opens_at) FROM contest_rounds r WHERE r.contest_id = c.id), id",
               {closes_after}),
      contest_from_row);
  for (auto& c : contests) load_parts(c);
  return contests;
}

std::vector<DrawableQuestion> ContestRepository::drawable_questions(const Quota& quota) {
  return db::map_rows(c_.query("SELECT id, tags FROM bank_questions WHERE status = 'published' AND (? = '' OR kind = ?) "
                               "AND (? = 0 OR difficulty = ?) AND (? = '' OR law = ?) ORDER BY id",
                               {quota.kind, quota.kind, std::int64_t(quota.difficulty), std::int64_t(quota.difficulty), quota.law,
                                quota.law}),
                      [](const db::Row& r) { return DrawableQuestion{r.int64(0), core::split_clean(r.text(1), ',')}; });
}

std::vector<std::pair<std::int64_t, std::string>> ContestRepository::question_texts(const std::set<std::int64_t>& ids) {
  std::vector<std::pair<std::int64_t, std::string>> out;
  for (const auto& r : c_.query("SELECT id, text FROM bank_questions WHERE status = 'published'"))
    if (ids.count(r.int64(0))) out.emplace_back(r.int64(0), r.text(1));
  return out;
}

std::optional<std::int64_t> ContestRepository::insert_participant(const Participant& p, const std::string& identity_hash,
                                                                  const std::string& token_hash, std::int64_t now) {
  auto row = c_.query_one(
      "INSERT INTO contest_participants (contest_id, name, birth_year, unit_code, identity_kind, identity_hash, identity_masked, "
      "token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (contest_id, identity_hash) DO NOTHING RETURNING id",
      {p.contest_id, p.name, std::int64_t(p.birth_year), p.unit_code,
       std::string(p.identity_kind == IdentityKind::citizen_id ? "citizen_id" : "phone"), identity_hash, p.identity_masked, token_hash,
       now});
  if (!row) return std::nullopt;
  return row->int64(0);
}

std::optional<Participant> ContestRepository::participant_by_token_hash(const std::string& token_hash) {
  return db::map_row(
      c_.query_one(std::string("SELECT ") + kParticipantColumns + " FROM contest_participants WHERE token_hash = ?", {token_hash}),
      participant_from_row);
}

std::optional<Participant> ContestRepository::find_participant(std::int64_t id) {
  return db::map_row(c_.query_one(std::string("SELECT ") + kParticipantColumns + " FROM contest_participants WHERE id = ?", {id}),
                     participant_from_row);
}

std::optional<Attempt> ContestRepository::find_attempt(std::int64_t id) {
  return db::map_row(c_.query_one(std::string("SELECT ") + kAttemptColumns + " WHERE a.id = ?", {id}), attempt_from_row);
}

std::optional<Attempt> ContestRepository::open_attempt(std::int64_t participant_id) {
  return db::map_row(c_.query_one(std::string("SELECT ") + kAttemptColumns +
                                      " WHERE a.participant_id = ? AND a.status = 'open' ORDER BY a.id DESC LIMIT 1",
                                  {participant_id}),
                     attempt_from_row);
}

int ContestRepository::attempts_in_round(std::int64_t participant_id, std::int64_t round_id) {
  return static_cast<int>(c_.query_int("SELECT COUNT(*) FROM contest_attempts WHERE participant_id = ? AND round_id = ?",
                                       {participant_id, round_id}));
}

std::optional<std::int64_t> ContestRepository::insert_attempt(const Attempt& a, int number,
                                                              const std::vector<std::int64_t>& question_ids) {
  auto row = c_.query_one(
      "INSERT INTO contest_attempts (participant_id, round_id, number, status, started_ms, deadline_ms, total) "
      "VALUES (?, ?, ?, 'open', ?, ?, ?) ON CONFLICT (participant_id, round_id, number) DO NOTHING RETURNING id",
      {a.participant_id, a.round_id, std::int64_t(number), a.started_ms, a.deadline_ms, std::int64_t(question_ids.size())});
  if (!row) return std::nullopt;
  const auto id = row->int64(0);
  for (std::size_t i = 0; i < question_ids.size(); ++i)
    c_.execute("INSERT INTO attempt_questions (attempt_id, position, question_id) VALUES (?, ?, ?)",
               {id, std::int64_t(i + 1), question_ids[i]});
  return id;
}

std::vector<AttemptQuestion> ContestRepository::attempt_questions(std::int64_t attempt_id) {
  auto questions = db::map_rows(
      c_.query("SELECT aq.position, aq.question_id, q.kind, q.text, aq.answer FROM attempt_questions aq "
               "JOIN bank_questions q ON q.id = aq.question_id WHERE aq.attempt_id = ? ORDER BY aq.position",
               {attempt_id}),
      [](const db::Row& r) {
        AttemptQuestion q;
        std::string kind, answer;
        db::read_row(r, q.position, q.question_id, kind, q.text, answer);
        q.kind = parse_kind(kind).value_or(QuestionKind::single);
        if (!answer.empty())
          for (auto& label : core::split_clean(answer, ',')) q.answer.push_back(std::move(label));
        return q;
      });
  std::map<std::int64_t, std::vector<Choice>> choices;
  for (const auto& r : c_.query("SELECT c.question_id, c.label, c.text, c.correct FROM bank_choices c "
                                "JOIN attempt_questions aq ON aq.question_id = c.question_id AND aq.attempt_id = ? "
                                "ORDER BY c.question_id, c.position",
                                {attempt_id})) {
    Choice c;
    std::int64_t question_id = 0;
    db::read_row(r, question_id, c.label, c.text, c.correct);
    choices[question_id].push_back(std::move(c));
  }
  for (auto& q : questions) q.choices = choices[q.question_id];
  return questions;
}

bool ContestRepository::save_answer(std::int64_t attempt_id, std::int64_t question_id, const std::string& stored,
                                    std::int64_t now_ms) {
  return c_.execute("UPDATE attempt_questions SET answer = ?, answered_ms = ? WHERE attempt_id = ? AND question_id = ?",
                    {stored, now_ms, attempt_id, question_id}) > 0;
}

bool ContestRepository::finish_attempt(const Attempt& a) {
  return c_.execute(
             "UPDATE contest_attempts SET status = ?, finished_ms = ?, prediction = ?, correct = ?, time_ms = ? "
             "WHERE id = ? AND status = 'open'",
             {std::string(attempt_status_slug(a.status)), db::opt(a.finished_ms), db::opt(a.prediction), std::int64_t(a.correct),
              db::opt(a.time_ms), a.id}) > 0;
}

std::vector<std::int64_t> ContestRepository::overdue_attempts(std::int64_t now_ms, int limit) {
  return db::map_rows(c_.query("SELECT id FROM contest_attempts WHERE status = 'open' AND deadline_ms < ? ORDER BY deadline_ms LIMIT ?",
                               {now_ms, std::int64_t(limit)}),
                      [](const db::Row& r) { return r.int64(0); });
}

std::int64_t ContestRepository::full_marks(std::int64_t round_id) {
  return c_.query_int(
      "SELECT COUNT(DISTINCT participant_id) FROM contest_attempts WHERE round_id = ? AND status <> 'open' AND correct = total",
      {round_id});
}

std::vector<PersonStanding> ContestRepository::people_standings(std::int64_t round_id, std::int64_t full_marks, int limit) {
  // Each person's best attempt by the ranking's own order, then the ranking.
  auto order = [](const std::string& t) {
    return t + "correct DESC, " + t + "time_ms, CASE WHEN " + t + "prediction IS NULL THEN 1 ELSE 0 END, ABS(COALESCE(" + t +
           "prediction, 0) - ?), " + t + "finished_ms, " + t + "id";
  };
  auto rows = c_.query(
      "SELECT b.participant_id, p.name, p.birth_year, p.identity_masked, u.name, COALESCE(pu.name, ''), b.correct, b.total, b.time_ms, "
      "b.prediction, b.finished_ms "
      "FROM (SELECT a.*, ROW_NUMBER() OVER (PARTITION BY a.participant_id ORDER BY " + order("a.") + ") AS best "
      "      FROM contest_attempts a WHERE a.round_id = ? AND a.status <> 'open') b "
      "JOIN contest_participants p ON p.id = b.participant_id JOIN admin_units u ON u.code = p.unit_code "
      "LEFT JOIN admin_units pu ON pu.code = u.parent_code WHERE b.best = 1 ORDER BY " + order("b.") + " LIMIT ?",
      {full_marks, round_id, full_marks, std::int64_t(limit)});
  std::vector<PersonStanding> out;
  for (const auto& r : rows) {
    PersonStanding s;
    std::string unit, province;
    db::read_row(r, s.participant_id, s.name, s.birth_year, s.identity_masked, unit, province, s.correct, s.total, s.time_ms,
                 s.prediction, s.finished_ms);
    s.unit_name = province.empty() ? unit : unit + ", " + province;
    s.rank = static_cast<int>(out.size()) + 1;
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<UnitStanding> ContestRepository::unit_standings(std::int64_t round_id) {
  auto rows = c_.query(std::string("SELECT pv.code, pv.name, COUNT(DISTINCT p.id), COUNT(a.id), ") +
                           "CAST(COALESCE(AVG(a.correct), 0) AS DOUBLE PRECISION), COUNT(DISTINCT CASE WHEN a.correct = a.total THEN p.id END) "
                           "FROM contest_attempts a JOIN contest_participants p ON p.id = a.participant_id "
                           "JOIN admin_units u ON u.code = p.unit_code JOIN admin_units pv ON pv.code = " +
                           kProvinceOfUnit +
                           " WHERE a.round_id = ? AND a.status <> 'open' GROUP BY pv.code, pv.name "
                           "ORDER BY COUNT(DISTINCT p.id) DESC, AVG(a.correct) DESC, pv.code",
                       {round_id});
  std::vector<UnitStanding> out;
  for (const auto& r : rows) {
    UnitStanding s;
    double average_correct = 0;
    s.unit_code = r.text(0);
    s.unit_name = r.text(1);
    s.participants = r.int64(2);
    s.attempts = r.int64(3);
    average_correct = r.real(4);
    s.full_marks = r.int64(5);
    s.average_score = average_correct * kPointsPerQuestion;
    out.push_back(std::move(s));
  }
  return out;
}

std::map<std::string, std::int64_t> ContestRepository::participants_by_unit(std::int64_t from, std::int64_t to) {
  std::map<std::string, std::int64_t> out;
  for (const auto& r : c_.query("SELECT unit_code, COUNT(*) FROM contest_participants WHERE created_at >= ? AND created_at < ? GROUP BY unit_code", {from, to}))
    out[r.text(0)] = r.int64(1);
  return out;
}

}  // namespace learning
