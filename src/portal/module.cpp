#include "portal/module.h"

#include "portal/admin_routes.h"
#include "portal/api_routes.h"
#include "portal/permissions.h"
#include "portal/post_repository.h"
#include "portal/public_routes.h"
#include "portal/views.h"

namespace portal {

PortalModule::PortalModule(const web::ModuleContext& context)
    : changes_(context.changes),
      service_(std::make_unique<PortalService>(context.database, context.changes, context.config.uploads_dir(),
                                               context.config.max_cover_bytes)) {
  // Any change may have scheduled or unscheduled a post: look again at the next duty run.
  changes_.add_listener([this](const std::string&) {
    std::lock_guard lock(mutex_);
    scheduled_known_ = false;
  });
}

void PortalModule::register_routes(web::Site& site) {
  register_public_routes(site, *service_);
  register_admin_routes(site, *service_);
  register_api_routes(site, *service_);
}

std::vector<web::MenuEntry> PortalModule::public_menu() const {
  std::vector<web::MenuEntry> menu = {{0, "Trang chủ", "/"}};
  int order = 10;
  for (const auto& c : service_->categories()) menu.push_back({order++, c.name, category_url(c.slug)});
  return menu;
}

std::vector<web::BackOfficeLink> PortalModule::back_office_links() const {
  return {{0, "Tổng quan", "/quan-tri", web::needs(auth::enter_back_office)},
          {10, "Bài viết", "/quan-tri/bai-viet", web::needs(perm::write_posts)},
          {11, "Viết bài mới", "/quan-tri/bai-viet/moi", web::needs(perm::write_posts)},
          {12, "Chuyên mục", "/quan-tri/chuyen-muc", web::needs(perm::manage_categories)}};
}

std::vector<web::Duty> PortalModule::duties() {
  return {{"portal.scheduled_posts", std::chrono::seconds(1), [this](std::int64_t now) { publish_due_posts(now); }}};
}

void PortalModule::publish_due_posts(std::int64_t now) {
  std::optional<std::int64_t> due;
  {
    std::lock_guard lock(mutex_);
    if (!scheduled_known_) {
      next_scheduled_ = service_->next_scheduled();
      scheduled_known_ = true;
    }
    if (!next_scheduled_ || *next_scheduled_ > now) return;
    scheduled_known_ = false;  // the next one is looked up after this one
  }
  changes_.notify("portal:scheduled");
}

std::vector<web::BackupTable> PortalModule::tables() {
  return {{"categories"}, {"posts"}, {"post_tags"}, {"post_versions"}};
}

std::vector<web::FigureSource> PortalModule::figure_sources() const {
  return {{"portal.posts_published", "tin, bài xuất bản trên cổng thông tin", [](db::Connection& c, std::int64_t from, std::int64_t to) {
             return web::UnitCounts{{"", PostRepository(c).count_published(from, to)}};
           }}};
}

}  // namespace portal
