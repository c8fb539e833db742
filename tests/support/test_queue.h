#pragma once
// A queue table of the tests' own, for testing db::DurableQueue once for every queue that uses it:
// the common columns and a payload, with a status while claimed ("working") like the chat replies.
#include "db/durable_queue.h"

namespace testing_support {

inline db::QueueTable test_queue_table() { return {"test_jobs", "waiting", "working", "done", "failed", "done_at"}; }

inline void create_test_queue_table(db::Connection& c) {
  std::string id = c.dialect() == db::Dialect::postgres ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY";
  c.execute_script("CREATE TABLE test_jobs (id " + id +
                   ", payload TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, "
                   "next_attempt_at BIGINT NOT NULL, last_error TEXT, created_at BIGINT NOT NULL, done_at BIGINT)");
}

}  // namespace testing_support
