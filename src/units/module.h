#pragma once
// Administrative units: the national list of provinces and communes (imported with
// `phobien import-units`), the configured province's organisation tree and the accounts of its
// units (/quan-tri/don-vi), and GET /api/v1/units for programs and forms.
#include "units/unit_registry.h"
#include "web/module.h"

#include <memory>

namespace units {

class UnitsModule : public web::Module {
 public:
  explicit UnitsModule(const web::ModuleContext& context);
  std::string_view name() const override { return "units"; }
  void register_routes(web::Site& site) override;
  std::vector<web::BackOfficeLink> back_office_links() const override;
  static std::vector<web::BackupTable> tables() { return {"admin_units", "unit_members"}; }

  UnitRegistry& registry() { return *registry_; }

 private:
  std::unique_ptr<UnitRegistry> registry_;
  std::string province_;  // settings: the province whose tree the back office edits
};

}  // namespace units
