#include "app/demo_content.h"

#include "auth/password.h"
#include "auth/user_repository.h"
#include "consult/expert_repository.h"
#include "consult/question_repository.h"
#include "core/time.h"

#include <iostream>

namespace app {

namespace {
struct DemoPost {
  const char* category;
  const char* title;
  const char* summary;
  const char* body;
  const char* tags;
  bool featured;
};

// Sample posts about real PBGDPL topics; bodies are short on purpose.
const DemoPost kPosts[] = {
    {"tin-tuc", "Hưởng ứng Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam 9/11",
     "Các cơ quan, đơn vị trên địa bàn tỉnh tổ chức nhiều hoạt động thiết thực hưởng ứng Ngày Pháp luật năm nay.",
     "Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam được tổ chức hằng năm vào ngày **9 tháng 11** theo "
     "quy định tại Điều 8 Luật Phổ biến, giáo dục pháp luật năm 2012.\n\n"
     "Năm nay, Sở Tư pháp đề nghị các cơ quan, đơn vị:\n\n"
     "1. Tổ chức tọa đàm, hội nghị quán triệt các luật mới được Quốc hội thông qua;\n"
     "2. Treo băng rôn, khẩu hiệu tại trụ sở;\n"
     "3. Phát động cuộc thi tìm hiểu pháp luật trực tuyến cho cán bộ, công chức và nhân dân.\n\n"
     "> Mục đích là nâng cao ý thức tôn trọng và chấp hành pháp luật của mọi người dân.",
     "Ngày Pháp luật, PBGDPL", true},
    {"tin-tuc", "Hội nghị tập huấn nghiệp vụ cho báo cáo viên pháp luật cấp tỉnh",
     "Hơn 120 báo cáo viên, tuyên truyền viên pháp luật tham dự lớp tập huấn kỹ năng phổ biến pháp luật.",
     "Lớp tập huấn tập trung vào kỹ năng truyền đạt, ứng dụng công nghệ thông tin và chuyển đổi số trong công tác "
     "phổ biến, giáo dục pháp luật.\n\nCác học viên được hướng dẫn sử dụng **tủ sách pháp luật điện tử** và "
     "hệ thống hỏi đáp pháp luật trực tuyến.",
     "báo cáo viên, tập huấn", false},
    {"tin-tuc", "Đẩy mạnh chuyển đổi số trong công tác phổ biến, giáo dục pháp luật",
     "Triển khai các nhiệm vụ ứng dụng công nghệ thông tin theo Quyết định số 471/QĐ-TTg của Thủ tướng Chính phủ.",
     "Quyết định số 471/QĐ-TTg ngày 26/4/2024 phê duyệt Đề án \"Ứng dụng công nghệ thông tin, chuyển đổi số trong "
     "công tác phổ biến, giáo dục pháp luật giai đoạn 2024 - 2030\".\n\n"
     "Đề án đặt mục tiêu người dân được tiếp cận thông tin pháp luật **thuận tiện, nhanh chóng, miễn phí** trên "
     "môi trường số.",
     "chuyển đổi số, 471/QĐ-TTg, PBGDPL", true},
    {"van-ban-moi", "Luật Phòng, chống ma túy: những điểm mới cần biết",
     "Giới thiệu các quy định về cai nghiện ma túy tự nguyện, quản lý người sử dụng trái phép chất ma túy.",
     "Luật Phòng, chống ma túy quy định về phòng ngừa, ngăn chặn, đấu tranh chống tội phạm và tệ nạn ma túy; "
     "kiểm soát các hoạt động hợp pháp liên quan đến ma túy; cai nghiện ma túy.\n\n"
     "## Một số điểm mới\n\n- Bổ sung quy định về quản lý người sử dụng trái phép chất ma túy;\n"
     "- Đa dạng hóa các hình thức cai nghiện;\n- Quy định rõ trách nhiệm của gia đình và cộng đồng.",
     "ma túy, luật mới", false},
    {"van-ban-moi", "Luật Cư trú: thủ tục đăng ký thường trú, tạm trú",
     "Hướng dẫn người dân thực hiện thủ tục đăng ký cư trú theo quy định hiện hành.",
     "Công dân có quyền tự do cư trú theo quy định của Luật Cư trú. Người dân có thể nộp hồ sơ đăng ký thường trú, "
     "tạm trú trực tiếp hoặc qua **Cổng dịch vụ công**.\n\n| Thủ tục | Thời hạn giải quyết |\n|---|---|\n"
     "| Đăng ký thường trú | 07 ngày làm việc |\n| Đăng ký tạm trú | 03 ngày làm việc |",
     "cư trú, thủ tục hành chính", false},
    {"hoi-dap-phap-luat", "Người lao động được nghỉ bao nhiêu ngày phép mỗi năm?",
     "Quy định về nghỉ hằng năm của người lao động theo Bộ luật Lao động.",
     "**Hỏi:** Tôi làm việc đủ 12 tháng cho một công ty, vậy tôi được nghỉ phép năm bao nhiêu ngày?\n\n"
     "**Trả lời:** Theo Điều 113 Bộ luật Lao động năm 2019, người lao động làm việc đủ 12 tháng cho một người sử "
     "dụng lao động thì được nghỉ hằng năm, hưởng nguyên lương theo hợp đồng lao động là 12 ngày làm việc đối với "
     "người làm công việc trong điều kiện bình thường.\n\n*Nội dung chỉ mang tính tham khảo.*",
     "lao động, nghỉ phép", false},
    {"hoi-dap-phap-luat", "Thủ tục ly hôn thuận tình được thực hiện như thế nào?",
     "Giải đáp về hồ sơ, nơi nộp và thời gian giải quyết yêu cầu công nhận thuận tình ly hôn.",
     "Theo Luật Hôn nhân và gia đình, trường hợp vợ chồng cùng yêu cầu ly hôn, nếu xét thấy hai bên thật sự tự "
     "nguyện ly hôn và đã thỏa thuận về việc chia tài sản, việc trông nom, nuôi dưỡng, chăm sóc, giáo dục con thì "
     "Tòa án công nhận thuận tình ly hôn.\n\n*Nội dung chỉ mang tính tham khảo.*",
     "hôn nhân gia đình, ly hôn", false},
    {"tai-lieu-pbgdpl", "Đề cương giới thiệu Luật Phổ biến, giáo dục pháp luật",
     "Tài liệu phục vụ báo cáo viên pháp luật giới thiệu các nội dung cơ bản của Luật.",
     "## I. Sự cần thiết ban hành\n\nLuật Phổ biến, giáo dục pháp luật được Quốc hội thông qua ngày 20/6/2012.\n\n"
     "## II. Bố cục\n\nLuật gồm 6 chương, 48 điều.\n\n## III. Nội dung cơ bản\n\n"
     "- Quyền và nghĩa vụ tìm hiểu pháp luật của công dân;\n- Nội dung, hình thức phổ biến, giáo dục pháp luật;\n"
     "- Báo cáo viên pháp luật, tuyên truyền viên pháp luật.",
     "đề cương, PBGDPL", false},
    {"tai-lieu-pbgdpl", "Tình huống pháp luật: tranh chấp ranh giới đất giữa hai hộ gia đình",
     "Tình huống mẫu dùng cho sinh hoạt \"Ngày Pháp luật\" tại thôn, tổ dân phố.",
     "Ông A và ông B có đất liền kề. Ông B xây tường rào lấn sang phần đất của ông A khoảng 0,5 m.\n\n"
     "**Hỏi:** Ông A cần làm gì để bảo vệ quyền lợi của mình?\n\n**Gợi ý:** Tranh chấp đất đai mà các bên không tự "
     "hòa giải được thì gửi đơn đến Ủy ban nhân dân cấp xã nơi có đất tranh chấp để hòa giải.",
     "đất đai, hòa giải, tình huống", false},
};
}  // namespace

void seed_categories(portal::PortalService& portal, const auth::User& admin) {
  struct Cat {
    const char* slug;
    const char* name;
    const char* description;
  };
  static const Cat cats[] = {
      {"tin-tuc", "Tin tức", "Tin hoạt động phổ biến, giáo dục pháp luật"},
      {"van-ban-moi", "Văn bản mới", "Giới thiệu văn bản quy phạm pháp luật mới ban hành"},
      {"hoi-dap-phap-luat", "Giải đáp vướng mắc", "Giải đáp những vướng mắc pháp luật thường gặp"},
      {"tai-lieu-pbgdpl", "Tài liệu PBGDPL", "Đề cương, tài liệu, tình huống phục vụ phổ biến pháp luật"},
  };
  int position = 0;
  for (const auto& c : cats)
    if (!portal.category(c.slug)) portal.save_category(admin, {admin.id, "local"}, std::nullopt, c.name, c.slug, c.description, position++);
}

namespace {
// The demo lawyer answers every field, verified, so a question asked in the demo reaches someone.
void register_demo_expert(db::Database& database, const auth::User& user, std::int64_t admin_id) {
  auto c = database.acquire();
  db::Transaction tx(*c);
  consult::QuestionRepository questions(*c);
  consult::Expert e;
  e.user_id = user.id;
  e.kind = consult::ExpertKind::lawyer;
  e.full_name = "Luật sư " + user.display_name;
  e.organisation = "Đoàn Luật sư tỉnh (tài khoản demo)";
  e.credential = "DEMO-0001";
  e.bio = "Tài khoản chuyên gia mẫu để thử quy trình tư vấn pháp luật trực tuyến.";
  for (const auto& f : questions.fields()) e.fields.push_back(f.slug);
  auto now = core::now_unix();
  consult::ExpertRepository experts(*c);
  auto id = experts.insert(e, now);
  experts.set_verified(id, now, admin_id);
  tx.commit();
}
}  // namespace

void seed_demo_content(db::Database& database, auth::AuthService& auth, portal::PortalService& portal) {
  if (!portal.categories().empty()) return;
  std::optional<auth::User> admin;
  {
    auto c = database.acquire();
    // Several nodes may start together on an empty database: only the one that claims the marker seeds.
    if (c->execute("INSERT INTO settings (key, value) VALUES ('demo_content_seeded', ?) ON CONFLICT DO NOTHING",
                   {core::format_rfc3339(core::now_unix())}) == 0)
      return;
    // The first administrator authors the demo posts (admin@localhost on a new site).
    auto row = c->query_one("SELECT id FROM users WHERE role = 'admin' AND active = 1 ORDER BY id LIMIT 1");
    if (row) admin = auth::UserRepository(*c).find(row->int64(0));
  }
  if (!admin) {
    std::cout << "  Không có tài khoản quản trị nào: bỏ qua nội dung mẫu.\n";
    return;
  }
  seed_categories(portal, *admin);

  std::cout << "  Tài khoản demo (mật khẩu chỉ hiện một lần):\n";
  struct DemoUser {
    const char* email;
    const char* name;
    auth::Role role;
  };
  for (const DemoUser& d : {DemoUser{"bientap@demo.local", "Nguyễn Thị Biên Tập", auth::Role::editor},
                            DemoUser{"duyet@demo.local", "Trần Văn Duyệt", auth::Role::reviewer},
                            DemoUser{"kiemduyet@demo.local", "Lê Thị Kiểm Duyệt", auth::Role::moderator},
                            DemoUser{"luatsu@demo.local", "Phạm Văn Luật", auth::Role::expert}}) {
    std::string password = auth::generate_password();
    auth::User u;
    u.email = d.email;
    u.display_name = d.name;
    u.role = d.role;
    auto created = auth.create_user({admin->id, "local"}, u, password);
    if (!created) continue;
    std::cout << "    " << auth::role_label(d.role) << ": " << d.email << " / " << password << "\n";
    if (d.role == auth::Role::expert) register_demo_expert(database, *created, admin->id);
  }
  std::cout << "\n" << std::flush;

  auth::Actor actor{admin->id, "local"};
  for (const auto& d : kPosts) {
    portal::PostInput in{d.title, d.summary, d.body, d.category, d.tags, d.featured, ""};
    auto p = portal.create_post(*admin, actor, in, std::nullopt);
    if (!p) continue;
    portal.submit(*admin, actor, p->id);
    portal.publish(*admin, actor, p->id);
  }
}

}  // namespace app
