#pragma once
// Administrative units: the national list of provinces and communes (imported with
// `phobien import-units`), a province's agencies, and GET /api/v1/units for programs and forms.
#include "units/unit_registry.h"
#include "web/module.h"

#include <memory>

namespace units {

class UnitsModule : public web::Module {
 public:
  explicit UnitsModule(const web::ModuleContext& context) : registry_(std::make_unique<UnitRegistry>(context.database)) {}
  std::string_view name() const override { return "units"; }
  void register_routes(web::Site& site) override;
  static std::vector<web::BackupTable> tables() { return {"admin_units", "unit_members"}; }

  UnitRegistry& registry() { return *registry_; }

 private:
  std::unique_ptr<UnitRegistry> registry_;
};

}  // namespace units
