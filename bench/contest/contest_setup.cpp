// Prepares the participants of bench/contest_load.sh directly in the database, in batches of a
// thousand per transaction (the benchmark measures the server, not the setup): registers
// participants in contest 1 with phone numbers 09 + i, and for the first --started of them starts
// an attempt in the open round with questions drawn at random from the published bank, as
// learning::ContestService does; one attempt in ten gets an answer to every question.
//   contest_setup DATABASE_URL --participants N --started M --out FILE
// FILE gets one line per participant: "token attempt_id" (0 when not started). The identity
// hashes use a key of their own (the server checks tokens by their SHA-256 only).
#include "core/random.h"
#include "db/database.h"
#include "db/migrate.h"
#include "learning/contest_repository.h"
#include "learning/contest_rules.h"
#include "units/unit_repository.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <random>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: contest_setup DATABASE_URL --participants N --started M --out FILE\n";
    return 2;
  }
  std::string url = argv[1], out_path = "participants.txt";
  int participants = 1000, started = 1000;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--participants")) participants = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--started")) started = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--out")) out_path = argv[i + 1];
  }
  auto database = db::open_database(url, 2);
  db::migrate(*database);
  auto c = database->acquire();
  learning::ContestRepository repo(*c);
  auto contest = repo.find_contest(1);
  const auto now_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  const learning::ContestRound* round = contest ? contest->round_at(now_ms / 1000) : nullptr;
  if (!round) {
    std::cerr << "contest 1 does not exist or has no open round: create it first (phobien create-contest)\n";
    return 1;
  }
  std::vector<std::string> unit_codes;
  for (const auto& p : units::UnitRepository(*c).provinces()) unit_codes.push_back(p.code);
  std::vector<std::int64_t> pool;
  for (const auto& q : repo.drawable_questions({})) pool.push_back(q.id);
  if (unit_codes.empty() || pool.size() < static_cast<std::size_t>(contest->questions_per_attempt)) {
    std::cerr << "import the administrative units and a published bank first\n";
    return 1;
  }
  std::mt19937_64 random(42);
  std::ofstream out(out_path);
  const auto started_at = std::chrono::steady_clock::now();
  for (int batch = 0; batch < participants; batch += 1000) {
    db::Transaction tx(*c);
    for (int i = batch; i < std::min(participants, batch + 1000); ++i) {
      learning::Participant p;
      p.contest_id = contest->id;
      p.name = fmt::format("Thí sinh {}", i);
      p.birth_year = 1990;
      p.unit_code = unit_codes[i % unit_codes.size()];
      const auto phone = fmt::format("09{:08}", i);
      p.identity_masked = learning::mask_identity(phone);
      const auto token = core::random_token(32);
      p.id = *repo.insert_participant(p, core::sha256_hex("contest_setup:" + phone), core::sha256_hex(token), now_ms / 1000);
      std::int64_t attempt_id = 0;
      if (i < started) {
        std::shuffle(pool.begin(), pool.end(), random);
        learning::Attempt a;
        a.participant_id = p.id;
        a.round_id = round->id;
        a.started_ms = now_ms;
        a.deadline_ms = std::min<std::int64_t>(now_ms + contest->time_limit_seconds * 1000LL, round->closes_at * 1000);
        std::vector<std::int64_t> drawn(pool.begin(), pool.begin() + contest->questions_per_attempt);
        attempt_id = *repo.insert_attempt(a, 1, drawn);
        if (i % 10 == 0)
          for (auto q : drawn) repo.save_answer(attempt_id, q, "A", now_ms);
      }
      out << token << " " << attempt_id << "\n";
    }
    tx.commit();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_at).count();
  std::cerr << fmt::format("contest_setup: {} participants, {} attempts started, {:.1f} s\n", participants, started, seconds);
  return 0;
}
