#include "antispam/module.h"

#include "antispam/proof_of_work.h"

namespace antispam {

// Spent challenges are kept only until they expire; every node may purge, deleting is idempotent.
std::vector<web::Duty> AntispamModule::duties() {
  return {{"antispam.purge_spent", std::chrono::seconds(60), [this](std::int64_t now) {
             auto c = database_.acquire();
             pow::purge_spent(*c, now);
           }}};
}

std::vector<web::BackupTable> AntispamModule::tables() {
  return {{"pow_spent", "spent anti-spam challenges, useless once they expire (30 minutes)"}};
}

}  // namespace antispam
