#include "text/abbreviations.h"

#include "text/vietnamese.h"

#include <string>

namespace text {

namespace {

using K = Abbreviation::Kind;

// Abbreviations in common use in legal writing and in citizens' questions. Keys are folded.
constexpr Abbreviation kAbbreviations[] = {
    // codes
    {"blds", "Bộ luật Dân sự", K::code, "bo-luat"},
    {"blhs", "Bộ luật Hình sự", K::code, "bo-luat"},
    {"blld", "Bộ luật Lao động", K::code, "bo-luat"},
    {"blttds", "Bộ luật Tố tụng dân sự", K::code, "bo-luat"},
    {"bltths", "Bộ luật Tố tụng hình sự", K::code, "bo-luat"},
    {"blhh", "Bộ luật Hàng hải", K::code, "bo-luat"},
    {"ltthc", "Luật Tố tụng hành chính", K::code, "luat"},
    {"ldn", "Luật Doanh nghiệp", K::code, "luat"},
    {"ldd", "Luật Đất đai", K::code, "luat"},
    {"lxlvphc", "Luật Xử lý vi phạm hành chính", K::code, "luat"},
    // document types
    {"nd", "Nghị định", K::type, "nghi-dinh"},
    {"tt", "Thông tư", K::type, "thong-tu"},
    {"ttlt", "Thông tư liên tịch", K::type, "thong-tu-lien-tich"},
    {"qd", "Quyết định", K::type, "quyet-dinh"},
    {"nq", "Nghị quyết", K::type, "nghi-quyet"},
    {"nqlt", "Nghị quyết liên tịch", K::type, "nghi-quyet-lien-tich"},
    {"ct", "Chỉ thị", K::type, "chi-thi"},
    {"pl", "Pháp lệnh", K::type, "phap-lenh"},
    {"vbhn", "Văn bản hợp nhất", K::type, "van-ban-hop-nhat"},
    {"hp", "Hiến pháp", K::type, "hien-phap"},
    // bodies
    {"ubnd", "Ủy ban nhân dân", K::term, ""},
    {"hdnd", "Hội đồng nhân dân", K::term, ""},
    {"ubtvqh", "Ủy ban thường vụ Quốc hội", K::term, ""},
    {"tand", "Tòa án nhân dân", K::term, ""},
    {"tandtc", "Tòa án nhân dân tối cao", K::term, ""},
    {"vksnd", "Viện kiểm sát nhân dân", K::term, ""},
    {"vksndtc", "Viện kiểm sát nhân dân tối cao", K::term, ""},
    {"ttg", "Thủ tướng Chính phủ", K::term, ""},
    {"hdtp", "Hội đồng Thẩm phán", K::term, ""},
    {"csgt", "cảnh sát giao thông", K::term, ""},
    {"mttq", "Mặt trận Tổ quốc", K::term, ""},
    // common terms
    {"bhxh", "bảo hiểm xã hội", K::term, ""},
    {"bhyt", "bảo hiểm y tế", K::term, ""},
    {"bhtn", "bảo hiểm thất nghiệp", K::term, ""},
    {"hdld", "hợp đồng lao động", K::term, ""},
    {"nld", "người lao động", K::term, ""},
    {"nsdld", "người sử dụng lao động", K::term, ""},
    {"qsdd", "quyền sử dụng đất", K::term, ""},
    {"gcn", "giấy chứng nhận", K::term, ""},
    {"gcnqsdd", "giấy chứng nhận quyền sử dụng đất", K::term, ""},
    {"cmnd", "chứng minh nhân dân", K::term, ""},
    {"cccd", "căn cước công dân", K::term, ""},
    {"gplx", "giấy phép lái xe", K::term, ""},
    {"dkkd", "đăng ký kinh doanh", K::term, ""},
    {"tnhh", "trách nhiệm hữu hạn", K::term, ""},
    {"ctcp", "công ty cổ phần", K::term, ""},
    {"vphc", "vi phạm hành chính", K::term, ""},
    {"xlvphc", "xử lý vi phạm hành chính", K::term, ""},
    {"pccc", "phòng cháy chữa cháy", K::term, ""},
    {"atgt", "an toàn giao thông", K::term, ""},
    {"tncn", "thu nhập cá nhân", K::term, ""},
    {"tndn", "thu nhập doanh nghiệp", K::term, ""},
    {"gtgt", "giá trị gia tăng", K::term, ""},
    {"mst", "mã số thuế", K::term, ""},
    {"nvqs", "nghĩa vụ quân sự", K::term, ""},
    {"thcs", "trung học cơ sở", K::term, ""},
    {"thpt", "trung học phổ thông", K::term, ""},
    {"tthc", "thủ tục hành chính", K::term, ""},
};

constexpr DocumentType kTypes[] = {
    {"Nghị quyết liên tịch", "nghi-quyet-lien-tich"},
    {"Thông tư liên tịch", "thong-tu-lien-tich"},
    {"Văn bản hợp nhất", "van-ban-hop-nhat"},
    {"Hiến pháp", "hien-phap"},
    {"Bộ luật", "bo-luat"},
    {"Luật", "luat"},
    {"Nghị quyết", "nghi-quyet"},
    {"Pháp lệnh", "phap-lenh"},
    {"Nghị định", "nghi-dinh"},
    {"Thông tư", "thong-tu"},
    {"Quyết định", "quyet-dinh"},
    {"Chỉ thị", "chi-thi"},
    {"Công điện", "cong-dien"},
    {"Thông báo", "thong-bao"},
    {"Quy chuẩn", "quy-chuan"},
    {"Kế hoạch", "ke-hoach"},
    {"Công văn", "cong-van"},
    {"Lệnh", "lenh"},
};

}  // namespace

std::optional<Abbreviation> find_abbreviation(std::string_view token) {
  if (token.size() < 2 || token.size() > 24) return std::nullopt;
  std::string key = fold(token);
  for (const auto& a : kAbbreviations)
    if (a.key == key) return a;
  return std::nullopt;
}

std::optional<DocumentType> find_document_type(std::string_view words) {
  std::string key = title_key(words);
  for (const auto& t : kTypes)
    if (title_key(t.name) == key) return t;
  if (auto a = find_abbreviation(key); a && a->kind == Abbreviation::Kind::type)
    for (const auto& t : kTypes)
      if (t.slug == a->type_slug) return t;
  return std::nullopt;
}

}  // namespace text
