// One of the two processes of DurableQueueTest.TwoProcessesClaimEachJobOnce: it opens the test
// database, says it is ready, waits for the go, then runs a db::QueueWorker's passes over the
// tests' queue table until none is due, printing "job <id>" for every job it handled.
//   phobien_queue_claimer DATABASE_URL READY_FILE GO_FILE
#include "db/queue_worker.h"
#include "support/test_queue.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s DATABASE_URL READY_FILE GO_FILE\n", argv[0]);
    return 2;
  }
  try {
    auto database = db::open_database(argv[1], 2);
    db::WorkerOptions options;
    options.name = "claimer";
    db::QueueWorker worker(*database, db::DurableQueue(testing_support::test_queue_table()), options, [](const db::Job& job) {
      std::printf("job %lld\n", static_cast<long long>(job.id));
      std::fflush(stdout);
      std::this_thread::sleep_for(std::chrono::milliseconds(5));  // some work, so the processes interleave
      return db::Outcome::success();
    });
    std::ofstream(argv[2]) << "ready\n";
    for (int i = 0; i < 2000 && !std::filesystem::exists(argv[3]); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    while (worker.run_once() > 0) {
    }
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "claimer: %s\n", e.what());
    return 1;
  }
}
