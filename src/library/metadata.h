#pragma once
// Canonical document types and validity statuses: sources spell them many ways ("nghi-dinh",
// "Đang có hiệu lực", crawl states like "Hoàn thiện" that say nothing about validity).
#include <string>
#include <string_view>

namespace library {

// "Nghị định", "Luật", ... from the source's type, else from the title, else from the number's
// code ("100/2019/NĐ-CP" → Nghị định); "" when none says.
std::string canonical_type(std::string_view raw_type, std::string_view title, std::string_view number = "");

// "Còn hiệu lực", "Hết hiệu lực một phần", "Hết hiệu lực", "Chưa có hiệu lực",
// "Tạm ngưng hiệu lực", or "" when unknown. A future effective date means "Chưa có hiệu lực".
std::string canonical_status(std::string_view raw_status, std::string_view effective_on, std::string_view today_iso);

}  // namespace library
