// Search behaviour as a table (testdata/search_cases.test) over a tiny corpus of real articles,
// abridged: a few clauses of each, enough to tell them apart.
#include "search/index.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

namespace search {

namespace {

struct Article {
  const char* key;  // "<document key>/<article>" as the fixtures name it
  std::int64_t document_id;
  const char* document_title;
  const char* document_number;
  const char* type;
  const char* status;
  const char* article;
  const char* title;
  const char* text;
};

// Bộ luật Lao động 2019, Bộ luật Lao động 2012 (no longer in force), Luật Cư trú 2020, Nghị định
// 100/2019/NĐ-CP, Bộ luật Dân sự 2015, Luật Đất đai 2013, Luật Hôn nhân và gia đình 2014.
const Article kCorpus[] = {
    {"blld2019/25", 1, "Bộ luật Lao động", "45/2019/QH14", "bo-luat", "con-hieu-luc", "25", "Thời gian thử việc",
     "Thời gian thử việc do hai bên thỏa thuận căn cứ vào tính chất và mức độ phức tạp của công việc nhưng chỉ được thử "
     "việc một lần đối với một công việc và bảo đảm điều kiện sau đây:\n"
     "1. Không quá 180 ngày đối với công việc của người quản lý doanh nghiệp theo quy định của Luật Doanh nghiệp;\n"
     "2. Không quá 60 ngày đối với công việc có chức danh nghề nghiệp cần trình độ chuyên môn, kỹ thuật từ cao đẳng trở lên;\n"
     "3. Không quá 30 ngày đối với công việc có chức danh nghề nghiệp cần trình độ chuyên môn, kỹ thuật trung cấp, công "
     "nhân kỹ thuật, nhân viên nghiệp vụ;\n"
     "4. Không quá 06 ngày làm việc đối với công việc khác."},
    {"blld2019/35", 1, "Bộ luật Lao động", "45/2019/QH14", "bo-luat", "con-hieu-luc", "35",
     "Quyền đơn phương chấm dứt hợp đồng lao động của người lao động",
     "1. Người lao động có quyền đơn phương chấm dứt hợp đồng lao động nhưng phải báo trước cho người sử dụng lao động "
     "như sau:\n"
     "a) Ít nhất 45 ngày nếu làm việc theo hợp đồng lao động không xác định thời hạn;\n"
     "b) Ít nhất 30 ngày nếu làm việc theo hợp đồng lao động xác định thời hạn có thời hạn từ 12 tháng đến 36 tháng;\n"
     "c) Ít nhất 03 ngày làm việc nếu làm việc theo hợp đồng lao động xác định thời hạn có thời hạn dưới 12 tháng.\n"
     "2. Người lao động có quyền đơn phương chấm dứt hợp đồng lao động không cần báo trước trong trường hợp sau đây:\n"
     "a) Không được bố trí theo đúng công việc, địa điểm làm việc hoặc không được bảo đảm điều kiện làm việc theo "
     "thỏa thuận;\n"
     "b) Không được trả đủ lương hoặc trả lương không đúng thời hạn."},
    {"blld2019/169", 1, "Bộ luật Lao động", "45/2019/QH14", "bo-luat", "con-hieu-luc", "169", "Tuổi nghỉ hưu",
     "1. Người lao động bảo đảm điều kiện về thời gian đóng bảo hiểm xã hội theo quy định của pháp luật về bảo hiểm xã "
     "hội được hưởng lương hưu khi đủ tuổi nghỉ hưu.\n"
     "2. Tuổi nghỉ hưu của người lao động trong điều kiện lao động bình thường được điều chỉnh theo lộ trình cho đến khi "
     "đủ 62 tuổi đối với lao động nam vào năm 2028 và đủ 60 tuổi đối với lao động nữ vào năm 2035."},
    {"blld2012/27", 2, "Bộ luật Lao động 2012", "10/2012/QH13", "bo-luat", "het-hieu-luc", "27", "Thời gian thử việc",
     "Thời gian thử việc căn cứ vào tính chất và mức độ phức tạp của công việc nhưng chỉ được thử việc 01 lần đối với "
     "một công việc và bảo đảm các điều kiện sau đây:\n"
     "1. Không quá 60 ngày đối với công việc có chức danh nghề cần trình độ chuyên môn, kỹ thuật từ cao đẳng trở lên;\n"
     "2. Không quá 30 ngày đối với công việc có chức danh nghề cần trình độ chuyên môn kỹ thuật trung cấp nghề, trung "
     "cấp chuyên nghiệp, công nhân kỹ thuật, nhân viên nghiệp vụ.\n"
     "3. Không quá 6 ngày làm việc đối với những công việc khác."},
    {"cutru/20", 3, "Luật Cư trú", "68/2020/QH14", "luat", "con-hieu-luc", "20", "Điều kiện đăng ký thường trú",
     "1. Công dân có chỗ ở hợp pháp thuộc quyền sở hữu của mình thì được đăng ký thường trú tại chỗ ở hợp pháp đó.\n"
     "2. Công dân được đăng ký thường trú tại chỗ ở hợp pháp không thuộc quyền sở hữu của mình khi được chủ hộ và chủ "
     "sở hữu chỗ ở hợp pháp đó đồng ý trong các trường hợp sau đây:\n"
     "a) Vợ về ở với chồng; chồng về ở với vợ; con về ở với cha, mẹ; cha, mẹ về ở với con;"},
    {"cutru/27", 3, "Luật Cư trú", "68/2020/QH14", "luat", "con-hieu-luc", "27", "Điều kiện đăng ký tạm trú",
     "1. Công dân đến sinh sống tại chỗ ở hợp pháp ngoài phạm vi đơn vị hành chính cấp xã nơi đã đăng ký thường trú để "
     "lao động, học tập hoặc vì mục đích khác từ 30 ngày trở lên thì phải thực hiện đăng ký tạm trú.\n"
     "2. Thời hạn tạm trú tối đa là 02 năm và có thể tiếp tục gia hạn nhiều lần."},
    {"nd100/5", 4, "Nghị định quy định xử phạt vi phạm hành chính trong lĩnh vực giao thông đường bộ và đường sắt",
     "100/2019/NĐ-CP", "nghi-dinh", "het-hieu-luc-mot-phan", "5",
     "Xử phạt người điều khiển, người được chở trên xe ô tô và các loại xe tương tự xe ô tô vi phạm quy tắc giao thông "
     "đường bộ",
     "1. Phạt tiền từ 200.000 đồng đến 400.000 đồng đối với người điều khiển xe thực hiện một trong các hành vi vi phạm "
     "sau đây:\n"
     "a) Không chấp hành hiệu lệnh, chỉ dẫn của biển báo hiệu, vạch kẻ đường;\n"
     "8. Phạt tiền từ 16.000.000 đồng đến 18.000.000 đồng đối với người điều khiển xe thực hiện hành vi vi phạm: "
     "Điều khiển xe trên đường mà trong máu hoặc hơi thở có nồng độ cồn vượt quá 50 miligam đến 80 miligam/100 mililít "
     "máu hoặc vượt quá 0,25 miligam đến 0,4 miligam/1 lít khí thở."},
    {"nd100/6", 4, "Nghị định quy định xử phạt vi phạm hành chính trong lĩnh vực giao thông đường bộ và đường sắt",
     "100/2019/NĐ-CP", "nghi-dinh", "het-hieu-luc-mot-phan", "6",
     "Xử phạt người điều khiển xe mô tô, xe gắn máy (kể cả xe máy điện), các loại xe tương tự xe mô tô và các loại xe "
     "tương tự xe gắn máy vi phạm quy tắc giao thông đường bộ",
     "6. Phạt tiền từ 2.000.000 đồng đến 3.000.000 đồng đối với người điều khiển xe thực hiện một trong các hành vi vi "
     "phạm sau đây:\n"
     "c) Điều khiển xe trên đường mà trong máu hoặc hơi thở có nồng độ cồn nhưng chưa vượt quá 50 miligam/100 mililít "
     "máu hoặc chưa vượt quá 0,25 miligam/1 lít khí thở."},
    {"blds/3", 5, "Bộ luật Dân sự", "91/2015/QH13", "bo-luat", "con-hieu-luc", "3",
     "Các nguyên tắc cơ bản của pháp luật dân sự",
     "1. Mọi cá nhân, pháp nhân đều bình đẳng, không được lấy bất kỳ lý do nào để phân biệt đối xử; được pháp luật bảo "
     "hộ như nhau về các quyền nhân thân và tài sản.\n"
     "2. Cá nhân, pháp nhân xác lập, thực hiện, chấm dứt quyền, nghĩa vụ dân sự của mình trên cơ sở tự do, tự nguyện "
     "cam kết, thỏa thuận."},
    {"datdai/3", 6, "Luật Đất đai", "45/2013/QH13", "luat", "het-hieu-luc", "3", "Giải thích từ ngữ",
     "Trong Luật này, các từ ngữ dưới đây được hiểu như sau:\n"
     "7. Nhà nước công nhận quyền sử dụng đất là việc Nhà nước trao quyền sử dụng đất cho người đang sử dụng đất ổn "
     "định mà không có nguồn gốc được Nhà nước giao đất, cho thuê đất.\n"
     "16. Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất là chứng thư pháp lý "
     "để Nhà nước xác nhận quyền sử dụng đất, quyền sở hữu nhà ở, tài sản khác gắn liền với đất hợp pháp của người có "
     "quyền sử dụng đất."},
    {"hngd/8", 7, "Luật Hôn nhân và gia đình", "52/2014/QH13", "luat", "con-hieu-luc", "8", "Điều kiện kết hôn",
     "1. Nam, nữ kết hôn với nhau phải tuân theo các điều kiện sau đây:\n"
     "a) Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên;\n"
     "b) Việc kết hôn do nam và nữ tự nguyện quyết định;\n"
     "c) Không bị mất năng lực hành vi dân sự;\n"
     "d) Việc kết hôn không thuộc một trong các trường hợp cấm kết hôn theo quy định tại các điểm a, b, c và d khoản 2 "
     "Điều 5 của Luật này.\n"
     "2. Nhà nước không thừa nhận hôn nhân giữa những người cùng giới tính."},
    {"hngd/5", 7, "Luật Hôn nhân và gia đình", "52/2014/QH13", "luat", "con-hieu-luc", "5",
     "Bảo vệ chế độ hôn nhân và gia đình",
     "1. Quan hệ hôn nhân và gia đình được xác lập, thực hiện theo quy định của Luật này được tôn trọng và được pháp "
     "luật bảo vệ.\n"
     "2. Cấm các hành vi sau đây:\n"
     "a) Kết hôn giả tạo, ly hôn giả tạo;\n"
     "b) Tảo hôn, cưỡng ép kết hôn, lừa dối kết hôn, cản trở kết hôn;"},
};

struct Case {
  std::string name, query;
  std::optional<std::string> type, status, suggestion;
  std::string first;  // "<key> <match>", "none", or empty: any first hit
  std::vector<std::string> absent;
  std::optional<std::size_t> total;
};

// === name / query: / type: / status: / first: / suggestion: / absent: / total:
std::vector<Case> load_cases(const std::string& path) {
  std::ifstream in(path);
  std::vector<Case> cases;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.starts_with("#")) continue;
    if (line.starts_with("=== ")) {
      cases.push_back({});
      cases.back().name = line.substr(4);
      continue;
    }
    if (cases.empty()) continue;
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string key = line.substr(0, colon), value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    auto& c = cases.back();
    if (key == "query") c.query = value;
    else if (key == "type") c.type = value;
    else if (key == "status") c.status = value;
    else if (key == "first") c.first = value;
    else if (key == "suggestion") c.suggestion = value;
    else if (key == "absent") c.absent.push_back(value);
    else if (key == "total") c.total = std::stoul(value);
  }
  return cases;
}

}  // namespace

TEST(SearchCases, Fixtures) {
  Index index;
  std::map<std::int64_t, std::string> key_of;
  std::int64_t id = 100;
  for (const auto& a : kCorpus) {
    Passage p{++id, a.document_id, a.document_title, a.document_number, a.type, a.status, a.article, a.title, a.text};
    key_of[p.id] = a.key;
    index.upsert(std::move(p));
  }
  auto cases = load_cases(PHOBIEN_SOURCE_DIR "/src/search/testdata/search_cases.test");
  ASSERT_GE(cases.size(), 15u);
  for (const auto& c : cases) {
    Query q;
    q.text = c.query;
    q.type = c.type;
    q.status = c.status;
    auto r = index.search(q);
    std::string got = r.hits.empty() ? "none" : key_of[r.hits[0].id] + " " + r.hits[0].match;
    if (!c.first.empty()) EXPECT_EQ(got, c.first) << "case: " << c.name << "\nquery: " << c.query;
    if (c.suggestion) EXPECT_EQ(r.suggestion.value_or("(none)"), *c.suggestion) << "case: " << c.name;
    for (const auto& a : c.absent)
      for (const auto& h : r.hits) EXPECT_NE(key_of[h.id], a) << "case: " << c.name << " should not find " << a;
    if (c.total) EXPECT_EQ(r.total, *c.total) << "case: " << c.name;
  }
}

}  // namespace search
