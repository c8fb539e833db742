#include "consult/expert_registry.h"

#include "consult/permissions.h"

#include "consult/account_repository.h"
#include "consult/expert_repository.h"
#include "consult/question_repository.h"
#include "consult/question_rules.h"
#include "core/attachment.h"
#include "core/time.h"
#include "core/utf8.h"

#include <algorithm>

namespace consult {

namespace {

constexpr std::size_t kMaxPhotoBytes = 2u << 20;

// The photo typed by its content and without its metadata; an error message otherwise.
std::optional<core::CleanAttachment> clean_photo(const AttachmentUpload& upload, std::map<std::string, std::string>& errors) {
  auto cleaned = core::clean_attachment(upload.filename, upload.data, {kMaxPhotoBytes, 1});
  if (!cleaned) errors["photo"] = cleaned.error().message;
  else if (cleaned->extension == "pdf") errors["photo"] = "Ảnh chân dung phải là ảnh JPEG, PNG hoặc WebP.";
  else return std::move(*cleaned);
  return std::nullopt;
}

}  // namespace

ExpertRegistry::ExpertRegistry(db::Database& database, const core::Config& config)
    : database_(database), photos_(config.uploads_dir() + "/experts") {}

std::vector<Expert> ExpertRegistry::list() {
  auto c = database_.acquire();
  return ExpertRepository(*c).list();
}

std::optional<Expert> ExpertRegistry::find(std::int64_t id) {
  auto c = database_.acquire();
  return ExpertRepository(*c).find(id);
}

std::optional<Expert> ExpertRegistry::of_user(const auth::User& user) {
  auto c = database_.acquire();
  return ExpertRepository(*c).find_by_user(user.id);
}

Expert ExpertRegistry::checked(db::Connection& c, const ExpertInput& in, std::map<std::string, std::string>& errors) {
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
  QuestionRepository questions(c);
  for (const auto& f : in.fields) {
    if (!questions.field(f)) errors["fields"] = "Có lĩnh vực không hợp lệ.";
    else if (std::find(e.fields.begin(), e.fields.end(), f) == e.fields.end()) e.fields.push_back(f);
  }
  if (e.fields.empty() && !errors.count("fields")) errors["fields"] = "Chọn ít nhất một lĩnh vực.";
  return e;
}

core::Result<Expert> ExpertRegistry::save(const auth::User& user, const auth::Actor& actor, std::optional<std::int64_t> id,
                                          const ExpertInput& in) {
  if (!perm::manage_experts.allows(user.role)) return core::fail(core::ServiceError::forbidden());
  std::map<std::string, std::string> errors;
  auto c = database_.acquire();
  Expert e = checked(*c, in, errors);
  std::optional<core::CleanAttachment> photo;
  if (in.photo) photo = clean_photo(*in.photo, errors);
  auto account = AccountRepository(*c).find_by_email(core::to_lower(core::clean_text(in.email)));
  if (!account) errors["email"] = "Không có tài khoản với thư điện tử này: hãy tạo tài khoản vai trò chuyên gia trước.";
  else if (account->role != "expert") errors["email"] = "Tài khoản này không có vai trò chuyên gia.";
  if (!errors.empty()) return core::fail(core::ServiceError::invalid("Vui lòng kiểm tra lại các ô được đánh dấu.", errors));
  e.user_id = account->id;
  // Written before the transaction, and removed again when the expert is not saved.
  core::PendingFiles pending(photos_);
  std::optional<std::string> new_photo;
  if (photo) {
    new_photo = photos_.write(photo->data, photo->extension);
    pending.files.push_back({0, "", *new_photo, "", 0});
  }
  if (auto saved = store(*c, actor, id, e, new_photo); !saved) return core::fail(saved.error());
  pending.keep();
  return *find(e.id);
}

core::Result<void> ExpertRegistry::store(db::Connection& c, const auth::Actor& actor, std::optional<std::int64_t> id,
                                         Expert& e, const std::optional<std::string>& new_photo) {
  db::Transaction tx(c);
  ExpertRepository repo(c);
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
  auth::record_audit(c, actor, id ? "expert.update" : "expert.create", "expert:" + std::to_string(e.id));
  tx.commit();
  return {};
}

core::Result<Expert> ExpertRegistry::verify(const auth::User& user, const auth::Actor& actor, std::int64_t id,
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

}  // namespace consult
