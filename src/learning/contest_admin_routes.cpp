#include "learning/contest_admin_routes.h"

#include "core/spreadsheet.h"
#include "core/time.h"
#include "learning/contest_views.h"
#include "learning/permissions.h"
#include "web/download.h"
#include "web/params.h"

#include <fmt/format.h>

namespace learning {

namespace {

// Every person of a round, in an export; a page shows the first ones.
constexpr int kExportedPeople = 1'000'000;
constexpr int kShownPeople = 50;


// The contest of the URL and the round of ?vong= (0: the one opened last), or the page to send.
struct Chosen {
  Contest contest;
  int round = 0;
};
std::variant<Chosen, http::Response> chosen(web::Site& site, ContestService& contests, http::Request& r, web::Visitor& v) {
  auto id = web::parse_id(r.params["id"]);
  auto contest = id ? contests.find(*id) : std::nullopt;
  if (!contest) return site.not_found_page(v);
  web::ParamError error;
  auto round = web::int_param(r, "vong", 0, 0, 1000, error);
  if (!round) return site.not_found_page(v);
  return Chosen{std::move(*contest), static_cast<int>(*round)};
}

}  // namespace

void register_contest_admin_routes(web::Site& site, ContestService& contests) {
  const auto access = web::needs(perm::manage_contests);
  site.add(web::page("/quan-tri/cuoc-thi", access), [&site, &contests](http::Request&, web::Visitor& v) {
    const auto now = core::now_unix();
    auto view = site.base_view(v, "Cuộc thi tìm hiểu pháp luật");
    nlohmann::json items = nlohmann::json::array();
    for (const auto& c : contests.listed(now, 3650)) {
      auto item = contest_page_view(c, now);
      item["admin_url"] = "/quan-tri/cuoc-thi/" + std::to_string(c.id);
      items.push_back(std::move(item));
    }
    view["contests"] = items;
    view["none"] = items.empty();
    return site.page("learning/admin_contests", view);
  });

  // The results page, and the same results as a download: `extension` is "" for the page.
  auto serve = [&site, &contests](http::Request& r, web::Visitor& v, const std::string& extension) {
    auto choice = chosen(site, contests, r, v);
    if (auto* page = std::get_if<http::Response>(&choice)) return std::move(*page);
    const auto& [contest, round] = std::get<Chosen>(choice);
    const auto now = core::now_unix();
    auto board = contests.leaderboard(contest, round, extension.empty() ? kShownPeople : kExportedPeople, now);
    if (!board) return site.not_found_page(v);
    const auto name = fmt::format("ket-qua-{}-vong-{}", contest.slug, board->round_number);
    if (!extension.empty()) return web::tables_download(results_tables(*board), extension, name);
    auto view = site.base_view(v, "Kết quả – " + contest.title);
    view["contest"] = contest_page_view(contest, now);
    view["board"] = leaderboard_page_view(*board);
    view["empty"] = board->people.empty();
    view["shown"] = kShownPeople;
    const auto base = "/quan-tri/cuoc-thi/" + std::to_string(contest.id);
    view["csv_url"] = base + "/ket-qua.csv?vong=" + std::to_string(board->round_number);
    view["xlsx_url"] = base + "/ket-qua.xlsx?vong=" + std::to_string(board->round_number);
    nlohmann::json rounds = nlohmann::json::array();
    for (const auto& rd : contest.rounds)
      rounds.push_back({{"number", rd.number}, {"url", base + "?vong=" + std::to_string(rd.number)},
                        {"current", rd.number == board->round_number}, {"opens", core::format_vn_datetime(rd.opens_at)},
                        {"closes", core::format_vn_datetime(rd.closes_at)}});
    view["round_links"] = rounds;
    return site.page("learning/admin_contest", view);
  };
  site.add(web::page("/quan-tri/cuoc-thi/{id}", access), [serve](http::Request& r, web::Visitor& v) { return serve(r, v, ""); });
  site.add(web::page("/quan-tri/cuoc-thi/{id}/ket-qua.csv", access), [serve](http::Request& r, web::Visitor& v) { return serve(r, v, "csv"); });
  site.add(web::page("/quan-tri/cuoc-thi/{id}/ket-qua.xlsx", access), [serve](http::Request& r, web::Visitor& v) { return serve(r, v, "xlsx"); });
}

}  // namespace learning
