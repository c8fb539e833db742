#pragma once
// The portal feature: news and guidance posts with their editorial workflow, categories, feeds.
#include "portal/portal_service.h"
#include "web/module.h"

#include <memory>
#include <mutex>

namespace portal {

class PortalModule : public web::Module {
 public:
  explicit PortalModule(const web::ModuleContext& context);
  std::string_view name() const override { return "portal"; }
  void register_routes(web::Site& site) override;
  std::vector<web::MenuEntry> public_menu() const override;
  std::vector<web::BackOfficeLink> back_office_links() const override;
  std::vector<web::Duty> duties() override;
  std::vector<web::FigureSource> figure_sources() const override;
  static std::vector<web::BackupTable> tables();

  PortalService& service() { return *service_; }

 private:
  // A scheduled post whose time has come changes public pages without any write: tell this
  // node's listeners (caches, menus) when it arrives.
  void publish_due_posts(std::int64_t now);

  db::ChangeFeed& changes_;
  std::unique_ptr<PortalService> service_;
  std::mutex mutex_;
  std::optional<std::int64_t> next_scheduled_;
  bool scheduled_known_ = false;
};

}  // namespace portal
