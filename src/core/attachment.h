#pragma once
// Citizens' attachments to consultation questions: what is accepted, and what is kept of it.
// The type is decided from the content, never from the file name or the browser's content type;
// personal metadata (EXIF and GPS, XMP, PDF document information) is removed before anything is
// stored (Decree 13/2023/NĐ-CP on personal data). Every refusal is a Vietnamese message that the
// citizen can act on.
#include "core/error.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct AttachmentPolicy {
  std::size_t max_bytes = 5u << 20;  // 5 MiB per file, as sent
  std::size_t max_files = 3;
};

struct CleanAttachment {
  std::string data;                  // the file without its metadata
  std::string extension;             // "pdf", "jpg", "png" or "webp", from the content
  std::string content_type;          // "application/pdf", "image/jpeg", ...
  std::string display_name;          // safe to show and to offer as a download name
  std::vector<std::string> removed;  // for the audit log: "EXIF", "XMP", "PDF Info", ...
};

struct AttachmentUpload {
  std::string_view filename;  // as the browser sent it
  std::string_view data;
};

// One file: checked, typed by content, stripped. The error is ServiceError::invalid with a
// Vietnamese message that names the file, e.g. "Tệp «x.pdf» quá lớn: tối đa 5 MB.".
Result<CleanAttachment> clean_attachment(std::string_view filename, std::string_view data, const AttachmentPolicy& policy = {});

// Several files of one question: at most policy.max_files, each as clean_attachment; the first
// refusal is returned.
Result<std::vector<CleanAttachment>> clean_attachments(std::span<const AttachmentUpload> uploads, const AttachmentPolicy& policy = {});

// The name to show for an upload: basename only; control, bidirectional-override and path
// characters removed; NFC; at most 120 bytes; ends in ".<extension>" (the real one).
std::string attachment_display_name(std::string_view filename, std::string_view extension);

// A size as Vietnamese writes it, with a decimal comma: "800 B", "12 KB", "1,5 MB", "5 MB".
std::string format_file_size(std::int64_t bytes);

}  // namespace core
