#include "learning/contests.h"

#include "core/random.h"
#include "core/utf8.h"
#include "db/group_commit.h"
#include "learning/contest_repository.h"
#include "learning/contest_rules.h"
#include "learning/question_draw.h"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <set>

namespace learning {

namespace {

constexpr std::int64_t kSecondMs = 1000;

int current_year(std::int64_t now) {
  std::time_t t = static_cast<std::time_t>(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return tm.tm_year + 1900;
}

// Questions as the participant sees them: the answer key removed.
std::vector<AttemptQuestion> without_key(std::vector<AttemptQuestion> questions) {
  for (auto& q : questions)
    for (auto& c : q.choices) c.correct = false;
  return questions;
}

int count_correct(const std::vector<AttemptQuestion>& keyed) {
  int correct = 0;
  for (const auto& q : keyed) correct += is_correct(q.answer, q.choices) ? 1 : 0;
  return correct;
}

core::ServiceError deadline_passed() {
  return core::ServiceError::conflict("Đã hết thời gian làm bài: bài thi được chấm theo các câu trả lời đã lưu.");
}

}  // namespace

ContestService::ContestService(db::Database& database, units::UnitRegistry& units, std::string identity_key)
    : database_(database), units_(units), identity_key_(std::move(identity_key)), commits_(std::make_unique<db::GroupCommit>(database)) {}

ContestService::~ContestService() = default;

std::string ContestService::identity_hash(std::int64_t contest_id, const std::string& kind, const std::string& digits) const {
  return core::hmac_sha256_hex(identity_key_, fmt::format("contest-identity:{}:{}:{}", contest_id, kind, digits));
}

core::Result<Contest> ContestService::create(Contest contest, const auth::Actor& actor, std::int64_t now) {
  if (auto problems = contest_problems(contest); !problems.empty())
    return core::fail(core::ServiceError::invalid("Cuộc thi chưa hợp lệ: " + problems.begin()->second, problems));
  auto c = database_.acquire();
  db::Transaction tx(*c);
  ContestRepository repo(*c);
  if (!draw_questions(repo, contest.quotas))
    return core::fail(core::ServiceError::invalid(
        "Ngân hàng câu hỏi chưa đủ câu đã duyệt cho các nhóm câu hỏi của cuộc thi.",
        {{"quotas", "Ngân hàng câu hỏi chưa đủ câu đã duyệt cho các nhóm câu hỏi này."}}));
  auto base = core::slugify(contest.title);
  if (base.empty()) base = "cuoc-thi";
  contest.slug = core::first_free_slug(base, repo.slugs_starting(base));
  contest.id = repo.insert_contest(contest, actor.user_id, now);
  auth::record_audit(*c, actor, "contest.create", "contest:" + std::to_string(contest.id), contest.title);
  tx.commit();
  return *repo.find_contest(contest.id);
}

std::optional<Contest> ContestService::find(std::int64_t id) {
  auto c = database_.acquire();
  return ContestRepository(*c).find_contest(id);
}

std::optional<Contest> ContestService::find_by_slug(const std::string& slug) {
  auto c = database_.acquire();
  return ContestRepository(*c).find_contest_by_slug(slug);
}

std::vector<Contest> ContestService::listed(std::int64_t now, int closed_days) {
  auto c = database_.acquire();
  return ContestRepository(*c).contests_closing_after(now + 1 - std::int64_t(closed_days) * 86400);
}

core::Result<RegistrationReceipt> ContestService::register_participant(std::int64_t contest_id, const Registration& in,
                                                                       std::int64_t now) {
  auto contest = find(contest_id);
  if (!contest) return core::fail(core::ServiceError::not_found("Không có cuộc thi này."));
  if (now >= contest->closes_at()) return core::fail(core::ServiceError::conflict("Cuộc thi đã kết thúc."));
  std::map<std::string, std::string> problems;
  Participant p;
  p.contest_id = contest_id;
  p.name = core::clean_text(core::is_valid_utf8(in.name) ? core::nfc(in.name) : "");
  if (core::utf8_length(p.name) < 2 || core::utf8_length(p.name) > 100) problems["name"] = "Họ và tên phải có từ 2 đến 100 ký tự.";
  const int year_now = current_year(now);
  const auto year = core::clean_text(in.birth_year);
  if (year.size() != 4 || year.find_first_not_of("0123456789") != std::string::npos || std::stoi(year) < year_now - 120 ||
      std::stoi(year) > year_now - 6)
    problems["birth_year"] = fmt::format("Năm sinh là bốn chữ số, từ {} đến {}.", year_now - 120, year_now - 6);
  else
    p.birth_year = std::stoi(year);
  if (in.unit_code.size() > 16 || !units_.find(in.unit_code)) problems["unit_code"] = "Hãy chọn đơn vị hành chính nơi bạn sinh sống hoặc công tác.";
  else p.unit_code = in.unit_code;
  std::optional<std::string> digits;
  if (!in.phone.empty() && !in.citizen_id.empty()) {
    problems["phone"] = "Chỉ cần một trong hai: số điện thoại hoặc số căn cước.";
  } else if (!in.citizen_id.empty()) {
    p.identity_kind = IdentityKind::citizen_id;
    if (!(digits = normalize_citizen_id(in.citizen_id))) problems["citizen_id"] = "Số căn cước gồm 12 chữ số (CMND cũ: 9 chữ số).";
  } else if (!(digits = normalize_phone(in.phone))) {
    problems["phone"] = in.phone.empty() ? "Hãy nhập số điện thoại hoặc số căn cước." : "Số điện thoại gồm 10 chữ số, bắt đầu bằng 0.";
  }
  if (!problems.empty()) return core::fail(core::ServiceError::invalid("Thông tin đăng ký chưa hợp lệ.", problems));
  p.identity_masked = mask_identity(*digits);
  const std::string kind = p.identity_kind == IdentityKind::citizen_id ? "citizen_id" : "phone";
  RegistrationReceipt receipt;
  receipt.token = core::random_token(32);
  auto c = database_.acquire();
  auto id = ContestRepository(*c).insert_participant(p, identity_hash(contest_id, kind, *digits), core::sha256_hex(receipt.token), now);
  if (!id)
    return core::fail(core::ServiceError::conflict(p.identity_kind == IdentityKind::citizen_id
                                                       ? "Số căn cước này đã đăng ký dự thi cuộc thi này."
                                                       : "Số điện thoại này đã đăng ký dự thi cuộc thi này."));
  p.id = *id;
  receipt.participant = std::move(p);
  return receipt;
}

std::optional<Participant> ContestService::participant(const std::string& token) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  auto c = database_.acquire();
  return ContestRepository(*c).participant_by_token_hash(core::sha256_hex(token));
}

core::Result<AttemptView> ContestService::start_attempt(const Participant& p, std::int64_t now_ms) {
  auto c = database_.acquire();
  db::Transaction tx(*c);
  ContestRepository repo(*c);
  if (auto open = repo.open_attempt(p.id); open && now_ms <= open->deadline_ms + kDeadlineGraceMs)
    return AttemptView{*open, without_key(repo.attempt_questions(open->id))};
  auto contest = repo.find_contest(p.contest_id);
  if (!contest) return core::fail(core::ServiceError::not_found("Không có cuộc thi này."));
  const ContestRound* round = contest->round_at(now_ms / kSecondMs);
  if (!round) {
    if (now_ms / kSecondMs < contest->opens_at())
      return core::fail(core::ServiceError::conflict("Cuộc thi chưa mở: hãy quay lại khi vòng thi bắt đầu."));
    return core::fail(core::ServiceError::conflict("Hiện không có vòng thi nào đang mở."));
  }
  const int used = repo.attempts_in_round(p.id, round->id);
  if (used >= contest->attempts_per_round)
    return core::fail(core::ServiceError::conflict(
        fmt::format("Bạn đã dùng hết {} lượt thi của vòng {}.", contest->attempts_per_round, round->number)));
  auto drawn = draw_questions(repo, contest->quotas);
  if (!drawn)
    return core::fail(core::ServiceError::unavailable(
        "bank_exhausted", "Ngân hàng câu hỏi tạm thời không đủ câu cho cuộc thi; xin thử lại sau ít phút."));
  Attempt a;
  a.participant_id = p.id;
  a.contest_id = contest->id;
  a.round_id = round->id;
  a.round_number = round->number;
  a.started_ms = now_ms;
  // The deadline never runs past the round's close.
  a.deadline_ms = std::min(now_ms + std::int64_t(contest->time_limit_seconds) * kSecondMs, round->closes_at * kSecondMs);
  a.total = static_cast<int>(drawn->size());
  auto id = repo.insert_attempt(a, used + 1, *drawn);
  if (!id) return core::fail(core::ServiceError::conflict("Lượt thi này vừa được bắt đầu ở một cửa sổ khác: hãy tải lại trang."));
  a.id = *id;
  auto questions = without_key(repo.attempt_questions(a.id));
  tx.commit();
  return AttemptView{a, std::move(questions)};
}

core::Result<AttemptView> ContestService::attempt(const Participant& p, std::int64_t attempt_id) {
  auto c = database_.acquire();
  ContestRepository repo(*c);
  auto a = repo.find_attempt(attempt_id);
  if (!a || a->participant_id != p.id) return core::fail(core::ServiceError::not_found("Không có bài thi này."));
  return AttemptView{*a, without_key(repo.attempt_questions(a->id))};
}

core::Result<void> ContestService::save_answer(const Participant& p, std::int64_t attempt_id, std::int64_t question_id,
                                               const std::vector<std::string>& labels, std::int64_t now_ms) {
  return commits_->run([&](db::Connection& c) -> core::Result<void> {
    ContestRepository repo(c);
    auto a = repo.find_attempt(attempt_id);
    if (!a || a->participant_id != p.id) return core::fail(core::ServiceError::not_found("Không có bài thi này."));
    if (a->status != AttemptStatus::open) return core::fail(core::ServiceError::conflict("Bài thi đã nộp: không sửa được câu trả lời."));
    if (now_ms > a->deadline_ms + kDeadlineGraceMs) return core::fail(deadline_passed());
    const auto questions = repo.attempt_questions(a->id);
    auto q = std::find_if(questions.begin(), questions.end(), [&](const AttemptQuestion& x) { return x.question_id == question_id; });
    if (q == questions.end()) return core::fail(core::ServiceError::not_found("Câu hỏi này không có trong bài thi."));
    auto answer = checked_answer(labels, q->kind, q->choices);
    if (!answer) return core::fail(answer.error());
    repo.save_answer(a->id, question_id, join_answer(*answer), now_ms);
    return {};
  });
}

core::Result<AttemptResult> ContestService::submit(const Participant& p, std::int64_t attempt_id, std::optional<std::int64_t> prediction,
                                                   std::int64_t now_ms) {
  if (prediction && (*prediction < 0 || *prediction > 100000000))
    return core::fail(core::ServiceError::invalid("Số dự đoán phải là số nguyên từ 0 đến 100.000.000.",
                                                  {{"prediction", "Số dự đoán không hợp lệ."}}));
  return commits_->run([&](db::Connection& c) -> core::Result<AttemptResult> {
    ContestRepository repo(c);
    auto a = repo.find_attempt(attempt_id);
    if (!a || a->participant_id != p.id) return core::fail(core::ServiceError::not_found("Không có bài thi này."));
    if (a->status != AttemptStatus::open) return core::fail(core::ServiceError::conflict("Bài thi này đã được nộp."));
    const bool late = now_ms > a->deadline_ms + kDeadlineGraceMs;
    a->correct = count_correct(repo.attempt_questions(a->id));
    a->status = late ? AttemptStatus::expired : AttemptStatus::submitted;
    a->finished_ms = late ? a->deadline_ms : now_ms;
    a->time_ms = std::min(*a->finished_ms, a->deadline_ms) - a->started_ms;
    if (!late) a->prediction = prediction;
    if (!repo.finish_attempt(*a)) return core::fail(core::ServiceError::conflict("Bài thi này đã được nộp."));
    if (late) return core::fail(deadline_passed());  // closed as expired, scored as saved: committed all the same
    return AttemptResult{a->id, a->score(), a->correct, a->total, *a->time_ms};
  });
}

int ContestService::expire_overdue(std::int64_t now_ms) {
  auto c = database_.acquire();
  ContestRepository repo(*c);
  int expired = 0;
  for (auto id : repo.overdue_attempts(now_ms - kDeadlineGraceMs, 500)) {
    db::Transaction tx(*c);
    auto a = repo.find_attempt(id);
    if (!a || a->status != AttemptStatus::open) continue;
    a->correct = count_correct(repo.attempt_questions(id));
    a->status = AttemptStatus::expired;
    a->finished_ms = a->deadline_ms;
    a->time_ms = a->deadline_ms - a->started_ms;
    if (repo.finish_attempt(*a)) ++expired;  // another node may have closed it first
    tx.commit();
  }
  return expired;
}

core::Result<Leaderboard> ContestService::leaderboard(const Contest& contest, int round_number, int limit, std::int64_t now) {
  const ContestRound* round = nullptr;
  for (const auto& r : contest.rounds)
    if (round_number == 0 ? (r.opens_at <= now || !round) : r.number == round_number) round = &r;  // rounds are in order
  if (!round) return core::fail(core::ServiceError::not_found("Cuộc thi không có vòng này."));
  auto c = database_.acquire();
  ContestRepository repo(*c);
  Leaderboard board;
  board.round_number = round->number;
  board.full_marks = repo.full_marks(round->id);
  board.people = repo.people_standings(round->id, board.full_marks, limit);
  board.units = repo.unit_standings(round->id);
  return board;
}

}  // namespace learning
