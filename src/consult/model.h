#pragma once
// Online legal consultation (tư vấn pháp luật trực tuyến): a citizen's question goes
//   new → triaged (field set, waiting for an expert) → assigned → answered → delivered → published
// with side exits rejected (spam, out of scope) and merged (duplicate of another question).
// answered is the optional review step: an expert whose answers need review stops there until a
// moderator approves, for the first answer and for replies to follow-ups. A follow-up from the
// asker puts a delivered or published question back to follow_up. Being in the public archive is
// public_slug, not the status: a published question stays public while a follow-up is answered.
#include "core/file_store.h"
#include "library/article_citation.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace consult {

enum class Status { fresh, triaged, assigned, answered, delivered, follow_up, published, rejected, merged };
std::string_view status_slug(Status s);   // "new", "triaged", ...: stored in the database
std::string_view status_label(Status s);  // Vietnamese, for people
std::optional<Status> parse_status(std::string_view slug);
const std::vector<Status>& all_statuses();
// Statuses in which the assigned expert still owes a reply (the expert's load).
bool is_open_for_expert(Status s);

enum class ExpertKind { lawyer, jurist, legal_aid };
std::string_view expert_kind_slug(ExpertKind k);   // "lawyer", "jurist", "legal-aid"
std::string_view expert_kind_label(ExpertKind k);  // "Luật sư", "Luật gia", "Trợ giúp viên pháp lý"
std::optional<ExpertKind> parse_expert_kind(std::string_view slug);

struct LegalField {
  std::string slug;
  std::string name;
  int answer_days = 10;
};

struct Expert {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string email;  // the account's
  ExpertKind kind = ExpertKind::lawyer;
  std::string full_name;
  std::string organisation;
  std::string credential;  // e.g. bar membership number (số thẻ luật sư)
  std::string bio;
  std::optional<std::string> photo;  // stored upload name
  std::vector<std::string> fields;   // legal field slugs
  bool available = true;
  int capacity = 5;
  bool review_required = false;
  std::optional<std::int64_t> verified_at;
  int open_questions = 0;  // current load
  bool verified() const { return verified_at.has_value(); }
};

// An article cited by a consultation answer (or a candidate for a handed-off question), stored
// in question_citations.
// A cited article of the library (library/article_citation.h).
using QuestionCitation = library::ArticleCitation;

struct Message {
  std::string author;  // "asker", "expert"
  std::string body;
  std::int64_t created_at = 0;
};

// A citizen's file attached to a question (its row in question_attachments).
using Attachment = core::StoredFile;

struct Event {
  std::string action;
  std::string detail;
  std::string user_name;  // "" for the asker or the system
  std::int64_t created_at = 0;
};

struct Question {
  std::int64_t id = 0;
  std::string code;  // tracking code shown to the asker, e.g. "TV-7K3M9Q2P"
  std::string title;
  std::string body;
  std::optional<std::string> field_slug;
  std::string field_name;
  std::string email;
  std::string phone;
  std::optional<std::int64_t> asker_user_id;
  bool publish_consent = false;
  std::string source;  // "form", "api", "handoff", "import"
  Status status = Status::fresh;
  std::string status_reason;  // why rejected, or a moderator's note
  std::optional<std::int64_t> merged_into;
  std::optional<std::int64_t> expert_id;
  std::string expert_name;
  std::string answer;  // Markdown
  std::string pending_reply;  // a follow-up reply waiting for review (status answered), Markdown
  std::optional<int> rating;  // 1 hữu ích, 0 chưa hữu ích
  std::string public_title;
  std::string public_body;
  std::string public_answer;               // the answer as published: checked and edited by a moderator
  std::optional<std::string> public_slug;  // set while the question is in the public archive
  std::optional<std::int64_t> due_at, assigned_at, answered_at, delivered_at, published_at;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// Where a question goes once a reply to its follow-up reaches the asker: back to published when
// it is in the public archive, delivered otherwise.
Status status_after_reply(const Question& q);

// A question with what hangs off it; each service clears what its reader may not see.
struct QuestionView {
  Question question;
  std::vector<QuestionCitation> citations;   // the answer's
  std::vector<QuestionCitation> candidates;  // found by the answering service for a handed-off question
  std::vector<Message> messages;
  std::vector<Attachment> attachments;
  std::vector<Event> events;
};

// What a citizen sends.
struct AttachmentUpload {
  std::string filename;
  std::string data;
};

struct AskInput {
  std::string title;
  std::string body;
  std::string field;  // slug or ""
  std::string email;
  std::string phone;
  bool publish = false;
  bool consent = false;  // agrees to the processing of personal data for this purpose
  std::vector<AttachmentUpload> attachments;
  std::string source = "form";
  // Proof of work (antispam/proof_of_work.h), asked of anonymous askers when PHOBIEN_QUESTION_POW_BITS > 0.
  std::string pow_challenge;
  std::string pow_nonce;
};

struct AskReceipt {
  std::string code;
  std::string token;  // shown once; only its hash is stored
  std::int64_t id = 0;
};

// The text of the consent the asker gives (Nghị định 13/2023/NĐ-CP): the purpose is stated.
extern const char* const kConsentText;

}  // namespace consult
