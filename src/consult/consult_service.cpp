#include "consult/consult_service.h"

#include "consult/permissions.h"

#include "auth/auth_service.h"
#include "auth/proof_of_work.h"
#include "auth/site_secret.h"
#include "consult/citation_resolver.h"
#include "consult/expert_repository.h"
#include "consult/question_repository.h"
#include "core/attachment.h"
#include "core/random.h"
#include "core/time.h"
#include "core/utf8.h"
#include "text/personal_data.h"
#include "text/vietnamese.h"

#include <fmt/format.h>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>

namespace consult {

namespace {

constexpr std::int64_t kDay = 24 * 3600;

bool is_moderator(const auth::User& u) { return perm::moderate_questions.allows(u.role); }

// Digits with an optional leading +: "0912 345 678", "+84 912.345.678" → "0912345678", "+84912345678".
std::optional<std::string> normalize_phone(const std::string& raw) {
  std::string out;
  for (char ch : raw) {
    if (ch >= '0' && ch <= '9') out += ch;
    else if (ch == '+' && out.empty()) out += ch;
    else if (ch != ' ' && ch != '.' && ch != '-' && ch != '(' && ch != ')') return std::nullopt;
  }
  std::size_t digits = out.size() - (out.starts_with('+') ? 1 : 0);
  if (digits < 9 || digits > 12) return std::nullopt;
  return out;
}

// "Tiêu đề cần từ 10 đến 200 ký tự."
std::string length_error(const char* what, std::size_t min, std::size_t max) {
  return fmt::format("{} cần từ {} đến {} ký tự.", what, min, max);
}

std::string unique_public_slug(db::Connection& c, const std::string& title, std::int64_t id) {
  std::string base = core::slugify(title, 70);
  if (base.empty()) base = "cau-hoi";
  std::string slug = base;
  if (c.query_one("SELECT 1 FROM questions WHERE public_slug = ? AND id <> ?", {slug, id}))
    slug = base + "-" + std::to_string(id);
  return slug;
}

}  // namespace

std::string make_tracking_code() {
  static constexpr char kAlphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";  // no 0/O, 1/I
  std::string code = "TV-";
  for (int i = 0; i < 8; ++i) code += kAlphabet[randombytes_uniform(sizeof(kAlphabet) - 1)];
  return code;
}

ConsultService::ConsultService(db::Database& database, db::ChangeFeed& changes, library::LibraryService& library,
                               const core::Config& config, Mailer mailer)
    : database_(database),
      changes_(changes),
      library_(library),
      config_(config),
      mailer_(std::move(mailer)),
      limiter_(database, config.rate_limits_enabled) {}

std::vector<LegalField> ConsultService::fields() {
  auto c = database_.acquire();
  return QuestionRepository(*c).fields();
}

std::map<std::string, std::string> ConsultService::validate(const AskInput& in, const std::vector<LegalField>& fields) {
  std::map<std::string, std::string> e;
  auto title = core::utf8_length(in.title);
  if (title < 10 || title > kMaxTitleChars) e["title"] = length_error("Tiêu đề", 10, kMaxTitleChars);
  auto body = core::utf8_length(in.body);
  if (body < 20 || body > kMaxBodyChars) e["body"] = length_error("Nội dung câu hỏi", 20, kMaxBodyChars);
  if (!in.field.empty()) {
    bool known = false;
    for (const auto& f : fields) known |= f.slug == in.field;
    if (!known) e["field"] = "Lĩnh vực không có trong danh sách.";
  }
  if (in.email.empty() && in.phone.empty()) e["contact"] = "Cần ít nhất thư điện tử hoặc số điện thoại để nhận trả lời.";
  if (!in.email.empty() && !auth::normalize_email(in.email)) e["email"] = "Địa chỉ thư điện tử không hợp lệ.";
  if (!in.phone.empty() && !normalize_phone(in.phone)) e["phone"] = "Số điện thoại không hợp lệ (9–12 chữ số).";
  if (!in.consent) e["consent"] = "Cần đồng ý cho xử lý thông tin cá nhân để gửi câu hỏi.";
  return e;
}

core::Result<AskReceipt> ConsultService::ask(const AskInput& raw, const auth::Actor& actor,
                                             const std::optional<auth::User>& user) {
  AskInput in = raw;
  in.title = core::clean_text(in.title);
  in.body = core::clean_text(in.body);
  in.email = core::clean_text(in.email);
  in.phone = core::clean_text(in.phone);
  if (user && in.email.empty()) in.email = user->email;
  auto field_list = fields();
  auto errors = validate(in, field_list);
  if (!errors.empty()) return core::fail(core::ServiceError::invalid("Vui lòng kiểm tra lại các ô được đánh dấu.", errors));
  if (!in.email.empty()) in.email = *auth::normalize_email(in.email);
  if (!in.phone.empty()) in.phone = *normalize_phone(in.phone);

  // Anonymous askers pay a proof of work; it is checked here so the form and the API agree,
  // and spent in the question's own transaction below.
  bool needs_pow = !user && config_.question_pow_bits > 0;
  std::string secret;
  if (needs_pow) {
    secret = auth::site_secret(database_);
    auto checked = auth::pow::verify(secret, in.pow_challenge, in.pow_nonce, config_.question_pow_bits, core::now_unix());
    if (checked != auth::pow::Result::ok) {
      // The reason in words a citizen can act on; the machine code stays in the log.
      std::string why = checked == auth::pow::Result::expired    ? "phép kiểm tra đã quá hạn"
                        : checked == auth::pow::Result::not_solved ? "phép kiểm tra chưa được giải xong"
                                                                   : "thiếu hoặc sai phép kiểm tra";
      spdlog::info("question refused: proof of work {}", auth::pow::to_string(checked));
      return core::fail(core::ServiceError{core::ErrorKind::invalid, "proof_of_work",
                                           "Không xác minh được phép kiểm tra chống thư rác (" + why +
                                               "). Hãy tải lại trang rồi gửi lại câu hỏi.",
                                           {}});
    }
  }

  std::vector<core::AttachmentUpload> uploads;
  for (const auto& a : in.attachments) uploads.push_back({a.filename, a.data});
  auto cleaned = core::clean_attachments(uploads);
  if (!cleaned)
    return core::fail(core::ServiceError::invalid(cleaned.error().message, {{"attachments", cleaned.error().message}}));

  std::string contact = in.email.empty() ? in.phone : in.email;
  if (!limiter_.hit("question:ip:" + actor.ip, config_.question_per_ip) ||
      !limiter_.hit("question:contact:" + contact, config_.question_per_contact))
    return core::fail(core::ServiceError::rate_limited(
        "Bạn đã gửi nhiều câu hỏi trong thời gian ngắn. Vui lòng thử lại sau hoặc theo dõi các câu hỏi đã gửi."));

  auto now = core::now_unix();
  Question q;
  q.title = in.title;
  q.body = in.body;
  if (!in.field.empty()) q.field_slug = in.field;
  q.email = in.email;
  q.phone = in.phone;
  if (user) q.asker_user_id = user->id;
  q.publish_consent = in.publish;
  q.source = in.source;
  q.status = Status::fresh;
  q.created_at = q.updated_at = now;
  AskReceipt receipt;
  receipt.token = core::random_token(24);
  // Files are written first under random names; the rows that make them reachable are part of
  // the question's transaction, and the files go again if it fails.
  std::vector<Attachment> stored;
  for (const auto& file : *cleaned) {
    Attachment a{0, file.display_name, core::random_token(16) + "." + file.extension, file.content_type,
                 static_cast<std::int64_t>(file.data.size())};
    std::filesystem::create_directories(config_.uploads_dir() + "/consult");
    std::ofstream out(attachment_path(a), std::ios::binary);
    out.write(file.data.data(), static_cast<std::streamsize>(file.data.size()));
    if (!out) {
      delete_files(stored);
      throw std::runtime_error("cannot write attachment " + attachment_path(a));
    }
    stored.push_back(std::move(a));
  }
  struct FilesGuard {
    ConsultService* self;
    std::vector<Attachment>* files;
    bool keep = false;
    ~FilesGuard() {
      if (!keep) self->delete_files(*files);
    }
  } guard{this, &stored};
  auto c = database_.acquire();
  for (int attempt = 0;; ++attempt) {
    q.code = make_tracking_code();
    try {
      db::Transaction tx(*c);
      if (needs_pow && !auth::pow::spend(*c, in.pow_challenge, now + auth::pow::kDefaultMaxAgeSeconds))
        return core::fail(core::ServiceError{core::ErrorKind::invalid, "proof_of_work",
                                             "Phép kiểm tra chống thư rác này đã được dùng. Hãy tải lại trang rồi gửi lại.", {}});
      QuestionRepository repo(*c);
      q.id = repo.insert(q, core::sha256_hex(receipt.token), now);
      repo.add_event(q.id, q.asker_user_id, "ask", std::string(q.source), now);
      for (std::size_t i = 0; i < stored.size(); ++i) {
        repo.add_attachment(q.id, stored[i], now);
        std::string removed;
        for (const auto& r : (*cleaned)[i].removed) removed += (removed.empty() ? "" : ", ") + r;
        if (!removed.empty()) repo.add_event(q.id, std::nullopt, "strip-metadata", stored[i].display_name + ": " + removed, now);
      }
      auth::record_audit(*c, actor, "question.ask", "question:" + std::to_string(q.id));
      notify_asker(*c, q, "Đã nhận câu hỏi " + q.code,
                   fmt::format("Cổng thông tin đã nhận câu hỏi «{}» của bạn.\n\nMã theo dõi: {}\nXem trạng thái, đọc câu "
                               "trả lời, hỏi thêm hoặc rút câu hỏi tại:\n{}\n\nĐường dẫn này là bí mật, chỉ dành cho "
                               "bạn: không chuyển tiếp thư này.",
                               q.title, q.code,
                               config_.absolute_url("/tu-van/theo-doi/" + q.code + "?token=" + receipt.token)));
      notify_moderators(*c, "Câu hỏi mới " + q.code,
                        fmt::format("Có câu hỏi mới cần phân loại: {}\n{}", q.title, staff_url(q)));
      tx.commit();
      break;
    } catch (const db::ConstraintError&) {
      if (attempt >= 3) throw;  // a code collision is astronomically rare; three in a row is a bug
    }
  }
  guard.keep = true;
  changes_.notify("consult:" + std::to_string(q.id));
  receipt.code = q.code;
  receipt.id = q.id;
  return receipt;
}

core::Result<Question> ConsultService::check_asker(db::Connection& c, const AskerKey& key) {
  QuestionRepository repo(c);
  auto not_found = core::fail(core::ServiceError::not_found("Không tìm thấy câu hỏi. Kiểm tra lại mã theo dõi và đường dẫn."));
  auto hash = repo.token_hash(key.code);
  if (!hash) return not_found;
  if (!key.token.empty() && core::secure_equals(*hash, core::sha256_hex(key.token))) return *repo.find_by_code(key.code);
  if (key.user_id) {
    auto q = repo.find_by_code(key.code);
    if (q->asker_user_id && *q->asker_user_id == *key.user_id) return *q;
  }
  // The same answer for an unknown code and a wrong token: a code alone reveals nothing.
  return not_found;
}

QuestionView ConsultService::load_view(db::Connection& c, const Question& q) {
  QuestionRepository repo(c);
  QuestionView v;
  v.question = q;
  v.citations = repo.citations(q.id, "answer");
  v.candidates = repo.citations(q.id, "candidate");
  v.messages = repo.messages(q.id);
  v.attachments = repo.attachments(q.id);
  v.events = repo.events(q.id);
  return v;
}

core::Result<QuestionView> ConsultService::open(const AskerKey& key) {
  auto c = database_.acquire();
  auto q = check_asker(*c, key);
  if (!q) return core::fail(q.error());
  auto v = load_view(*c, *q);
  // The asker sees the answer only once it is delivered, never a draft under review.
  if (!q->delivered_at) {
    v.question.answer.clear();
    v.citations.clear();
  }
  v.events.clear();
  v.candidates.clear();
  return v;
}

core::Result<void> ConsultService::follow_up(const AskerKey& key, const std::string& raw) {
  std::string text = core::clean_text(raw);
  auto n = core::utf8_length(text);
  if (n < 5 || n > kMaxBodyChars)
    return core::fail(core::ServiceError::invalid(length_error("Câu hỏi tiếp theo", 5, kMaxBodyChars),
                                                  {{"body", length_error("Câu hỏi tiếp theo", 5, kMaxBodyChars)}}));
  auto c = database_.acquire();
  db::Transaction tx(*c);
  auto q = check_asker(*c, key);
  if (!q) return core::fail(q.error());
  if (q->status != Status::delivered && q->status != Status::published)
    return core::fail(core::ServiceError::conflict("Chỉ hỏi tiếp được sau khi câu hỏi đã có câu trả lời."));
  auto now = core::now_unix();
  QuestionRepository repo(*c);
  repo.add_message(q->id, "asker", text, now);
  if (q->status == Status::delivered) q->status = Status::follow_up;
  q->updated_at = now;
  repo.update(*q);
  repo.add_event(q->id, std::nullopt, "follow-up", "", now);
  notify_expert(*c, *q, "Câu hỏi tiếp theo " + q->code,
                fmt::format("Người hỏi đã gửi câu hỏi tiếp theo cho «{}».\n{}", q->title, staff_url(*q)));
  tx.commit();
  return {};
}

core::Result<void> ConsultService::rate(const AskerKey& key, bool useful) {
  auto c = database_.acquire();
  db::Transaction tx(*c);
  auto q = check_asker(*c, key);
  if (!q) return core::fail(q.error());
  if (!q->delivered_at) return core::fail(core::ServiceError::conflict("Câu hỏi chưa có câu trả lời để đánh giá."));
  q->rating = useful ? 1 : 0;
  q->updated_at = core::now_unix();
  QuestionRepository repo(*c);
  repo.update(*q);
  repo.add_event(q->id, std::nullopt, "rate", useful ? "hữu ích" : "chưa hữu ích", q->updated_at);
  tx.commit();
  return {};
}

core::Result<void> ConsultService::withdraw(const AskerKey& key, const auth::Actor& actor) {
  auto c = database_.acquire();
  db::Transaction tx(*c);
  auto q = check_asker(*c, key);
  if (!q) return core::fail(q.error());
  QuestionRepository repo(*c);
  auto files = repo.attachments(q->id);
  repo.remove(q->id);
  auth::record_audit(*c, actor, "question.withdraw", "question:" + std::to_string(q->id));
  changes_.record(*c, "consult:" + std::to_string(q->id));
  tx.commit();
  delete_files(files);
  changes_.notify("consult:" + std::to_string(q->id));
  return {};
}

std::vector<Question> ConsultService::asked_by(const auth::User& user) {
  auto c = database_.acquire();
  std::vector<Question> out;
  for (const auto& r : c->query("SELECT code FROM questions WHERE asker_user_id = ? ORDER BY id DESC LIMIT 100", {user.id}))
    if (auto q = QuestionRepository(*c).find_by_code(r.text(0))) out.push_back(*q);
  return out;
}

bool ConsultService::may_view(const auth::User& user, const Question& q) {
  if (is_moderator(user)) return true;
  if (q.asker_user_id && *q.asker_user_id == user.id) return true;
  if (user.role == auth::Role::expert && q.expert_id) {
    auto e = expert_of(user);
    return e && e->id == *q.expert_id;
  }
  return false;
}

core::Result<Question> ConsultService::load_for_staff(db::Connection& c, const auth::User& user, std::int64_t id) {
  auto q = QuestionRepository(c).find(id);
  if (!q) return core::fail(core::ServiceError::not_found("Không tìm thấy câu hỏi."));
  if (!may_view(user, *q)) return core::fail(core::ServiceError::forbidden());
  return *q;
}

core::Result<QuestionView> ConsultService::view(const auth::User& user, std::int64_t id) {
  auto c = database_.acquire();
  auto q = load_for_staff(*c, user, id);
  if (!q) return core::fail(q.error());
  return load_view(*c, *q);
}

std::vector<Question> ConsultService::queue(const auth::User& user, std::optional<Status> status, std::size_t limit,
                                            std::size_t offset) {
  auto c = database_.acquire();
  QuestionFilter f;
  f.status = status;
  f.limit = limit;
  f.offset = offset;
  if (!is_moderator(user)) {
    auto e = ExpertRepository(*c).find_by_user(user.id);
    if (user.role != auth::Role::expert || !e) return {};
    f.expert_id = e->id;
  }
  return QuestionRepository(*c).list(f);
}

std::vector<Question> ConsultService::overdue(std::size_t limit) {
  auto c = database_.acquire();
  QuestionFilter f;
  f.overdue_only = true;
  f.now = core::now_unix();
  f.limit = limit;
  return QuestionRepository(*c).list(f);
}

std::optional<std::int64_t> ConsultService::auto_assign(db::Connection& c, Question& q, std::int64_t now) {
  if (!q.field_slug) return std::nullopt;
  auto candidates = ExpertRepository(c).candidates(*q.field_slug);
  if (candidates.empty()) return std::nullopt;
  const auto& e = candidates.front();
  q.expert_id = e.id;
  q.expert_name = e.full_name;
  q.status = Status::assigned;
  q.assigned_at = now;
  QuestionRepository(c).add_event(q.id, std::nullopt, "assign", e.full_name + " (tự động theo lĩnh vực và số câu đang xử lý)",
                                  now);
  return e.id;
}

core::Result<Question> ConsultService::triage(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                              const std::string& field_slug, const std::string& note) {
  if (!is_moderator(user)) return core::fail(core::ServiceError::forbidden());
  auto c = database_.acquire();
  db::Transaction tx(*c);
  QuestionRepository repo(*c);
  auto q = load_for_staff(*c, user, id);
  if (!q) return q;
  if (q->status != Status::fresh && q->status != Status::triaged)
    return core::fail(core::ServiceError::conflict("Câu hỏi này đã được phân loại."));
  auto field = repo.field(field_slug);
  if (!field)
    return core::fail(core::ServiceError::invalid("Hãy chọn lĩnh vực của câu hỏi.", {{"field", "Lĩnh vực không hợp lệ."}}));
  auto now = core::now_unix();
  q->field_slug = field->slug;
  q->field_name = field->name;
  q->status = Status::triaged;
  q->status_reason = core::clean_text(note);
  q->due_at = now + field->answer_days * kDay;
  q->updated_at = now;
  repo.add_event(q->id, user.id, "triage", field->name, now);
  if (auto expert = auto_assign(*c, *q, now)) {
    notify_expert(*c, *q, "Câu hỏi mới được phân công " + q->code,
                  fmt::format("Bạn được phân công trả lời câu hỏi «{}» (lĩnh vực {}), hạn trả lời {}.\n{}", q->title,
                              field->name, core::format_vn_date(*q->due_at), staff_url(*q)));
  }
  repo.update(*q);
  auth::record_audit(*c, actor, "question.triage", "question:" + std::to_string(id), field->slug);
  tx.commit();
  return *q;
}

core::Result<Question> ConsultService::reject(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                              const std::string& raw_reason) {
  if (!is_moderator(user)) return core::fail(core::ServiceError::forbidden());
  std::string reason = core::clean_text(raw_reason);
  if (core::utf8_length(reason) < 5)
    return core::fail(core::ServiceError::invalid("Cần ghi lý do không tiếp nhận để gửi cho người hỏi.",
                                                  {{"reason", "Cần ghi lý do (ít nhất 5 ký tự)."}}));
  auto c = database_.acquire();
  db::Transaction tx(*c);
  auto q = load_for_staff(*c, user, id);
  if (!q) return q;
  if (q->status == Status::published || q->status == Status::rejected || q->status == Status::merged)
    return core::fail(core::ServiceError::conflict("Câu hỏi này không thể từ chối ở trạng thái hiện tại."));
  auto now = core::now_unix();
  q->status = Status::rejected;
  q->status_reason = reason;
  q->updated_at = now;
  QuestionRepository repo(*c);
  repo.update(*q);
  repo.add_event(q->id, user.id, "reject", reason, now);
  auth::record_audit(*c, actor, "question.reject", "question:" + std::to_string(id));
  notify_asker(*c, *q, "Câu hỏi " + q->code + " không được tiếp nhận",
               fmt::format("Câu hỏi «{}» của bạn không được tiếp nhận.\nLý do: {}", q->title, reason));
  tx.commit();
  return *q;
}

core::Result<Question> ConsultService::merge(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                             const std::string& into_code) {
  if (!is_moderator(user)) return core::fail(core::ServiceError::forbidden());
  auto c = database_.acquire();
  db::Transaction tx(*c);
  QuestionRepository repo(*c);
  auto q = load_for_staff(*c, user, id);
  if (!q) return q;
  auto target = repo.find_by_code(core::clean_text(into_code));
  if (!target || target->id == q->id || target->status == Status::merged || target->status == Status::rejected)
    return core::fail(core::ServiceError::invalid("Mã câu hỏi trùng không hợp lệ.", {{"into", "Không tìm thấy câu hỏi để gộp vào."}}));
  if (q->status != Status::fresh && q->status != Status::triaged)
    return core::fail(core::ServiceError::conflict("Chỉ gộp được câu hỏi chưa phân công."));
  auto now = core::now_unix();
  q->status = Status::merged;
  q->merged_into = target->id;
  q->status_reason = "Trùng với câu hỏi " + target->code;
  q->updated_at = now;
  repo.update(*q);
  repo.add_event(q->id, user.id, "merge", target->code, now);
  auth::record_audit(*c, actor, "question.merge", "question:" + std::to_string(id), target->code);
  std::string where = target->public_slug && target->status == Status::published
                          ? "Câu trả lời: " + config_.absolute_url("/hoi-dap/" + *target->public_slug)
                          : "Câu trả lời sẽ được công bố trong mục Hỏi đáp pháp luật khi có.";
  notify_asker(*c, *q, "Câu hỏi " + q->code + " trùng với câu hỏi đã có",
               fmt::format("Câu hỏi «{}» của bạn trùng nội dung với một câu hỏi đã được tiếp nhận, nên được gộp lại.\n{}",
                           q->title, where));
  tx.commit();
  return *q;
}

core::Result<Question> ConsultService::assign(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                              std::int64_t expert_id) {
  if (!is_moderator(user)) return core::fail(core::ServiceError::forbidden());
  auto c = database_.acquire();
  db::Transaction tx(*c);
  QuestionRepository repo(*c);
  auto q = load_for_staff(*c, user, id);
  if (!q) return q;
  if (q->status != Status::triaged && q->status != Status::assigned && q->status != Status::follow_up)
    return core::fail(core::ServiceError::conflict("Hãy phân loại câu hỏi trước khi phân công."));
  auto e = ExpertRepository(*c).find(expert_id);
  if (!e || !e->verified())
    return core::fail(core::ServiceError::invalid("Chỉ phân công được cho chuyên gia đã được xác minh.",
                                                  {{"expert", "Chuyên gia không hợp lệ."}}));
  auto now = core::now_unix();
  q->expert_id = e->id;
  q->expert_name = e->full_name;
  if (q->status == Status::triaged) q->status = Status::assigned;
  q->assigned_at = now;
  q->updated_at = now;
  repo.update(*q);
  repo.add_event(q->id, user.id, "assign", e->full_name, now);
  auth::record_audit(*c, actor, "question.assign", "question:" + std::to_string(id), std::to_string(e->id));
  notify_expert(*c, *q, "Câu hỏi được phân công " + q->code,
                fmt::format("Bạn được phân công trả lời câu hỏi «{}»{}.\n{}", q->title,
                            q->due_at ? ", hạn " + core::format_vn_date(*q->due_at) : "", staff_url(*q)));
  tx.commit();
  return *q;
}

core::Result<Question> ConsultService::save_answer(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                                   const AnswerInput& in) {
  auto c = database_.acquire();
  auto expert = ExpertRepository(*c).find_by_user(user.id);
  if (user.role != auth::Role::expert || !expert || !expert->verified())
    return core::fail(core::ServiceError::forbidden("Chỉ chuyên gia đã được xác minh mới trả lời câu hỏi."));
  std::string markdown = core::clean_text(in.markdown);
  auto n = core::utf8_length(markdown);
  if (n < 20 || n > kMaxAnswerChars)
    return core::fail(core::ServiceError::invalid(length_error("Câu trả lời", 20, kMaxAnswerChars),
                                                  {{"answer", length_error("Câu trả lời", 20, kMaxAnswerChars)}}));
  auto links = library_.link_table();
  db::Transaction tx(*c);
  auto citations = resolve_citations(in.citations, *links, *c);
  if (!citations) return core::fail(citations.error());
  if (citations->empty())
    return core::fail(core::ServiceError::invalid("Câu trả lời cần dẫn ít nhất một điều luật.",
                                                  {{"citations", "Cần ít nhất một trích dẫn điều luật."}}));
  auto q = load_for_staff(*c, user, id);
  if (!q) return q;
  if (!q->expert_id || *q->expert_id != expert->id || !is_open_for_expert(q->status))
    return core::fail(core::ServiceError::conflict("Câu hỏi này không chờ bạn trả lời."));
  QuestionRepository repo(*c);
  auto now = core::now_unix();
  bool follow_up = q->status == Status::follow_up;
  if (follow_up) {
    // A reply to a follow-up is added to the thread; the first answer stays as it was.
    repo.add_message(q->id, "expert", markdown, now);
    q->status = Status::delivered;
    repo.add_event(q->id, user.id, "reply", "", now);
    notify_asker(*c, *q, "Đã trả lời câu hỏi tiếp theo " + q->code,
                 fmt::format("Chuyên gia đã trả lời câu hỏi tiếp theo của bạn về «{}». Xem tại đường dẫn theo dõi đã "
                             "gửi khi bạn đặt câu hỏi (mã {}).",
                             q->title, q->code));
  } else {
    q->answer = markdown;
    q->answered_at = now;
    repo.replace_citations(q->id, "answer", *citations);
    if (expert->review_required) {
      q->status = Status::answered;
      repo.add_event(q->id, user.id, "answer", "chờ duyệt", now);
      notify_moderators(*c, "Câu trả lời chờ duyệt " + q->code, fmt::format("Câu trả lời cho «{}» chờ duyệt.\n{}", q->title, staff_url(*q)));
    } else {
      q->status = Status::delivered;
      q->delivered_at = now;
      repo.add_event(q->id, user.id, "answer", "", now);
      notify_asker(*c, *q, "Đã có câu trả lời " + q->code,
                   fmt::format("Câu hỏi «{}» của bạn đã được trả lời. Xem câu trả lời tại đường dẫn theo dõi đã gửi khi "
                               "bạn đặt câu hỏi (mã {}).",
                               q->title, q->code));
    }
  }
  q->updated_at = now;
  repo.update(*q);
  auth::record_audit(*c, actor, follow_up ? "question.reply" : "question.answer", "question:" + std::to_string(id));
  tx.commit();
  return *q;
}



PublishInput ConsultService::publish_draft(const Question& q) const {
  if (!q.public_title.empty()) return {q.public_title, q.public_body};
  return {text::mask_personal_data(q.title), text::mask_personal_data(q.body)};
}

core::Result<Question> ConsultService::publish(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                               const PublishInput& in) {
  if (!is_moderator(user)) return core::fail(core::ServiceError::forbidden());
  std::string title = core::clean_text(in.title), body = core::clean_text(in.body);
  std::map<std::string, std::string> errors;
  if (core::utf8_length(title) < 10 || core::utf8_length(title) > kMaxTitleChars) errors["title"] = length_error("Tiêu đề", 10, kMaxTitleChars);
  if (core::utf8_length(body) < 20 || core::utf8_length(body) > kMaxBodyChars) errors["body"] = length_error("Nội dung", 20, kMaxBodyChars);
  // Nothing the detector recognises as personal data may be published: the moderator edits it out.
  for (const auto& [name, value] : {std::pair{"title", &title}, std::pair{"body", &body}}) {
    auto found = text::find_personal_data(text::normalize(*value));
    if (!found.empty() && !errors.count(name))
      errors[name] = fmt::format("Còn {} thông tin cá nhân (được tô màu): hãy xóa hoặc thay bằng mô tả chung.", found.size());
  }
  if (!errors.empty()) return core::fail(core::ServiceError::invalid("Chưa thể công bố: kiểm tra các ô được đánh dấu.", errors));
  auto c = database_.acquire();
  db::Transaction tx(*c);
  auto q = load_for_staff(*c, user, id);
  if (!q) return q;
  if (!q->publish_consent)
    return core::fail(core::ServiceError::conflict("Người hỏi không đồng ý công bố câu hỏi này."));
  if (q->status != Status::delivered && q->status != Status::published && q->status != Status::follow_up)
    return core::fail(core::ServiceError::conflict("Chỉ công bố được câu hỏi đã được trả lời."));
  auto now = core::now_unix();
  q->public_title = title;
  q->public_body = body;
  q->public_slug = unique_public_slug(*c, title, q->id);
  if (q->status != Status::follow_up) q->status = Status::published;
  if (!q->published_at) q->published_at = now;
  q->updated_at = now;
  QuestionRepository repo(*c);
  repo.update(*q);
  repo.add_event(q->id, user.id, "publish", *q->public_slug, now);
  auth::record_audit(*c, actor, "question.publish", "question:" + std::to_string(id));
  changes_.record(*c, "consult:" + std::to_string(q->id));
  tx.commit();
  changes_.notify("consult:" + std::to_string(q->id));
  return *q;
}

template <typename Change>
core::Result<Question> ConsultService::moderate(const auth::User& user, const auth::Actor& actor, std::int64_t id, Status from,
                                                const char* wrong_status, const std::string& action, Change change) {
  if (!is_moderator(user)) return core::fail(core::ServiceError::forbidden());
  auto c = database_.acquire();
  db::Transaction tx(*c);
  auto q = load_for_staff(*c, user, id);
  if (!q) return q;
  if (q->status != from) return core::fail(core::ServiceError::conflict(wrong_status));
  auto now = core::now_unix();
  std::string detail = change(*c, *q, now);
  q->updated_at = now;
  QuestionRepository repo(*c);
  repo.update(*q);
  repo.add_event(q->id, user.id, action, detail, now);
  auth::record_audit(*c, actor, "question." + action, "question:" + std::to_string(id));
  tx.commit();
  changes_.notify("consult:" + std::to_string(q->id));
  return *q;
}

core::Result<Question> ConsultService::approve(const auth::User& user, const auth::Actor& actor, std::int64_t id) {
  return moderate(user, actor, id, Status::answered, "Câu hỏi không chờ duyệt.", "approve",
                  [&](db::Connection& c, Question& q, std::int64_t now) {
                    q.status = Status::delivered;
                    q.delivered_at = now;
                    notify_asker(c, q, "Đã có câu trả lời " + q.code,
                                 fmt::format("Câu hỏi «{}» của bạn đã được trả lời. Xem câu trả lời tại đường dẫn theo dõi đã "
                                             "gửi khi bạn đặt câu hỏi (mã {}).",
                                             q.title, q.code));
                    return std::string();
                  });
}

core::Result<Question> ConsultService::return_answer(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                                     const std::string& raw_note) {
  std::string note = core::clean_text(raw_note);
  if (is_moderator(user) && core::utf8_length(note) < 5)
    return core::fail(core::ServiceError::invalid("Cần ghi nhận xét cho chuyên gia.", {{"note", "Cần ghi nhận xét (ít nhất 5 ký tự)."}}));
  return moderate(user, actor, id, Status::answered, "Câu hỏi không chờ duyệt.", "return",
                  [&](db::Connection& c, Question& q, std::int64_t) {
                    q.status = Status::assigned;
                    q.status_reason = note;
                    notify_expert(c, q, "Câu trả lời cần sửa " + q.code, fmt::format("Nhận xét của người duyệt: {}\n{}", note, staff_url(q)));
                    return note;
                  });
}

core::Result<Question> ConsultService::unpublish(const auth::User& user, const auth::Actor& actor, std::int64_t id) {
  return moderate(user, actor, id, Status::published, "Câu hỏi chưa được công bố.", "unpublish",
                  [&](db::Connection& c, Question& q, std::int64_t) {
                    q.status = Status::delivered;
                    q.public_slug.reset();
                    q.published_at.reset();
                    changes_.record(c, "consult:" + std::to_string(q.id));
                    return std::string();
                  });
}


std::vector<Expert> ConsultService::experts() {
  auto c = database_.acquire();
  return ExpertRepository(*c).list();
}

std::optional<Expert> ConsultService::expert(std::int64_t id) {
  auto c = database_.acquire();
  return ExpertRepository(*c).find(id);
}

std::optional<Expert> ConsultService::expert_of(const auth::User& user) {
  auto c = database_.acquire();
  return ExpertRepository(*c).find_by_user(user.id);
}

core::Result<Expert> ConsultService::save_expert(const auth::User& user, const auth::Actor& actor,
                                                 std::optional<std::int64_t> id, const ExpertInput& in) {
  if (!perm::manage_experts.allows(user.role)) return core::fail(core::ServiceError::forbidden());
  std::map<std::string, std::string> errors;
  Expert e;
  auto kind = parse_expert_kind(in.kind);
  if (!kind) errors["kind"] = "Chọn loại chuyên gia.";
  e.kind = kind.value_or(ExpertKind::lawyer);
  e.full_name = core::clean_text(in.full_name);
  e.organisation = core::clean_text(in.organisation);
  e.credential = core::clean_text(in.credential);
  e.bio = core::clean_text(in.bio);
  e.available = in.available;
  e.capacity = in.capacity;
  e.review_required = in.review_required;
  if (core::utf8_length(e.full_name) < 3 || core::utf8_length(e.full_name) > 120) errors["full_name"] = length_error("Họ tên", 3, 120);
  if (e.organisation.size() > 400) errors["organisation"] = "Tên tổ chức quá dài.";
  if (e.credential.size() > 200) errors["credential"] = "Số chứng chỉ quá dài.";
  if (e.kind == ExpertKind::lawyer && e.credential.empty()) errors["credential"] = "Luật sư cần ghi số thẻ luật sư.";
  if (core::utf8_length(e.bio) > 2000) errors["bio"] = "Giới thiệu tối đa 2000 ký tự.";
  if (e.capacity < 1 || e.capacity > 100) errors["capacity"] = "Số câu hỏi đồng thời từ 1 đến 100.";
  auto c = database_.acquire();
  QuestionRepository qrepo(*c);
  for (const auto& f : in.fields) {
    if (!qrepo.field(f)) errors["fields"] = "Có lĩnh vực không hợp lệ.";
    else if (std::find(e.fields.begin(), e.fields.end(), f) == e.fields.end()) e.fields.push_back(f);
  }
  if (e.fields.empty() && !errors.count("fields")) errors["fields"] = "Chọn ít nhất một lĩnh vực.";
  // The photo is typed by its content and stored without its metadata (EXIF may hold a location).
  std::optional<core::CleanAttachment> photo;
  if (in.photo) {
    auto cleaned = core::clean_attachment(in.photo->filename, in.photo->data, {2u << 20, 1});
    if (!cleaned) errors["photo"] = cleaned.error().message;
    else if (cleaned->extension == "pdf") errors["photo"] = "Ảnh chân dung phải là ảnh JPEG, PNG hoặc WebP.";
    else photo = std::move(*cleaned);
  }
  auto account = c->query_one("SELECT id, role FROM users WHERE email = ?", {core::to_lower(core::clean_text(in.email))});
  if (!account) errors["email"] = "Không có tài khoản với thư điện tử này: hãy tạo tài khoản vai trò chuyên gia trước.";
  else if (account->text(1) != "expert") errors["email"] = "Tài khoản này không có vai trò chuyên gia.";
  if (!errors.empty()) return core::fail(core::ServiceError::invalid("Vui lòng kiểm tra lại các ô được đánh dấu.", errors));
  e.user_id = account->int64(0);
  std::optional<std::string> new_photo;
  if (photo) {
    std::filesystem::create_directories(photo_dir());
    new_photo = core::random_token(12) + "." + photo->extension;
    std::ofstream out(photo_dir() + "/" + *new_photo, std::ios::binary);
    out.write(photo->data.data(), static_cast<std::streamsize>(photo->data.size()));
    if (!out) throw std::runtime_error("cannot write expert photo");
  }
  db::Transaction tx(*c);
  ExpertRepository repo(*c);
  auto now = core::now_unix();
  auto existing = repo.find_by_user(e.user_id);
  if (id) {
    auto current = repo.find(*id);
    if (!current) return core::fail(core::ServiceError::not_found("Không tìm thấy chuyên gia."));
    if (existing && existing->id != *id)
      return core::fail(core::ServiceError::invalid("Tài khoản này đã thuộc chuyên gia khác.", {{"email", "Đã được dùng."}}));
    e.id = *id;
    e.photo = new_photo ? new_photo : current->photo;
    repo.update(e, now);
  } else {
    if (existing)
      return core::fail(core::ServiceError::invalid("Tài khoản này đã có trong danh sách chuyên gia.", {{"email", "Đã được dùng."}}));
    e.photo = new_photo;
    e.id = repo.insert(e, now);
  }
  auth::record_audit(*c, actor, id ? "expert.update" : "expert.create", "expert:" + std::to_string(e.id));
  tx.commit();
  return *expert(e.id);
}

core::Result<Expert> ConsultService::verify_expert(const auth::User& user, const auth::Actor& actor, std::int64_t id,
                                                   bool verified) {
  if (!perm::manage_experts.allows(user.role)) return core::fail(core::ServiceError::forbidden());
  auto c = database_.acquire();
  db::Transaction tx(*c);
  ExpertRepository repo(*c);
  if (!repo.find(id)) return core::fail(core::ServiceError::not_found("Không tìm thấy chuyên gia."));
  repo.set_verified(id, verified ? std::optional(core::now_unix()) : std::nullopt,
                    verified ? std::optional(user.id) : std::nullopt);
  auth::record_audit(*c, actor, verified ? "expert.verify" : "expert.unverify", "expert:" + std::to_string(id));
  tx.commit();
  return *repo.find(id);
}

std::vector<Question> ConsultService::published(std::optional<std::string> field_slug, std::size_t limit,
                                                std::size_t offset) {
  auto c = database_.acquire();
  return QuestionRepository(*c).published(std::move(field_slug), limit, offset);
}

std::int64_t ConsultService::count_published(std::optional<std::string> field_slug) {
  auto c = database_.acquire();
  return QuestionRepository(*c).count_published(std::move(field_slug));
}

std::optional<QuestionView> ConsultService::published_question(const std::string& slug) {
  auto c = database_.acquire();
  auto q = QuestionRepository(*c).find_published(slug);
  if (!q) return std::nullopt;
  auto v = load_view(*c, *q);
  // The public sees the anonymised copy only.
  v.question.title = q->public_title;
  v.question.body = q->public_body;
  v.question.email.clear();
  v.question.phone.clear();
  v.messages.clear();
  v.attachments.clear();
  v.events.clear();
  v.candidates.clear();
  return v;
}

std::vector<Question> ConsultService::all_published() {
  auto c = database_.acquire();
  return QuestionRepository(*c).all_published();
}

int ConsultService::check_deadlines(std::int64_t now) {
  auto c = database_.acquire();
  int sent = 0;
  // Reminders: a day before the deadline, once.
  for (const auto& r : c->query(
           "SELECT id FROM questions WHERE status IN ('assigned', 'follow-up') AND due_at IS NOT NULL AND due_at > ? "
           "AND due_at <= ? AND reminded_at IS NULL",
           {now, now + kDay})) {
    db::Transaction tx(*c);
    // Claimed with a conditional update, so two nodes never remind twice.
    if (c->execute("UPDATE questions SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL", {now, r.int64(0)}) != 1) continue;
    auto q = QuestionRepository(*c).find(r.int64(0));
    notify_expert(*c, *q, "Sắp đến hạn trả lời " + q->code,
                  fmt::format("Câu hỏi «{}» đến hạn trả lời lúc {}.\n{}", q->title, core::format_vn_datetime(*q->due_at),
                              staff_url(*q)));
    QuestionRepository(*c).add_event(q->id, std::nullopt, "remind", "", now);
    tx.commit();
    ++sent;
  }
  // Escalation: past the deadline, once, to every moderator.
  for (const auto& r : c->query(
           "SELECT id FROM questions WHERE status IN ('new', 'triaged', 'assigned', 'follow-up') AND due_at IS NOT NULL "
           "AND due_at <= ? AND escalated_at IS NULL",
           {now})) {
    db::Transaction tx(*c);
    if (c->execute("UPDATE questions SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL", {now, r.int64(0)}) != 1) continue;
    auto q = QuestionRepository(*c).find(r.int64(0));
    notify_moderators(*c, "Quá hạn trả lời " + q->code,
                      fmt::format("Câu hỏi «{}» đã quá hạn trả lời ({}){}.\n{}", q->title, core::format_vn_datetime(*q->due_at),
                                  q->expert_name.empty() ? ", chưa có chuyên gia" : ", chuyên gia: " + q->expert_name,
                                  staff_url(*q)));
    QuestionRepository(*c).add_event(q->id, std::nullopt, "escalate", "", now);
    tx.commit();
    ++sent;
  }
  return sent;
}

int ConsultService::purge_expired(std::int64_t now) {
  if (config_.question_retention_days <= 0) return 0;
  std::int64_t before = now - config_.question_retention_days * kDay;
  auto c = database_.acquire();
  int purged = 0;
  // A published question whose personal data is already gone is left alone: it would otherwise be
  // rewritten (and counted) again on every run, on every node, for ever.
  for (const auto& r : c->query(
           "SELECT id, status FROM questions q WHERE updated_at < ? AND (status IN ('delivered', 'rejected', 'merged') OR "
           "(status = 'published' AND (email <> '' OR phone <> '' OR asker_user_id IS NOT NULL OR title <> public_title OR "
           "body <> public_body OR EXISTS (SELECT 1 FROM question_messages m WHERE m.question_id = q.id) OR "
           "EXISTS (SELECT 1 FROM question_attachments a WHERE a.question_id = q.id))))",
           {before})) {
    db::Transaction tx(*c);
    QuestionRepository repo(*c);
    auto files = repo.attachments(r.int64(0));
    if (r.text(1) == "published") {
      // The anonymised copy stays public; what identifies the asker goes.
      c->execute("UPDATE questions SET title = public_title, body = public_body, email = '', phone = '', asker_user_id = NULL "
                 "WHERE id = ?",
                 {r.int64(0)});
      c->execute("DELETE FROM question_attachments WHERE question_id = ?", {r.int64(0)});
      c->execute("DELETE FROM question_messages WHERE question_id = ?", {r.int64(0)});
    } else {
      repo.remove(r.int64(0));
    }
    tx.commit();
    delete_files(files);
    ++purged;
  }
  return purged;
}

std::string ConsultService::attachment_path(const Attachment& a) const {
  return config_.uploads_dir() + "/consult/" + a.stored_name;
}

void ConsultService::delete_files(const std::vector<Attachment>& files) {
  for (const auto& f : files) {
    std::error_code ec;
    std::filesystem::remove(attachment_path(f), ec);
  }
}

std::string ConsultService::staff_url(const Question& q) const {
  return config_.absolute_url("/quan-tri/tu-van/" + std::to_string(q.id));
}

void ConsultService::notify_asker(db::Connection& c, const Question& q, const std::string& subject, const std::string& body) {
  if (q.email.empty() || !mailer_) return;
  mailer_(c, q.email, "[Tư vấn pháp luật] " + subject,
          body + "\n\nThư này được gửi tự động từ cổng thông tin phổ biến, giáo dục pháp luật; vui lòng không trả lời thư.");
}

void ConsultService::notify_expert(db::Connection& c, const Question& q, const std::string& subject, const std::string& body) {
  if (!q.expert_id || !mailer_) return;
  auto row = c.query_one("SELECT u.email FROM experts e JOIN users u ON u.id = e.user_id WHERE e.id = ?", {*q.expert_id});
  if (row) mailer_(c, row->text(0), "[Tư vấn pháp luật] " + subject, body);
}

void ConsultService::notify_moderators(db::Connection& c, const std::string& subject, const std::string& body) {
  if (!mailer_) return;
  for (const auto& r : c.query("SELECT email FROM users WHERE role = 'moderator' AND active = 1 ORDER BY id"))
    mailer_(c, r.text(0), "[Tư vấn pháp luật] " + subject, body);
}

}  // namespace consult
