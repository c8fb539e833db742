#include "units/unit_import.h"

#include <gtest/gtest.h>

namespace {

TEST(UnitImport, ReadsProvincesAndTheirCommunes) {
  auto parsed = units::parse_vn_units(R"([
    {"Code": "01", "FullName": "Thành phố Hà Nội", "Wards": [
      {"Code": "00004", "FullName": "Phường Ba Đình", "ProvinceCode": "01"},
      {"Code": "00008", "FullName": "Phường Ngọc Hà", "ProvinceCode": "01"}]},
    {"Code": "89", "FullName": "Tỉnh An Giang", "Wards": []}])");
  ASSERT_TRUE(parsed.problems.empty()) << parsed.problems[0];
  ASSERT_EQ(parsed.units.size(), 4u);
  EXPECT_EQ(parsed.units[0].level, units::UnitLevel::province);
  EXPECT_EQ(parsed.units[1].name, "Phường Ba Đình");
  EXPECT_EQ(parsed.units[1].parent_code, "01");
  EXPECT_EQ(parsed.units[3].code, "89");
}

TEST(UnitImport, NamesEveryBadEntry) {
  auto parsed = units::parse_vn_units(R"([
    {"Code": "1", "FullName": "Tỉnh Sai Mã", "Wards": [
      {"Code": "00004", "FullName": "", "ProvinceCode": "1"},
      {"Code": "00004", "FullName": "Phường Trùng", "ProvinceCode": "02"}]},
    "không phải tỉnh"])");
  ASSERT_EQ(parsed.problems.size(), 5u);
  EXPECT_EQ(parsed.problems[0], "Tỉnh thứ 1: mã «1» phải gồm 2 chữ số.");
  EXPECT_EQ(parsed.problems[1], "Tỉnh thứ 1, xã thứ 1: tên phải có từ 1 đến 200 byte.");
  EXPECT_EQ(parsed.problems[2], "Tỉnh thứ 1, xã thứ 2: mã 00004 bị trùng.");
  EXPECT_EQ(parsed.problems[3], "Tỉnh thứ 1, xã thứ 2: ProvinceCode «02» không phải mã tỉnh 1.");
  EXPECT_EQ(parsed.problems[4], "Tỉnh thứ 2: không phải một đối tượng JSON.");
  EXPECT_FALSE(units::parse_vn_units("{}").problems.empty());
  EXPECT_FALSE(units::parse_vn_units("[").problems.empty());
  EXPECT_FALSE(units::parse_vn_units(std::string(100, '[')).problems.empty()) << "too deep to parse";
}

}  // namespace
