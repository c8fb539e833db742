#include "answer/module.h"

#include "answer/answer_counts.h"
#include "answer/answer_routes.h"
#include "answer/permissions.h"
#include "answer/review_repository.h"
#include "answer/review_routes.h"
#include "answer/settings.h"
#include "core/time.h"

namespace answer {

AnswerModule::AnswerModule(const web::ModuleContext& context, const library::SearchService& search)
    : service_(std::make_unique<AnswerService>(context.database, search, context.config.section<Settings>().conversation_retention_days * 24 * 3600)),
      reviews_(std::make_unique<AnswerReviews>(context.database, *service_)) {}

void AnswerModule::register_routes(web::Site& site) {
  register_answer_routes(site, *service_, *reviews_);
  register_review_routes(site, *reviews_);
}

std::vector<web::BackOfficeLink> AnswerModule::back_office_links() const {
  return {{35, "Hỏi đáp tự động: phản hồi", "/quan-tri/hoi-dap-tu-dong", web::needs(perm::review_answers)}};
}

std::vector<web::MenuEntry> AnswerModule::public_menu() const { return {{120, "Hỏi đáp tự động", "/hoi-dap-tu-dong"}}; }

std::vector<web::BackupTable> AnswerModule::tables() {
  return {{"answer_handoffs"},
          {"answer_counts"},
          {"answer_reviews"},
          {"answer_turns", "conversation memory, kept for minutes to days on purpose (personal data)"}};
}

std::vector<web::FigureSource> AnswerModule::figure_sources() const {
  return {{"answer.answers_given", "lượt hỏi đáp tự động", [](db::Connection& c, std::int64_t from, std::int64_t to) {
             return web::UnitCounts{{"", AnswerCountRepository(c).count(core::format_vn_iso_date(from), core::format_vn_iso_date(to))}};
           }},
          // Where answers fall short, for the province's own indicators (issue 14, feedback and gaps).
          {"answer.unhelpful_answers", "lượt người hỏi cho là câu trả lời tự động không giúp ích",
           [](db::Connection& c, std::int64_t from, std::int64_t to) { return web::UnitCounts{{"", ReviewRepository(c).count_unhelpful(from, to)}}; }}};
}

}  // namespace answer
