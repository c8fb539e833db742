#pragma once
// One random secret per site, shared by every node through the database, that signs the
// stateless anti-spam tokens (proof-of-work challenges, form timers). It is made on first use,
// so there is nothing to configure; it never leaves the server and is never logged. A backup
// carries it (table `settings`); anyone who can read the database can forge those tokens, which
// only lets them skip the anti-spam checks.
#include "db/database.h"

#include <string>

namespace antispam {

// The 32-byte secret (raw bytes), read once per database URL and then kept in memory. The first
// call takes a pooled connection: make it before holding one (e.g. when wiring the routes).
std::string site_secret(db::Database& database);

// Reads the secret through `c`, creating it when missing: INSERT ... ON CONFLICT DO NOTHING and
// read back, so nodes starting at once agree on the one that got in first. No cache.
std::string load_site_secret(db::Connection& c);

}  // namespace antispam
