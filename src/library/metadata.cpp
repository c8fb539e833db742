#include "library/metadata.h"

#include "core/utf8.h"

namespace library {

namespace {
// Longest first, so "Thông tư liên tịch" wins over "Thông tư".
constexpr const char* kTypes[] = {"Nghị quyết liên tịch", "Thông tư liên tịch", "Văn bản hợp nhất", "Hiến pháp",
                                  "Bộ luật", "Luật", "Nghị quyết", "Pháp lệnh", "Nghị định", "Thông tư",
                                  "Quyết định", "Chỉ thị", "Công điện", "Thông báo", "Quy chuẩn", "Kế hoạch",
                                  "Công văn", "Lệnh"};

std::string type_starting(std::string_view text) {
  std::string folded = core::fold_vietnamese(text);
  if (folded.starts_with("luat su") || folded.starts_with("luat gia")) return {};  // lawyers and jurists, not laws
  for (const char* t : kTypes) {
    std::string ft = core::fold_vietnamese(t);
    if (folded.starts_with(ft) && (folded.size() == ft.size() || !std::isalpha(static_cast<unsigned char>(folded[ft.size()])))) return t;
  }
  return {};
}
}  // namespace

// The issuing code inside a số hiệu names the type: NĐ-CP, TT-BTC, QĐ-TTg, NQ-CP, QH14, VBHN-VPQH.
std::string type_of_number(std::string_view number) {
  std::string folded = core::fold_vietnamese(number);
  auto slash = folded.rfind('/');
  if (slash == std::string::npos) return {};
  std::string code = folded.substr(slash + 1);
  if (code.starts_with("vbhn")) return "Văn bản hợp nhất";
  if (code.starts_with("nd-")) return "Nghị định";
  if (code.starts_with("ttlt-")) return "Thông tư liên tịch";
  if (code.starts_with("tt-")) return "Thông tư";
  if (code.starts_with("qd-")) return "Quyết định";
  if (code.starts_with("nq-")) return "Nghị quyết";
  if (code.starts_with("ct-")) return "Chỉ thị";
  if (code.starts_with("pl-")) return "Pháp lệnh";
  if (code.starts_with("qh")) return "Luật";
  return {};
}

std::string canonical_type(std::string_view raw_type, std::string_view title, std::string_view number) {
  std::string slug = core::slugify(raw_type);
  for (const char* t : kTypes)
    if (core::slugify(t) == slug) return t;
  if (auto t = type_starting(raw_type); !t.empty()) return t;  // "Quyết định của Thủ tướng Chính phủ"
  if (auto t = type_starting(title); !t.empty()) return t;
  return type_of_number(number);
}

std::string canonical_status(std::string_view raw, std::string_view effective_on, std::string_view today) {
  std::string s = core::slugify(raw);
  if (s.find("het-hieu-luc-mot-phan") != std::string::npos) return "Hết hiệu lực một phần";
  if (s.find("het-hieu-luc") != std::string::npos) return "Hết hiệu lực";
  if (s.find("tam-ngung") != std::string::npos || s.find("ngung-hieu-luc") != std::string::npos) return "Tạm ngưng hiệu lực";
  if (s.find("chua-co-hieu-luc") != std::string::npos || s.find("sap-co-hieu-luc") != std::string::npos) return "Chưa có hiệu lực";
  if (!effective_on.empty() && effective_on > today) return "Chưa có hiệu lực";
  if (s == "con-hieu-luc" || s == "dang-co-hieu-luc" || s == "da-co-hieu-luc" || s == "co-hieu-luc") return "Còn hiệu lực";
  return {};
}

}  // namespace library
