#pragma once
// Anti-spam for anonymous forms, without outside services: the site secret, signed tokens, the
// minimum fill time (form_timer.h) and proof of work (proof_of_work.h), whose spent challenges
// this module keeps and purges. Features use the primitives; the module has no routes.
#include "web/module.h"

namespace antispam {

class AntispamModule : public web::Module {
 public:
  explicit AntispamModule(const web::ModuleContext& context) : database_(context.database) {}
  std::string_view name() const override { return "antispam"; }
  std::vector<web::Duty> duties() override;
  static std::vector<web::BackupTable> tables();

 private:
  db::Database& database_;
};

}  // namespace antispam
