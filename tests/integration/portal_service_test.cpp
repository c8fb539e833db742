// Editorial workflow rules, on both databases.
#include "auth/audit_log.h"
#include "core/time.h"
#include "portal/portal_service.h"
#include "support/fixtures.h"

#include <filesystem>

namespace {

using portal::PostStatus;

class PortalServiceTest : public testing_support::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    auth_ = std::make_unique<auth::AuthService>(database(), config_);
    portal_ = std::make_unique<portal::PortalService>(database(), changes_, config_.uploads_dir(), 1024 * 1024);
    admin_ = make_user(*auth_, "admin@x.vn", auth::Role::admin);
    editor_ = make_user(*auth_, "editor@x.vn", auth::Role::editor);
    other_editor_ = make_user(*auth_, "editor2@x.vn", auth::Role::editor);
    reviewer_ = make_user(*auth_, "reviewer@x.vn", auth::Role::reviewer);
    citizen_ = make_user(*auth_, "dan@x.vn", auth::Role::citizen);
    ASSERT_TRUE(portal_->save_category(admin_, actor(admin_), std::nullopt, "Tin tức", "", "", 0));
  }
  auth::Actor actor(const auth::User& u) { return {u.id, "198.51.100.1"}; }
  portal::PostInput input(const std::string& title = "Luật Cư trú: điểm mới") {
    return {title, "Tóm tắt", "Nội dung **đậm** <script>alert(1)</script>", "tin-tuc", "cư trú, Cư Trú, thủ tục", false, ""};
  }
  portal::Post draft(const auth::User& author) {
    auto p = portal_->create_post(author, actor(author), input(), std::nullopt);
    EXPECT_TRUE(p) << (p ? "" : p.error().message);
    return *p;
  }

  db::ChangeFeed changes_;
  std::unique_ptr<auth::AuthService> auth_;
  std::unique_ptr<portal::PortalService> portal_;
  auth::User admin_, editor_, other_editor_, reviewer_, citizen_;
};

TEST_P(PortalServiceTest, DraftIsPrivateUntilAReviewerPublishesIt) {
  auto p = draft(editor_);
  EXPECT_EQ(p.status, PostStatus::draft);
  EXPECT_EQ(p.slug, "luat-cu-tru-diem-moi");
  EXPECT_EQ(p.tags, (std::vector<std::string>{"cư trú", "thủ tục"})) << "duplicate tags are merged";
  EXPECT_FALSE(portal_->published_post(p.slug));

  ASSERT_TRUE(portal_->submit(editor_, actor(editor_), p.id));
  EXPECT_FALSE(portal_->published_post(p.slug));
  auto by_editor = portal_->publish(editor_, actor(editor_), p.id);
  ASSERT_FALSE(by_editor);
  EXPECT_EQ(by_editor.error().kind, core::ErrorKind::forbidden) << "only reviewers publish";

  auto published = portal_->publish(reviewer_, actor(reviewer_), p.id);
  ASSERT_TRUE(published);
  auto visible = portal_->published_post(p.slug);
  ASSERT_TRUE(visible);
  EXPECT_EQ(visible->status, PostStatus::published);
}

TEST_P(PortalServiceTest, ReturnNeedsACommentAndSendsThePostBack) {
  auto p = draft(editor_);
  ASSERT_TRUE(portal_->submit(editor_, actor(editor_), p.id));
  auto no_comment = portal_->return_to_author(reviewer_, actor(reviewer_), p.id, "   ");
  ASSERT_FALSE(no_comment);
  EXPECT_TRUE(no_comment.error().fields.count("comment"));
  auto returned = portal_->return_to_author(reviewer_, actor(reviewer_), p.id, "Bổ sung căn cứ pháp lý");
  ASSERT_TRUE(returned);
  EXPECT_EQ(returned->status, PostStatus::returned);
  EXPECT_EQ(returned->review_comment, "Bổ sung căn cứ pháp lý");
  ASSERT_TRUE(portal_->update_post(editor_, actor(editor_), p.id, input("Luật Cư trú: bản sửa"), std::nullopt));
  ASSERT_TRUE(portal_->submit(editor_, actor(editor_), p.id));
}

TEST_P(PortalServiceTest, EditorsCannotTouchOthersPostsOrPendingOnes) {
  auto p = draft(editor_);
  EXPECT_FALSE(portal_->update_post(other_editor_, actor(other_editor_), p.id, input(), std::nullopt));
  EXPECT_FALSE(portal_->submit(other_editor_, actor(other_editor_), p.id));
  EXPECT_FALSE(portal_->editable_post(other_editor_, p.id));
  EXPECT_FALSE(portal_->create_post(citizen_, actor(citizen_), input(), std::nullopt));
  ASSERT_TRUE(portal_->submit(editor_, actor(editor_), p.id));
  auto edit_pending = portal_->update_post(editor_, actor(editor_), p.id, input(), std::nullopt);
  ASSERT_FALSE(edit_pending);
  EXPECT_EQ(edit_pending.error().kind, core::ErrorKind::forbidden);
  EXPECT_TRUE(portal_->update_post(reviewer_, actor(reviewer_), p.id, input("Sửa bởi người duyệt"), std::nullopt));
}

TEST_P(PortalServiceTest, InvalidStateTransitionsAreRefused) {
  auto p = draft(editor_);
  EXPECT_EQ(portal_->publish(reviewer_, actor(reviewer_), p.id).error().kind, core::ErrorKind::conflict) << "drafts are submitted first";
  ASSERT_TRUE(portal_->submit(editor_, actor(editor_), p.id));
  EXPECT_EQ(portal_->submit(editor_, actor(editor_), p.id).error().kind, core::ErrorKind::forbidden);
  EXPECT_EQ(portal_->publish(reviewer_, actor(reviewer_), 999999).error().kind, core::ErrorKind::not_found);
}

TEST_P(PortalServiceTest, EveryChangeIsVersionedAndAudited) {
  auto p = draft(editor_);
  ASSERT_TRUE(portal_->update_post(editor_, actor(editor_), p.id, input("Tiêu đề thứ hai"), std::nullopt));
  ASSERT_TRUE(portal_->submit(editor_, actor(editor_), p.id));
  ASSERT_TRUE(portal_->publish(reviewer_, actor(reviewer_), p.id));
  auto versions = portal_->versions(p.id);
  ASSERT_EQ(versions.size(), 4u);
  EXPECT_EQ(versions[0].version, 4);
  EXPECT_EQ(versions[0].status, "published");
  EXPECT_EQ(versions[0].editor_name, reviewer_.display_name);
  EXPECT_EQ(versions[2].title, "Tiêu đề thứ hai");
  {
    auto c = database().acquire();
    std::vector<std::string> actions;
    for (const auto& e : auth::list_audit(*c, 50, 0))
      if (e.target == "post:" + std::to_string(p.id)) actions.push_back(e.action);
    EXPECT_EQ(actions, (std::vector<std::string>{"post.publish", "post.submit", "post.update", "post.create"}));
  }

  for (int i = 0; i < 30; ++i) ASSERT_TRUE(portal_->update_post(reviewer_, actor(reviewer_), p.id, input("Sửa lần " + std::to_string(i)), std::nullopt));
  versions = portal_->versions(p.id);
  ASSERT_EQ(versions.size(), portal::PortalService::kShownVersions) << "the edit page shows the latest versions, not all";
  EXPECT_EQ(versions[0].version, 34);
}

TEST_P(PortalServiceTest, AnEditFromAStaleFormIsRefusedNotLost) {
  auto p = draft(editor_);
  auto first = input("Bản sửa của người thứ nhất");
  first.expected_version = p.version;
  ASSERT_TRUE(portal_->update_post(editor_, actor(editor_), p.id, first, std::nullopt));
  auto stale = input("Bản sửa từ trang cũ");
  stale.expected_version = p.version;  // loaded before the first edit
  auto r = portal_->update_post(editor_, actor(editor_), p.id, stale, std::nullopt);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, core::ErrorKind::conflict);
  EXPECT_EQ(portal_->editable_post(editor_, p.id)->title, "Bản sửa của người thứ nhất");
}

TEST_P(PortalServiceTest, MarkdownIsRenderedWithoutRawHtml) {
  auto p = draft(editor_);
  auto full = portal_->editable_post(editor_, p.id);
  ASSERT_TRUE(full);
  EXPECT_NE(full->body_html.find("<strong>đậm</strong>"), std::string::npos);
  EXPECT_EQ(full->body_html.find("<script>"), std::string::npos) << full->body_html;
}

TEST_P(PortalServiceTest, ValidationReportsEachField) {
  portal::PostInput bad{"", "", "   ", "khong-co", std::string(20 * 3, ',') + "a", false, "2026-02-31T10:00"};
  auto r = portal_->create_post(editor_, actor(editor_), bad, std::nullopt);
  ASSERT_FALSE(r);
  EXPECT_TRUE(r.error().fields.count("title"));
  EXPECT_TRUE(r.error().fields.count("body_md"));
  EXPECT_TRUE(r.error().fields.count("publish_at"));
  auto unknown_category = portal_->create_post(editor_, actor(editor_), {"T", "", "B", "khong-co", "", false, ""}, std::nullopt);
  ASSERT_FALSE(unknown_category);
  EXPECT_EQ(unknown_category.error().fields.at("category"), "Chuyên mục không tồn tại.");
}

TEST_P(PortalServiceTest, SlugsStayUnique) {
  auto a = draft(editor_);
  auto b = draft(editor_);
  EXPECT_EQ(a.slug, "luat-cu-tru-diem-moi");
  EXPECT_EQ(b.slug, "luat-cu-tru-diem-moi-2");
}

TEST_P(PortalServiceTest, ScheduledPostAppearsOnlyWhenItsTimeComes) {
  auto in = input();
  in.publish_at = core::format_vn_datetime_local(core::now_unix() + 3600);
  auto p = portal_->create_post(editor_, actor(editor_), in, std::nullopt);
  ASSERT_TRUE(p);
  ASSERT_TRUE(portal_->submit(editor_, actor(editor_), p->id));
  ASSERT_TRUE(portal_->publish(reviewer_, actor(reviewer_), p->id));
  EXPECT_FALSE(portal_->published_post(p->slug)) << "not before its time";
  auto next = portal_->next_scheduled();
  ASSERT_TRUE(next);
  EXPECT_GT(*next, core::now_unix());
}

TEST_P(PortalServiceTest, CoverImagesAreCheckedByContentAndSize) {
  std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + std::string(100, 'x');
  auto ok = portal_->create_post(editor_, actor(editor_), input(), portal::Cover{png});
  ASSERT_TRUE(ok);
  ASSERT_TRUE(ok->cover_image);
  EXPECT_TRUE(ok->cover_image->ends_with(".png"));
  EXPECT_TRUE(std::filesystem::exists(config_.uploads_dir() + "/covers/" + *ok->cover_image));

  auto disguised = portal_->create_post(editor_, actor(editor_), input(), portal::Cover{"<?php echo 1; ?>"});
  ASSERT_FALSE(disguised);
  EXPECT_TRUE(disguised.error().fields.count("cover"));
  auto huge = portal_->create_post(editor_, actor(editor_), input(), portal::Cover{png + std::string(2 * 1024 * 1024, 'x')});
  ASSERT_FALSE(huge);
  EXPECT_TRUE(huge.error().fields.count("cover"));
}

TEST_P(PortalServiceTest, PublishingWritesTheChangeLogForOtherNodes) {
  int notified = 0;
  changes_.add_listener([&](const std::string&) { ++notified; });
  db::ChangeFeed other_node;
  EXPECT_FALSE(other_node.poll(database()));  // first look sets the mark
  auto p = draft(editor_);
  ASSERT_TRUE(portal_->submit(editor_, actor(editor_), p.id));
  EXPECT_EQ(notified, 0) << "drafts do not change public pages";
  ASSERT_TRUE(portal_->publish(reviewer_, actor(reviewer_), p.id));
  EXPECT_EQ(notified, 1);
  EXPECT_TRUE(other_node.poll(database()));
  EXPECT_FALSE(other_node.poll(database()));
}

TEST_P(PortalServiceTest, CategoriesWithPostsCannotBeDeleted) {
  auto p = draft(editor_);
  auto cat = portal_->category("tin-tuc");
  ASSERT_TRUE(cat);
  EXPECT_EQ(portal_->delete_category(admin_, actor(admin_), cat->id).error().kind, core::ErrorKind::conflict);
  EXPECT_EQ(portal_->delete_category(editor_, actor(editor_), cat->id).error().kind, core::ErrorKind::forbidden);
  auto dup = portal_->save_category(admin_, actor(admin_), std::nullopt, "Tin tức", "tin-tuc", "", 1);
  ASSERT_FALSE(dup);
  EXPECT_TRUE(dup.error().fields.count("slug"));
}

INSTANTIATE_TEST_SUITE_P(Backends, PortalServiceTest, ::testing::ValuesIn(testing_support::backends()), testing_support::backend_name);

}  // namespace
