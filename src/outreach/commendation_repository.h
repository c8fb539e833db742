#pragma once
// All SQL of commendations (migration 0027) and the activity figures that justify them.
#include "db/database.h"
#include "outreach/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace outreach {

struct Commendation {
  std::int64_t id = 0;
  bool for_person = false;
  std::string unit_code;
  std::optional<std::int64_t> reporter_id;
  std::string nominee;  // the unit's or the person's name (read, not stored)
  std::string award, reason, from_date, to_date;
  CommendationStatus status = CommendationStatus::proposed;
  std::int64_t proposed_at = 0;
  std::string decision_number, decision_note;
  std::optional<std::int64_t> decided_at;
};

// What the period's activities add up to: held by the units (or led by the person), and their participants.
struct ActivityFigures {
  std::int64_t activities = 0;
  std::int64_t participants = 0;
};

class CommendationRepository {
 public:
  explicit CommendationRepository(db::Connection& c) : c_(c) {}

  std::int64_t insert(const Commendation& c, std::optional<std::int64_t> user_id, std::int64_t now);
  std::optional<Commendation> find(std::int64_t id);
  // Of these units, newest first; `status` none for all.
  std::vector<Commendation> list(const std::vector<std::string>& units, std::optional<CommendationStatus> status);
  // Every awarded one, the latest decision first.
  std::vector<Commendation> awarded(int limit);
  // Decides a proposal; false when it was no longer proposed.
  bool decide(std::int64_t id, CommendationStatus status, const std::string& number, const std::string& note,
              std::optional<std::int64_t> user_id, std::int64_t now);

  ActivityFigures held_by(const std::vector<std::string>& units, const std::string& from_date, const std::string& to_date);
  ActivityFigures led_by(std::int64_t reporter_id, const std::string& from_date, const std::string& to_date);

 private:
  db::Connection& c_;
};

}  // namespace outreach
