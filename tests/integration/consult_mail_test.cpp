// The consultation e-mails, rendered from templates/consult/mail/*.mustache, against the texts the
// service used to build with format strings: the same subjects, bodies and links, byte for byte,
// and to the same people. A title with HTML and mustache tags comes out as typed.
#include "auth/auth_service.h"
#include "auth/user_repository.h"
#include "consult/expert_repository.h"
#include "consult/notifications.h"
#include "core/time.h"
#include "support/fixtures.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace {

using namespace testing_support;

const std::string kPrefix = "[Tư vấn pháp luật] ";
const std::string kFooter =
    "\n\nThư này được gửi tự động từ cổng thông tin phổ biến, giáo dục pháp luật; vui lòng không trả lời thư.";

struct Sent {
  std::string to, subject, body;
  bool operator==(const Sent&) const = default;
};
void PrintTo(const Sent& s, std::ostream* os) { *os << s.to << "\n" << s.subject << "\n" << s.body; }

class ConsultMailTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    config_.base_url = "https://pbgdpl.example.gov.vn";
    auth_ = std::make_unique<auth::AuthService>(database(), config_);
    make_user(*auth_, "kiemduyet1@x.vn", auth::Role::moderator);
    make_user(*auth_, "kiemduyet2@x.vn", auth::Role::moderator);
    auto away = make_user(*auth_, "nghiviec@x.vn", auth::Role::moderator);
    auto c = database().acquire();
    auth::UserRepository(*c).update_role_and_status(away.id, auth::Role::moderator, false);
    consult::Expert e;
    e.user_id = make_user(*auth_, "luatsu@x.vn", auth::Role::expert).id;
    e.full_name = "Luật sư Trần Minh Đức";
    q_.expert_id = consult::ExpertRepository(*c).insert(e, 1);
    q_.id = 42;
    q_.code = "TV-7K3M9Q2P";
    q_.title = "Đăng ký thường trú <b>&amp;</b> {{code}}";
    q_.email = "nguoi.hoi@example.vn";
    q_.field_name = "Cư trú, hộ tịch";
    q_.due_at = 1767225600;  // 2026-01-01 07:00 in Vietnam
  }

  consult::Notifications notifications() {
    return consult::Notifications(config_, [this](db::Connection&, const std::string& to, const std::string& subject,
                                                   const std::string& body) { sent_.push_back({to, subject, body}); });
  }
  // What one call sends, as a list.
  template <typename Send>
  std::vector<Sent> sends(Send send) {
    sent_.clear();
    auto n = notifications();
    auto c = database().acquire();
    send(n, *c);
    return sent_;
  }
  std::string staff_url() const { return "https://pbgdpl.example.gov.vn/quan-tri/tu-van/42"; }
  std::vector<Sent> to_asker(const std::string& subject, const std::string& body) {
    return {{q_.email, kPrefix + subject, body + kFooter}};
  }

  std::unique_ptr<auth::AuthService> auth_;
  consult::Question q_;
  std::vector<Sent> sent_;
};

TEST_P(ConsultMailTest, AskerMailsAreTheSameTexts) {
  using N = consult::Notifications;
  const auto& q = q_;
  EXPECT_EQ(sends([&](N& n, db::Connection& c) { n.received(c, q, "tok_EN-123"); }),
            to_asker("Đã nhận câu hỏi " + q.code,
                     fmt::format("Cổng thông tin đã nhận câu hỏi «{}» của bạn.\n\nMã theo dõi: {}\nXem trạng thái, đọc câu "
                                 "trả lời, hỏi thêm hoặc rút câu hỏi tại:\n{}\n\nĐường dẫn này là bí mật, chỉ dành cho "
                                 "bạn: không chuyển tiếp thư này.",
                                 q.title, q.code, "https://pbgdpl.example.gov.vn/tu-van/theo-doi/TV-7K3M9Q2P?token=tok_EN-123")));
  EXPECT_EQ(sends([&](N& n, db::Connection& c) { n.rejected(c, q, "Ngoài phạm vi\ntư vấn."); }),
            to_asker("Câu hỏi " + q.code + " không được tiếp nhận",
                     fmt::format("Câu hỏi «{}» của bạn không được tiếp nhận.\nLý do: {}", q.title, "Ngoài phạm vi\ntư vấn.")));
  consult::Question into;
  into.status = consult::Status::published;
  into.public_slug = "dang-ky-thuong-tru";
  const std::string merged = "Câu hỏi «{}» của bạn trùng nội dung với một câu hỏi đã được tiếp nhận, nên được gộp lại.\n{}";
  EXPECT_EQ(sends([&](N& n, db::Connection& c) { n.merged(c, q, into); }),
            to_asker("Câu hỏi " + q.code + " trùng với câu hỏi đã có",
                     fmt::format(fmt::runtime(merged), q.title, "Câu trả lời: https://pbgdpl.example.gov.vn/hoi-dap/dang-ky-thuong-tru")));
  into.status = consult::Status::delivered;
  into.public_slug.reset();
  EXPECT_EQ(sends([&](N& n, db::Connection& c) { n.merged(c, q, into); }),
            to_asker("Câu hỏi " + q.code + " trùng với câu hỏi đã có",
                     fmt::format(fmt::runtime(merged), q.title, "Câu trả lời sẽ được công bố trong mục Hỏi đáp pháp luật khi có.")));
  EXPECT_EQ(sends([&](N& n, db::Connection& c) { n.answered(c, q); }),
            to_asker("Đã có câu trả lời " + q.code,
                     fmt::format("Câu hỏi «{}» của bạn đã được trả lời. Xem câu trả lời tại đường dẫn theo dõi đã gửi khi "
                                 "bạn đặt câu hỏi (mã {}).",
                                 q.title, q.code)));
  EXPECT_EQ(sends([&](N& n, db::Connection& c) { n.follow_up_answered(c, q); }),
            to_asker("Đã trả lời câu hỏi tiếp theo " + q.code,
                     fmt::format("Chuyên gia đã trả lời câu hỏi tiếp theo của bạn về «{}». Xem tại đường dẫn theo dõi đã "
                                 "gửi khi bạn đặt câu hỏi (mã {}).",
                                 q.title, q.code)));
  // No address, no mail.
  auto phone_only = q;
  phone_only.email.clear();
  EXPECT_TRUE(sends([&](N& n, db::Connection& c) { n.answered(c, phone_only); }).empty());
}

TEST_P(ConsultMailTest, ExpertMailsAreTheSameTexts) {
  using N = consult::Notifications;
  auto q = q_;
  auto expert = [&](const std::string& subject, const std::string& body) {
    return std::vector<Sent>{{"luatsu@x.vn", kPrefix + subject, body}};
  };
  EXPECT_EQ(sends([&](N& n, db::Connection& c) { n.assigned_automatically(c, q); }),
            expert("Câu hỏi mới được phân công " + q.code,
                   fmt::format("Bạn được phân công trả lời câu hỏi «{}» (lĩnh vực {}), hạn trả lời {}.\n{}", q.title,
                               q.field_name, core::format_vn_date(*q.due_at), staff_url())));
  EXPECT_EQ(sends([&](N& n, db::Connection& c) { n.assigned(c, q); }),
            expert("Câu hỏi được phân công " + q.code,
                   fmt::format("Bạn được phân công trả lời câu hỏi «{}»{}.\n{}", q.title,
                               ", hạn " + core::format_vn_date(*q.due_at), staff_url())));
  EXPECT_EQ(sends([&](N& n, db::Connection& c) { n.follow_up_asked(c, q); }),
            expert("Câu hỏi tiếp theo " + q.code,
                   fmt::format("Người hỏi đã gửi câu hỏi tiếp theo cho «{}».\n{}", q.title, staff_url())));
  EXPECT_EQ(sends([&](N& n, db::Connection& c) { n.answer_returned(c, q, "Cần dẫn thêm khoản 2."); }),
            expert("Câu trả lời cần sửa " + q.code,
                   fmt::format("Nhận xét của người duyệt: {}\n{}", "Cần dẫn thêm khoản 2.", staff_url())));
  EXPECT_EQ(sends([&](N& n, db::Connection& c) { n.deadline_near(c, q); }),
            expert("Sắp đến hạn trả lời " + q.code,
                   fmt::format("Câu hỏi «{}» đến hạn trả lời lúc {}.\n{}", q.title, core::format_vn_datetime(*q.due_at),
                               staff_url())));
  q.due_at.reset();
  EXPECT_EQ(sends([&](N& n, db::Connection& c) { n.assigned(c, q); }),
            expert("Câu hỏi được phân công " + q.code,
                   fmt::format("Bạn được phân công trả lời câu hỏi «{}»{}.\n{}", q.title, "", staff_url())));
  // No expert, no mail.
  q.expert_id.reset();
  EXPECT_TRUE(sends([&](N& n, db::Connection& c) { n.follow_up_asked(c, q); }).empty());
}

TEST_P(ConsultMailTest, ModeratorMailsGoToEveryActiveModerator) {
  using N = consult::Notifications;
  auto q = q_;
  auto moderators = [&](const std::string& subject, const std::string& body) {
    return std::vector<Sent>{{"kiemduyet1@x.vn", kPrefix + subject, body}, {"kiemduyet2@x.vn", kPrefix + subject, body}};
  };
  EXPECT_EQ(sends([&](N& n, db::Connection& c) { n.new_question(c, q); }),
            moderators("Câu hỏi mới " + q.code, fmt::format("Có câu hỏi mới cần phân loại: {}\n{}", q.title, staff_url())));
  EXPECT_EQ(sends([&](N& n, db::Connection& c) { n.answer_to_review(c, q); }),
            moderators("Câu trả lời chờ duyệt " + q.code,
                       fmt::format("Câu trả lời cho «{}» chờ duyệt.\n{}", q.title, staff_url())));
  const std::string overdue = "Câu hỏi «{}» đã quá hạn trả lời ({}){}.\n{}";
  EXPECT_EQ(sends([&](N& n, db::Connection& c) { n.overdue(c, q); }),
            moderators("Quá hạn trả lời " + q.code, fmt::format(fmt::runtime(overdue), q.title, core::format_vn_datetime(*q.due_at),
                                                                ", chưa có chuyên gia", staff_url())));
  q.expert_name = "Luật sư Trần Minh Đức";
  EXPECT_EQ(sends([&](N& n, db::Connection& c) { n.overdue(c, q); }),
            moderators("Quá hạn trả lời " + q.code, fmt::format(fmt::runtime(overdue), q.title, core::format_vn_datetime(*q.due_at),
                                                                ", chuyên gia: Luật sư Trần Minh Đức", staff_url())));
}

TEST(ConsultMail, EveryTemplateHasASubjectLine) {
  for (const char* name : {"received", "rejected", "merged", "answered", "follow_up_answered", "assigned_automatically",
                           "assigned", "follow_up_asked", "answer_returned", "deadline_near", "new_question",
                           "answer_to_review", "overdue"}) {
    SCOPED_TRACE(name);
    auto mail = consult::render_mail(name, {{"code", "TV-X"}, {"title", "t"}, {"url", "u"}, {"link", "l"}, {"due", "d"},
                                            {"field", "f"}, {"note", "n"}, {"reason", "r"}});
    EXPECT_TRUE(mail.subject.starts_with(kPrefix)) << mail.subject;
    EXPECT_NE(mail.subject.find("TV-X"), std::string::npos);
    EXPECT_FALSE(mail.body.empty());
    EXPECT_FALSE(mail.body.ends_with("\n"));
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ConsultMailTest, ::testing::ValuesIn(backends()), backend_name);

}  // namespace
