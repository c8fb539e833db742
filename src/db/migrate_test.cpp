#include "db/migrate.h"

#include <gtest/gtest.h>

namespace db {

TEST(Migrations, PostgresTypesFollowFromSqliteOnes) {
  EXPECT_EQ(translate_for_postgres("CREATE TABLE t (\n  id INTEGER PRIMARY KEY,\n  n INTEGER NOT NULL,\n  label TEXT\n);"),
            "CREATE TABLE t (\n  id BIGSERIAL PRIMARY KEY,\n  n BIGINT NOT NULL,\n  label TEXT\n);");
  // Whole words only: a column named "integers" keeps its name.
  EXPECT_EQ(translate_for_postgres("integers INTEGER"), "integers BIGINT");
}

TEST(Migrations, EveryModuleMigrationIsFoundOnceForBothDialects) {
  auto sqlite = embedded_migrations(Dialect::sqlite);
  auto postgres = embedded_migrations(Dialect::postgres);
  ASSERT_EQ(sqlite.size(), postgres.size());
  ASSERT_GE(sqlite.size(), 10u);
  for (std::size_t i = 0; i < sqlite.size(); ++i) {
    EXPECT_EQ(sqlite[i].name, postgres[i].name);
    if (i) EXPECT_LT(sqlite[i - 1].name, sqlite[i].name) << "sorted, no name twice";
    EXPECT_EQ(postgres[i].sql.find("INTEGER PRIMARY KEY"), std::string::npos) << postgres[i].name;
  }
  EXPECT_EQ(sqlite.front().name, "0001_foundation.sql");
}

}  // namespace db
