#include "consult/asking.h"

#include "auth/auth_service.h"
#include "antispam/proof_of_work.h"
#include "antispam/site_secret.h"
#include "consult/question_repository.h"
#include "consult/question_rules.h"
#include "consult/settings.h"
#include "core/random.h"
#include "core/time.h"
#include "core/utf8.h"

#include <spdlog/spdlog.h>

namespace consult {

namespace {

constexpr std::size_t kAskedByLimit = 100;

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

core::ServiceError proof_of_work_error(const std::string& message) {
  return core::ServiceError{core::ErrorKind::invalid, "proof_of_work", message, {}};
}

Question new_question(const AskInput& in, const std::optional<auth::User>& user, std::int64_t now) {
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
  return q;
}

}  // namespace

Asking::Asking(db::Database& database, db::ChangeFeed& changes, const core::Config& config, Notifications& notify,
               core::FileStore& files)
    : database_(database),
      changes_(changes),
      config_(config),
      notify_(notify),
      files_(files),
      limiter_(database, config.rate_limits_enabled) {}

std::map<std::string, std::string> Asking::validate(const AskInput& in, const std::vector<LegalField>& fields) {
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

core::Result<void> Asking::pay_proof_of_work(db::Connection& c, const AskInput& in) {
  auto secret = antispam::site_secret(database_);
  auto paid = antispam::pow::verify_and_spend(c, secret, in.pow_challenge, in.pow_nonce, config_.section<Settings>().question_pow_bits,
                                              core::now_unix());
  if (paid == antispam::pow::Result::ok) return {};
  spdlog::info("question refused: proof of work {}", antispam::pow::to_string(paid));
  if (paid == antispam::pow::Result::replayed)
    return core::fail(proof_of_work_error("Phép kiểm tra chống thư rác này đã được dùng. Hãy tải lại trang rồi gửi lại."));
  // The reason in words a citizen can act on; the machine code stays in the log.
  std::string why = paid == antispam::pow::Result::expired      ? "phép kiểm tra đã quá hạn"
                    : paid == antispam::pow::Result::not_solved ? "phép kiểm tra chưa được giải xong"
                                                            : "thiếu hoặc sai phép kiểm tra";
  return core::fail(proof_of_work_error("Không xác minh được phép kiểm tra chống thư rác (" + why +
                                        "). Hãy tải lại trang rồi gửi lại câu hỏi."));
}

core::Result<AskReceipt> Asking::ask(const AskInput& raw, const auth::Actor& actor, const std::optional<auth::User>& user) {
  AskInput in = raw;
  in.title = core::clean_text(in.title);
  in.body = core::clean_text(in.body);
  in.email = core::clean_text(in.email);
  in.phone = core::clean_text(in.phone);
  if (user && in.email.empty()) in.email = user->email;
  auto errors = validate(in, QuestionRepository(*database_.acquire()).fields());
  if (!errors.empty()) return core::fail(core::ServiceError::invalid("Vui lòng kiểm tra lại các ô được đánh dấu.", errors));
  if (!in.email.empty()) in.email = *auth::normalize_email(in.email);
  if (!in.phone.empty()) in.phone = *normalize_phone(in.phone);

  // Before any costly work (the attachments are parsed in a child process), the attempt pays:
  // an anonymous asker's proof of work is spent, and the address's limit counts it, whether or
  // not its files are then accepted. A refused attempt needs a fresh challenge.
  if (!user && config_.section<Settings>().question_pow_bits > 0)
    if (auto paid = pay_proof_of_work(*database_.acquire(), in); !paid) return core::fail(paid.error());
  auto too_many = [] {
    return core::fail(core::ServiceError::rate_limited(
        "Bạn đã gửi nhiều câu hỏi trong thời gian ngắn. Vui lòng thử lại sau hoặc theo dõi các câu hỏi đã gửi."));
  };
  if (!limiter_.hit("question:ip:" + actor.ip, config_.section<Settings>().question_per_ip)) return too_many();

  std::vector<core::AttachmentUpload> uploads;
  for (const auto& a : in.attachments) uploads.push_back({a.filename, a.data});
  auto cleaned = core::clean_attachments(uploads);
  if (!cleaned)
    return core::fail(core::ServiceError::invalid(cleaned.error().message, {{"attachments", cleaned.error().message}}));
  std::string contact = in.email.empty() ? in.phone : in.email;
  if (!limiter_.hit("question:contact:" + contact, config_.section<Settings>().question_per_contact)) return too_many();

  auto now = core::now_unix();
  Question q = new_question(in, user, now);
  AskReceipt receipt;
  receipt.token = core::random_token(24);
  // Files are written first under random names; the rows that make them reachable are part of
  // the question's transaction, and the files go again if it fails.
  core::PendingFiles pending(files_);
  auto c = database_.acquire();
  for (const auto& file : *cleaned)
    pending.files.push_back({0, file.display_name, files_.write(file.data, file.extension), file.content_type,
                             static_cast<std::int64_t>(file.data.size())});
  for (int attempt = 0;; ++attempt) {
    q.code = make_tracking_code();
    try {
      db::Transaction tx(*c);
      record(*c, q, receipt.token, *cleaned, pending.files, actor, now);
      tx.commit();
      break;
    } catch (const db::ConstraintError&) {
      if (attempt >= 3) throw;  // a code collision is astronomically rare; three in a row is a bug
    }
  }
  pending.keep();
  changes_.notify("consult:" + std::to_string(q.id));
  receipt.code = q.code;
  receipt.id = q.id;
  return receipt;
}

void Asking::record(db::Connection& c, Question& q, const std::string& token, const std::vector<core::CleanAttachment>& cleaned,
                    const std::vector<Attachment>& stored, const auth::Actor& actor, std::int64_t now) {
  QuestionRepository repo(c);
  q.id = repo.insert(q, core::sha256_hex(token), now);
  repo.add_event(q.id, q.asker_user_id, "ask", std::string(q.source), now);
  for (std::size_t i = 0; i < stored.size(); ++i) {
    repo.add_attachment(q.id, stored[i], now);
    std::string removed;
    for (const auto& r : cleaned[i].removed) removed += (removed.empty() ? "" : ", ") + r;
    if (!removed.empty()) repo.add_event(q.id, std::nullopt, "strip-metadata", stored[i].display_name + ": " + removed, now);
  }
  auth::record_audit(c, actor, "question.ask", "question:" + std::to_string(q.id));
  notify_.received(c, q, token);
  notify_.new_question(c, q);
}

core::Result<Question> Asking::check_asker(db::Connection& c, const AskerKey& key) {
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

core::Result<QuestionView> Asking::open(const AskerKey& key) {
  auto c = database_.acquire();
  auto q = check_asker(*c, key);
  if (!q) return core::fail(q.error());
  auto v = QuestionRepository(*c).view(*q);
  // The asker sees the answer only once it is delivered, never a draft under review.
  if (!q->delivered_at) {
    v.question.answer.clear();
    v.citations.clear();
  }
  v.events.clear();
  v.candidates.clear();
  return v;
}

core::Result<void> Asking::follow_up(const AskerKey& key, const std::string& raw) {
  std::string text = core::clean_text(raw);
  auto n = core::utf8_length(text);
  if (n < 5 || n > kMaxBodyChars)
    return core::fail(length_refusal("body", "Câu hỏi tiếp theo", 5, kMaxBodyChars));
  auto c = database_.acquire();
  db::Transaction tx(*c);
  auto q = check_asker(*c, key);
  if (!q) return core::fail(q.error());
  if (q->status != Status::delivered && q->status != Status::published)
    return core::fail(core::ServiceError::conflict("Chỉ hỏi tiếp được sau khi câu hỏi đã có câu trả lời."));
  auto now = core::now_unix();
  QuestionRepository repo(*c);
  repo.add_message(q->id, "asker", text, now);
  q->status = Status::follow_up;  // a published question stays in the archive meanwhile
  q->updated_at = now;
  repo.update(*q);
  repo.add_event(q->id, std::nullopt, "follow-up", "", now);
  notify_.follow_up_asked(*c, *q);
  tx.commit();
  return {};
}

core::Result<void> Asking::rate(const AskerKey& key, bool useful) {
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

core::Result<void> Asking::withdraw(const AskerKey& key, const auth::Actor& actor) {
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
  files_.remove(files);
  changes_.notify("consult:" + std::to_string(q->id));
  return {};
}

std::vector<Question> Asking::asked_by(const auth::User& user) {
  auto c = database_.acquire();
  return QuestionRepository(*c).asked_by(user.id, kAskedByLimit);
}

}  // namespace consult
