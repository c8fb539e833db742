// E-mail end to end on both databases: mails queued in a caller's transaction are delivered by the
// MailWorker to a local SMTP server, temporary refusals are retried, permanent ones and endless
// temporary ones end as failed, and several workers never send a mail twice.
#include "mail/mail_outbox.h"
#include "mail/mail_worker.h"
#include "mail/smtp_sender.h"
#include "support/loopback.h"
#include "support/process.h"
#include "support/smtp_receiver.h"
#include "support/test_database.h"
#include "support/test_server.h"
#include "mail/settings.h"

#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

namespace {

using namespace testing_support;

const char* kSubject = "Câu hỏi tư vấn của bạn đã có trả lời";
const char* kBody =
    "Chào anh Nguyễn Văn An,\n\n"
    "Chuyên gia đã trả lời câu hỏi về quyền sử dụng đất (khoản 1 Điều 166 Luật Đất đai).\n"
    ".Dòng bắt đầu bằng dấu chấm.\n";

// The body as it arrives: MIME text has CRLF line ends.
std::string crlf(std::string s) {
  for (std::size_t i = 0; (i = s.find('\n', i)) != std::string::npos; i += 2) s.replace(i, 1, "\r\n");
  return s;
}

TEST(SmtpSender, DeliversAndReportsRefusals) {
  SmtpReceiver receiver;
  auto smtp = receiver.config();
  auto ok = mail::smtp_send(smtp, "a@example.gov.vn", "b@example.com", "Subject: x\r\n\r\nhello\r\n.dot\r\n");
  EXPECT_TRUE(ok.sent()) << ok.error;
  EXPECT_EQ(ok.code, 250);
  auto got = receiver.wait_for(1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].mail_from, "a@example.gov.vn");
  EXPECT_EQ(got[0].rcpt_to, std::vector<std::string>{"b@example.com"});
  EXPECT_EQ(got[0].data, "Subject: x\r\n\r\nhello\r\n.dot\r\n") << "libcurl stuffs the dot, the receiver unstuffs it";

  receiver.script("RCPT", {451});
  auto temporary = mail::smtp_send(smtp, "a@example.gov.vn", "b@example.com", "x\r\n");
  EXPECT_FALSE(temporary.sent());
  EXPECT_EQ(temporary.code, 451);
  EXPECT_FALSE(temporary.permanent);
  receiver.script("MAIL", {550});
  auto permanent = mail::smtp_send(smtp, "a@example.gov.vn", "b@example.com", "x\r\n");
  EXPECT_EQ(permanent.code, 550) << permanent.error;
  EXPECT_TRUE(permanent.permanent);
  receiver.script("DATA", {554});
  EXPECT_TRUE(mail::smtp_send(smtp, "a@example.gov.vn", "b@example.com", "x\r\n").permanent);
  receiver.script("MAIL", {530});
  auto login = mail::smtp_send(smtp, "a@example.gov.vn", "b@example.com", "x\r\n");
  EXPECT_EQ(login.code, 530);
  EXPECT_FALSE(login.permanent) << "authentication required: the operator's to fix, the mail waits";
  EXPECT_EQ(receiver.wait_for(1, 0).size(), 1u) << "refused mails were not recorded";

  auto closed = smtp;
  closed.port = free_port();
  auto unreachable = mail::smtp_send(closed, "a@example.gov.vn", "b@example.com", "x\r\n");
  EXPECT_FALSE(unreachable.sent());
  EXPECT_EQ(unreachable.code, 0);
  EXPECT_FALSE(unreachable.permanent);
}

TEST(SmtpSender, StartTlsIsRequiredNotTried) {
  // The receiver offers no STARTTLS: with "starttls" nothing may be sent in clear text.
  SmtpReceiver receiver;
  auto smtp = receiver.config();
  smtp.security = "starttls";
  auto r = mail::smtp_send(smtp, "a@example.gov.vn", "b@example.com", "x\r\n");
  EXPECT_FALSE(r.sent());
  EXPECT_FALSE(r.permanent) << "a server without TLS is the operator's to fix: the mail waits";
  EXPECT_EQ(receiver.wait_for(1, 0).size(), 0u);
  for (const auto& c : receiver.commands()) EXPECT_FALSE(c.starts_with("MAIL")) << c;
  EXPECT_EQ(r.error, "Requested SSL level failed");
}

TEST(SmtpSender, CancelEndsASendToAServerThatNeverAnswers) {
  // A socket that listens but never accepts: the connection opens and no greeting ever comes.
  mail::SmtpSettings smtp;
  std::uint16_t port = 0;
  int fd = listen_on_loopback(port, 4);
  smtp.host = "127.0.0.1";
  smtp.port = port;
  smtp.security = "none";
  smtp.timeout_seconds = 30;
  std::atomic<bool> cancel{false};
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    cancel = true;
  });
  auto started = std::chrono::steady_clock::now();
  auto r = mail::smtp_send(smtp, "a@example.gov.vn", "b@example.com", "x\r\n", &cancel);
  canceller.join();
  EXPECT_TRUE(r.cancelled);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  ::close(fd);
}

class MailTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (!db_.available()) GTEST_SKIP() << "PHOBIEN_TEST_PG_URL is not set";
    settings_.smtp = receiver_.config();
    settings_.retry_base_seconds = 0;  // retries at once
    settings_.max_attempts = 3;
  }

  db::Database& database() { return db_.database(); }

  std::int64_t enqueue(const std::string& to, const std::string& subject = kSubject, const std::string& body = kBody) {
    auto conn = database().acquire();
    db::Transaction tx(*conn);
    auto id = mail::MailOutbox::enqueue(*conn, to, subject, body);
    EXPECT_TRUE(id) << id.error();
    tx.commit();
    return id.value_or(0);
  }

  struct Row {
    std::string status;
    std::int64_t attempts = 0;
    std::optional<std::string> last_error;
    std::optional<std::int64_t> sent_at;
  };

  Row row(std::int64_t id) {
    auto r = database().acquire()->query_one("SELECT status, attempts, last_error, sent_at FROM mail_outbox WHERE id = ?", {id});
    if (!r) return {};
    return {r->text(0), r->int64(1), r->opt_text(2), r->opt_int64(3)};
  }

  // Waits until mail `id` reaches `status` (up to 10 s).
  Row wait_status(std::int64_t id, const std::string& status) {
    Row r;
    for (int i = 0; i < 200; ++i) {
      r = row(id);
      if (r.status == status) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return r;
  }

  SmtpReceiver receiver_;
  TestDatabase db_{GetParam()};
  mail::Settings settings_;
};

TEST_P(MailTest, DeliversAVietnameseMailQueuedInATransaction) {
  auto id = enqueue("nguoi.hoi@example.com");
  mail::MailWorker worker(settings_, database());
  worker.start();
  auto got = receiver_.wait_for(1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].mail_from, "no-reply@pbgdpl.example.gov.vn");
  EXPECT_EQ(got[0].rcpt_to, std::vector<std::string>{"nguoi.hoi@example.com"});
  EXPECT_EQ(got[0].header("Subject"), kSubject);
  EXPECT_EQ(got[0].header("From"), "Cổng PBGDPL <no-reply@pbgdpl.example.gov.vn>");
  EXPECT_EQ(got[0].header("To"), "nguoi.hoi@example.com");
  EXPECT_EQ(got[0].text(), crlf(kBody));
  EXPECT_NE(got[0].header("Message-ID").find("." + std::to_string(id) + "@pbgdpl.example.gov.vn>"), std::string::npos);
  auto r = wait_status(id, "sent");
  EXPECT_EQ(r.status, "sent");
  EXPECT_EQ(r.attempts, 1);
  EXPECT_FALSE(r.last_error);
  EXPECT_TRUE(r.sent_at);
}

TEST_P(MailTest, NothingIsQueuedWhenTheCallersTransactionRollsBack) {
  {
    auto conn = database().acquire();
    db::Transaction tx(*conn);
    ASSERT_TRUE(mail::MailOutbox::enqueue(*conn, "a@example.com", kSubject, kBody));
  }  // no commit
  EXPECT_EQ(database().acquire()->query_int("SELECT COUNT(*) FROM mail_outbox"), 0);

  auto conn = database().acquire();
  auto bad = mail::MailOutbox::enqueue(*conn, "a@example.com\r\nBcc: all@example.com", kSubject, kBody);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error(), "invalid recipient address");
  EXPECT_FALSE(mail::MailOutbox::enqueue(*conn, "a@example.com", "\xc3", kBody));
  EXPECT_EQ(conn->query_int("SELECT COUNT(*) FROM mail_outbox"), 0);
}

TEST_P(MailTest, TemporaryRefusalsAreRetriedUntilDelivered) {
  receiver_.script("RCPT", {451});
  auto id = enqueue("a@example.com");
  mail::MailWorker worker(settings_, database());
  worker.start();
  auto r = wait_status(id, "sent");
  EXPECT_EQ(r.status, "sent");
  EXPECT_EQ(r.attempts, 2);
  auto got = receiver_.wait_for(1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].text(), crlf(kBody));
}

TEST_P(MailTest, FailuresEndAsFailed) {
  receiver_.refuse_recipient("day.hop.thu@example.com", 452);   // mailbox full: temporary, every time
  receiver_.refuse_recipient("khong.ton.tai@example.com", 550);  // no such mailbox: permanent
  auto endless = enqueue("day.hop.thu@example.com");
  auto refused = enqueue("khong.ton.tai@example.com");
  auto fine = enqueue("a@example.com");
  mail::MailWorker worker(settings_, database());
  worker.start();

  auto r = wait_status(endless, "failed");
  EXPECT_EQ(r.status, "failed");
  EXPECT_EQ(r.attempts, 3) << "mail_max_attempts";
  ASSERT_TRUE(r.last_error);
  EXPECT_NE(r.last_error->find("452"), std::string::npos) << *r.last_error;
  EXPECT_NE(r.last_error->find("gave up after 3 attempts"), std::string::npos) << *r.last_error;

  auto p = wait_status(refused, "failed");
  EXPECT_EQ(p.status, "failed");
  EXPECT_EQ(p.attempts, 1) << "a permanent refusal is not retried";
  EXPECT_NE(p.last_error.value_or("").find("550"), std::string::npos);

  EXPECT_EQ(wait_status(fine, "sent").status, "sent") << "one failing recipient does not hold up the others";
}

TEST_P(MailTest, WithoutSmtpMailsStayQueued) {
  settings_.smtp = {};
  auto id = enqueue("a@example.com");
  mail::MailWorker worker(settings_, database());
  EXPECT_EQ(worker.run_once(), 0);
  EXPECT_EQ(worker.run_once(), 0);
  auto r = row(id);
  EXPECT_EQ(r.status, "queued");
  EXPECT_EQ(r.attempts, 0);
}

TEST_P(MailTest, TwoWorkersSendEachMailOnce) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 12; ++i) ids.push_back(enqueue("nguoi" + std::to_string(i) + "@example.com"));
  mail::MailWorker a(settings_, database()), b(settings_, database());
  a.start();
  b.start();
  for (auto id : ids) EXPECT_EQ(wait_status(id, "sent").attempts, 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  auto got = receiver_.wait_for(12);
  EXPECT_EQ(got.size(), 12u);
  std::set<std::string> recipients;
  for (const auto& m : got) recipients.insert(m.rcpt_to.at(0));
  EXPECT_EQ(recipients.size(), 12u);
}

TEST_P(MailTest, ShutdownCancelsASendAndKeepsTheMailQueued) {
  std::uint16_t port = 0;
  int fd = listen_on_loopback(port, 4);  // accepts nothing: the SMTP greeting never comes
  settings_.smtp.port = port;
  settings_.smtp.timeout_seconds = 30;
  auto id = enqueue("a@example.com");
  auto worker = std::make_unique<mail::MailWorker>(settings_, database());
  worker->start();
  for (int i = 0; i < 200 && row(id).attempts == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_EQ(row(id).attempts, 1) << "the worker claimed the mail";
  auto started = std::chrono::steady_clock::now();
  worker.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5)) << "not the 30 s timeout";
  auto r = row(id);
  EXPECT_EQ(r.status, "queued");
  EXPECT_EQ(r.attempts, 0) << "an interrupted send is not counted";
  ::close(fd);
}

TEST_P(MailTest, PurgeDeletesOnlyFinishedOldMails) {
  auto conn = database().acquire();
  const std::int64_t old = 1'000'000, recent = 2'000'000;
  auto insert = [&](const std::string& status, std::int64_t created) {
    conn->execute("INSERT INTO mail_outbox (recipient, subject, body, status, attempts, next_attempt_at, created_at) VALUES (?, 's', 'b', ?, 1, ?, ?)",
                  {std::string("a@example.com"), status, created, created});
  };
  insert("sent", old);
  insert("failed", old);
  insert("queued", old);
  insert("sent", recent);
  EXPECT_EQ(mail::MailOutbox::queue().purge(*conn, recent), 2);
  EXPECT_EQ(conn->query_int("SELECT COUNT(*) FROM mail_outbox WHERE status = 'queued'"), 1) << "unsent mail is never purged";
  EXPECT_EQ(conn->query_int("SELECT COUNT(*) FROM mail_outbox"), 2);
}

TEST_P(MailTest, ServeRunsTheMailWorker) {
  TestServer server(GetParam(), [this](core::Config& c) { c.section<mail::Settings>().smtp = receiver_.config(); });
  auto conn = server.database().acquire();
  ASSERT_TRUE(mail::MailOutbox::enqueue(*conn, "chuyen.gia@example.com", "Có câu hỏi mới cần trả lời", "Xin mời chuyên gia."));
  auto got = receiver_.wait_for(1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].header("Subject"), "Có câu hỏi mới cần trả lời");
}

INSTANTIATE_TEST_SUITE_P(Backends, MailTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
