#include "stats/consultation_figures.h"

#include "consult/expert_repository.h"
#include "consult/question_repository.h"
#include "core/time.h"

#include <unicode/coll.h>
#include <unicode/locid.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace stats {

using consult::Status;

const char* const kUnclassifiedLabel = "Chưa phân loại";

namespace {

constexpr double kHour = 3600.0;
constexpr std::size_t kMaxOverdueListed = 500;

std::size_t status_index(Status s) {
  const auto& all = consult::all_statuses();
  return static_cast<std::size_t>(std::find(all.begin(), all.end(), s) - all.begin());
}

// Vietnamese alphabetical order (ICU), not byte order: "Đặng" after "Dương", before "Hà".
void sort_by_name(std::vector<ExpertLoad>& experts) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(icu::Locale("vi"), status));
  std::stable_sort(experts.begin(), experts.end(), [&](const ExpertLoad& a, const ExpertLoad& b) {
    if (!collator || U_FAILURE(status)) return a.name < b.name;
    UErrorCode err = U_ZERO_ERROR;
    return collator->compareUTF8(a.name, b.name, err) == UCOL_LESS;
  });
}

core::Cell optional_number(const std::optional<double>& v, double scale = 1) {
  if (!v) return std::monostate{};
  return round_hundredths(*v * scale);
}

}  // namespace

std::optional<double> nearest_rank_percentile(std::vector<double> values, double p) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const auto n = static_cast<double>(values.size());
  // p·n first: exact for whole p, so ranks that should be whole numbers are.
  auto rank = static_cast<std::size_t>(std::ceil(p * n / 100.0));
  rank = std::clamp<std::size_t>(rank, 1, values.size());
  return values[rank - 1];
}

ConsultationFigures consultation_figures(db::Connection& c, Period period, std::int64_t now) {
  ConsultationFigures s;
  s.period = period;
  s.now = now;
  const std::size_t statuses = consult::all_statuses().size();
  s.status_totals.assign(statuses, 0);

  // Received in the period, by field and current status.
  consult::QuestionRepository questions(c);
  std::map<std::string, std::size_t> row_of;
  for (const auto& f : questions.fields()) {
    row_of[f.slug] = s.fields.size();
    s.fields.push_back({f.slug, f.name, std::vector<std::int64_t>(statuses, 0), 0});
  }
  const std::size_t unclassified = s.fields.size();
  s.fields.push_back({"", kUnclassifiedLabel, std::vector<std::int64_t>(statuses, 0), 0});
  for (const auto& r : c.query(
           "SELECT COALESCE(field_slug, ''), status, COUNT(*) FROM questions "
           "WHERE created_at >= ? AND created_at < ? AND source <> 'import' GROUP BY field_slug, status",
           {period.from, period.to})) {
    auto status = consult::parse_status(r.text(1));
    if (!status) continue;
    auto it = row_of.find(r.text(0));
    auto& row = s.fields[it == row_of.end() ? unclassified : it->second];
    auto n = r.int64(2);
    row.by_status[status_index(*status)] += n;
    row.total += n;
    s.status_totals[status_index(*status)] += n;
    s.received += n;
  }

  // Delivered in the period: answer times, ratings and each expert's answers.
  std::vector<double> hours;
  std::map<std::int64_t, std::int64_t> answered_by;
  for (const auto& r : c.query(
           "SELECT delivered_at - created_at, rating, expert_id FROM questions "
           "WHERE delivered_at >= ? AND delivered_at < ? AND source <> 'import'",
           {period.from, period.to})) {
    hours.push_back(static_cast<double>(std::max<std::int64_t>(0, r.int64(0))) / kHour);
    if (auto rating = r.opt_int64(1)) (*rating ? s.ratings.useful : s.ratings.not_useful) += 1;
    if (auto expert = r.opt_int64(2)) ++answered_by[*expert];
  }
  s.answered = static_cast<std::int64_t>(hours.size());
  s.answer_times.count = hours.size();
  s.answer_times.median_hours = nearest_rank_percentile(hours, 50);
  s.answer_times.p90_hours = nearest_rank_percentile(std::move(hours), 90);
  if (auto rated = s.ratings.useful + s.ratings.not_useful)
    s.ratings.useful_share = static_cast<double>(s.ratings.useful) / static_cast<double>(rated);

  for (const auto& e : consult::ExpertRepository(c).list())
    s.experts.push_back({e.id, e.full_name, e.organisation, e.available, e.verified(), e.capacity, e.open_questions,
                         answered_by.count(e.id) ? answered_by[e.id] : 0});
  sort_by_name(s.experts);

  consult::QuestionFilter late;
  late.overdue_only = true;
  late.now = now;
  late.limit = kMaxOverdueListed;
  for (const auto& q : questions.list(late))
    s.overdue.push_back({q.id, q.code, q.field_name, q.status, q.expert_name, q.created_at, *q.due_at,
                         static_cast<double>(now - *q.due_at) / kHour});
  s.overdue_total = s.overdue.size() < kMaxOverdueListed ? static_cast<std::int64_t>(s.overdue.size())
                                                         : questions.count(late);

  s.imported = c.query_int(
      "SELECT COUNT(*) FROM questions WHERE created_at >= ? AND created_at < ? AND source = 'import'",
      {period.from, period.to});
  return s;
}

std::vector<core::Table> consultation_tables(const ConsultationFigures& s) {
  std::vector<core::Table> tables;
  using Row = std::vector<core::Cell>;

  core::Table summary{"Tổng hợp", {"Chỉ tiêu", "Giá trị"}, {}};
  summary.rows = {
      Row{std::string("Từ ngày"), core::format_vn_date(s.period.from)},
      Row{std::string("Đến ngày"), core::format_vn_date(s.period.to - 1)},
      Row{std::string("Câu hỏi nhận được"), s.received},
      Row{std::string("Câu hỏi đã trả lời"), s.answered},
      Row{std::string("Thời gian trả lời, trung vị (giờ)"), optional_number(s.answer_times.median_hours)},
      Row{std::string("Thời gian trả lời, 90% câu hỏi trong vòng (giờ)"), optional_number(s.answer_times.p90_hours)},
      Row{std::string("Đánh giá hữu ích"), s.ratings.useful},
      Row{std::string("Đánh giá chưa hữu ích"), s.ratings.not_useful},
      Row{std::string("Tỷ lệ hữu ích (%)"), optional_number(s.ratings.useful_share, 100)},
      Row{std::string("Câu hỏi quá hạn hiện nay"), s.overdue_total},
      Row{std::string("Câu hỏi nhập từ kho hỏi đáp (không tính ở trên)"), s.imported},
  };
  tables.push_back(std::move(summary));

  core::Table by_field{"Theo lĩnh vực", {"Lĩnh vực"}, {}};
  for (Status st : consult::all_statuses()) by_field.headers.emplace_back(consult::status_label(st));
  by_field.headers.emplace_back("Tổng");
  auto counts_row = [](const std::string& label, const std::vector<std::int64_t>& counts, std::int64_t total) {
    Row row{label};
    for (auto n : counts) row.emplace_back(n);
    row.emplace_back(total);
    return row;
  };
  for (const auto& f : s.fields) by_field.rows.push_back(counts_row(f.name, f.by_status, f.total));
  by_field.rows.push_back(counts_row("Tổng cộng", s.status_totals, s.received));
  tables.push_back(std::move(by_field));

  core::Table experts{"Chuyên gia",
                      {"Chuyên gia", "Tổ chức", "Đang xử lý", "Số câu tối đa", "Đã trả lời trong kỳ", "Nhận câu hỏi mới"},
                      {}};
  for (const auto& e : s.experts)
    experts.rows.push_back(Row{e.name, e.organisation, e.open, std::int64_t{e.capacity}, e.answered,
                               std::string(e.available && e.verified ? "Có" : "Không")});
  tables.push_back(std::move(experts));

  core::Table overdue{"Quá hạn",
                      {"Mã câu hỏi", "Lĩnh vực", "Trạng thái", "Chuyên gia", "Ngày gửi", "Hạn trả lời", "Số giờ quá hạn"},
                      {}};
  for (const auto& q : s.overdue)
    overdue.rows.push_back(Row{q.code, q.field_name.empty() ? std::string(kUnclassifiedLabel) : q.field_name,
                               std::string(consult::status_label(q.status)), q.expert_name, core::format_vn_datetime(q.created_at),
                               core::format_vn_datetime(q.due_at), round_hundredths(q.hours_late)});
  tables.push_back(std::move(overdue));
  return tables;
}

}  // namespace stats
