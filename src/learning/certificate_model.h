#pragma once
// Certificates (giấy chứng nhận) for a contest attempt and, later, a finished course. What a
// certificate says is written once, when it is issued, and never changes: a later edit of the
// contest or of the unit's name does not rewrite a certificate already printed. Anyone holding
// the code can check it on the site (/chung-nhan).
#include <cstdint>
#include <string>

namespace learning {

struct Certificate {
  std::string code;  // certificate_code.h
  std::string holder_name;
  std::string holder_detail;  // "Sinh năm 1990 · Phường Ba Đình, Thành phố Hà Nội"
  std::string title;          // what it is for: the contest and round
  std::string achievement;    // "80 điểm, 8/10 câu trả lời đúng, trong 4 phút 12 giây"
  std::string subject_url;    // the contest's page
  std::int64_t issued_at = 0;  // Unix seconds
};

}  // namespace learning
