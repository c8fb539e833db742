// Every registered route, called by every role and by an anonymous visitor, compared with the
// table below: who may use what is declared with each route (web/route.h) and enforced in one
// place (web::Site), and this table is the reviewed record of it. A route added without a row
// here fails the test, and so does a row whose route is gone.
//
// Paths use an id or slug that does not exist ("0" or "khong-co"), so allowed roles reach the
// handler and get its 404 (or its answer to an empty form) while nothing changes; pages without
// parameters answer 200. Codes: 303 is the login redirect for anonymous visitors of HTML routes,
// 401 and 403 are the JSON refusals of API routes, 403 the page for roles without the right.
#include "support/fixtures.h"
#include "support/test_server.h"
#include "units/settings.h"
#include "units/unit_registry.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

namespace {

using namespace testing_support;

const std::vector<std::string> kVisitors = {"anonymous", "citizen", "editor", "reviewer", "moderator", "expert", "reporter", "approver", "admin"};

struct Row {
  std::string path;              // what is requested
  std::vector<int> expected;     // in the order of kVisitors
};

// "METHOD pattern" → path requested and the status each visitor gets.
const std::map<std::string, Row>& table() {
  static const std::map<std::string, Row> rows = {
#include "route_access_table.inc"
  };
  return rows;
}

std::string concrete(const std::string& pattern) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern[i] != '{') {
      out += pattern[i++];
      continue;
    }
    auto end = pattern.find('}', i);
    std::string name = pattern.substr(i + 1, end - i - 1);
    out += (name == "id" || name == "attachment") ? "0" : "khong-co";
    i = end + 1;
  }
  return out;
}

TEST(RouteAccess, EveryRouteByEveryRole) {
  // A province with one commune, so that the PBGDPL reports' pages answer as they would in use.
  TestServer server("sqlite", [](core::Config& c) {
    c.rate_limits_enabled = false;
    c.section<units::Settings>().province = "01";
  });
  units::UnitRegistry(server.database())
      .import({{{"01", "Tỉnh Mẫu", units::UnitLevel::province, ""}, {"00100", "Xã Mẫu", units::UnitLevel::commune, "01"}}, {}},
              {std::nullopt, "test"});
  std::map<std::string, HttpClient> clients;
  std::map<std::string, std::string> accounts;
  for (const auto& visitor : kVisitors) {
    if (visitor == "anonymous") continue;
    accounts[visitor] = "kiem-tra-" + visitor + "@x.vn";
    server.add_user(accounts[visitor], *auth::parse_role(visitor));
  }
  auto fresh_client = [&](const std::string& visitor) {
    HttpClient c = server.client();
    if (visitor == "anonymous")
      c.get("/dang-nhap");  // a CSRF cookie, so that form POSTs are judged on access alone
    else
      EXPECT_TRUE(c.login(accounts[visitor], kPassword)) << visitor;
    return c;
  };
  for (const auto& visitor : kVisitors) clients.emplace(visitor, fresh_client(visitor));

  std::ostringstream actual_table;  // printed on failure, in the table's own format
  std::set<std::string> seen;
  for (const auto& spec : server.routes()) {
    const std::string key = spec.method + " " + spec.pattern;
    seen.insert(key);
    auto row = table().find(key);
    const std::string path = row != table().end() ? row->second.path : concrete(spec.pattern);
    std::vector<int> actual;
    for (const auto& visitor : kVisitors) {
      auto& client = clients.at(visitor);
      HttpResponse r;
      if (spec.method == "GET") {
        r = client.get(path);
      } else if (spec.kind == web::RouteKind::form || spec.kind == web::RouteKind::upload) {
        r = client.post_form(path, {{"_csrf", client.csrf()}});
      } else {
        r = client.request(spec.method, path, "{}", {{"Content-Type", "application/json"}});
      }
      actual.push_back(r.status);
      if (path == "/dang-xuat") clients.erase(visitor), clients.emplace(visitor, fresh_client(visitor));
    }
    actual_table << "      {\"" << key << "\", {\"" << path << "\", {";
    for (std::size_t i = 0; i < actual.size(); ++i) actual_table << (i ? ", " : "") << actual[i];
    actual_table << "}}},\n";
    if (row == table().end()) {
      ADD_FAILURE() << "route without a row in route_access_table.inc: " << key;
      continue;
    }
    EXPECT_EQ(actual, row->second.expected) << key << " (visitors: anonymous, citizen, editor, reviewer, moderator, expert, reporter, approver, admin)";
  }
  for (const auto& [key, row] : table()) EXPECT_TRUE(seen.count(key)) << "row for a route that is not registered: " << key;
  if (HasFailure()) std::cerr << "The table as the server answers now:\n" << actual_table.str();
}

}  // namespace
