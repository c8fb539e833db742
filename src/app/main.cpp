// phobien: the PBGDPL portal server and its command-line tools.
#include "app/application.h"
#include "app/backup.h"
#include "app/eval_command.h"
#include "app/import_command.h"
#include "app/modules.h"
#include "auth/auth_service.h"
#include "core/config.h"
#include "db/database.h"
#include "db/migrate.h"
#include "http/server.h"

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>

namespace {

// Flags that override settings (--listen is serve's only). They are applied over the
// configuration after parsing, because the configuration file they may name is read first.
struct DataFlags {
  std::string config_file, data_dir, database_url, listen;
};

// Flags shared by every command that touches the data.
void add_data_options(CLI::App* cmd, DataFlags& flags) {
  cmd->add_option("--config", flags.config_file, "Tệp cấu hình TOML (biến PHOBIEN_CONFIG; mẫu: docs/phobien.example.toml)");
  cmd->add_option("--data", flags.data_dir, "Thư mục dữ liệu (mặc định ./var; biến PHOBIEN_DATA)");
  cmd->add_option("--database", flags.database_url,
                  "Cơ sở dữ liệu: postgresql://... hoặc sqlite:ĐƯỜNG_DẪN (mặc định SQLite trong thư mục dữ liệu; biến PHOBIEN_DATABASE_URL)");
}

int fail(const std::string& message) {
  std::cerr << "phobien: " << message << "\n";
  return 1;
}

std::string read_password_from_stdin() {
  std::string line;
  std::getline(std::cin, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
  return line;
}

}  // namespace

int main(int argc, char** argv) {
  DataFlags flags;
  CLI::App cli{"PhoBien — hệ thống phổ biến, giáo dục pháp luật"};
  cli.require_subcommand(1);

  bool demo = false;
  auto* serve = cli.add_subcommand("serve", "Chạy cổng thông tin (mặc định http://127.0.0.1:8080)");
  add_data_options(serve, flags);
  serve->add_option("--listen", flags.listen, "Địa chỉ lắng nghe HOST:PORT (biến PHOBIEN_LISTEN)");
  serve->add_flag("--demo", demo, "Tạo nội dung mẫu khi cơ sở dữ liệu còn trống");

  auto* migrate = cli.add_subcommand("migrate", "Cập nhật cấu trúc cơ sở dữ liệu");
  add_data_options(migrate, flags);

  auto* user = cli.add_subcommand("user", "Quản lý tài khoản");
  user->require_subcommand(1);
  std::string email, role_name, display_name;
  auto* user_add = user->add_subcommand("add", "Tạo tài khoản (mật khẩu đọc từ đầu vào chuẩn)");
  add_data_options(user_add, flags);
  user_add->add_option("--email", email, "E-mail đăng nhập")->required();
  user_add->add_option("--role", role_name, "admin, editor, reviewer, moderator, expert, reporter hoặc citizen")->required();
  user_add->add_option("--name", display_name, "Họ và tên hiển thị");

  std::vector<std::string> import_files;
  auto* import = cli.add_subcommand("import", "Nhập văn bản pháp luật (JSON kiểu ALQAC, bộ luật .json.gz, Markdown, văn bản thuần)");
  add_data_options(import, flags);
  import->add_option("files", import_files, "Tệp hoặc thư mục")->required();

  std::string qa_file;
  bool qa_publish = false;
  auto* import_qa = cli.add_subcommand("import-qa", "Nhập kho hỏi đáp pháp luật (JSON: question/text, answer, relevant_articles) thành câu hỏi đã trả lời");
  add_data_options(import_qa, flags);
  import_qa->add_option("file", qa_file, "Tệp JSON")->required()->check(CLI::ExistingFile);
  import_qa->add_flag("--publish", qa_publish, "Công bố ngay trong kho hỏi đáp công khai (mặc định: chờ kiểm duyệt)");

  std::string eval_corpus, eval_questions, eval_archive;
  auto* eval = cli.add_subcommand("eval", "Đo chất lượng");
  eval->require_subcommand(1);
  auto* eval_retrieval = eval->add_subcommand("retrieval", "Đo độ chính xác tra cứu trên một bộ câu hỏi có điều luật đúng");
  eval_retrieval->add_option("--corpus", eval_corpus, "Tệp văn bản (được nhập vào một cơ sở dữ liệu tạm, riêng)")->required()->check(CLI::ExistingFile);
  eval_retrieval->add_option("--questions", eval_questions, "Tệp câu hỏi JSON")->required()->check(CLI::ExistingFile);

  auto* eval_answer = eval->add_subcommand("answer", "Đo chất lượng trả lời tự động (trích dẫn, kiểm chứng, ngưỡng tin cậy)");
  eval_answer->add_option("--corpus", eval_corpus, "Tệp văn bản")->required()->check(CLI::ExistingFile);
  eval_answer->add_option("--questions", eval_questions, "Tệp câu hỏi JSON")->required()->check(CLI::ExistingFile);
  eval_answer->add_option("--archive", eval_archive, "Kho hỏi đáp JSON dùng làm bằng chứng (in kết quả có và không có kho)")
      ->check(CLI::ExistingFile);

  std::string backup_file;
  auto* backup = cli.add_subcommand("backup", "Sao lưu cơ sở dữ liệu và tệp tải lên (khi máy chủ đang chạy)");
  add_data_options(backup, flags);
  backup->add_option("--out", backup_file, "Tệp sao lưu .tar.gz")->required();
  auto* restore = cli.add_subcommand("restore", "Khôi phục từ một tệp sao lưu");
  add_data_options(restore, flags);
  restore->add_option("file", backup_file, "Tệp sao lưu .tar.gz")->required();

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }

  try {
    core::Config config = core::load_config(flags.config_file, core::process_environment, app::settings_sections());
    if (!flags.data_dir.empty()) config.data_dir = flags.data_dir;
    if (!flags.database_url.empty()) config.database_url = flags.database_url;
    if (!flags.listen.empty()) config.listen = flags.listen;
    core::validate_listen(config.listen);
    spdlog::set_level(spdlog::level::from_str(config.log_level));
    if (serve->parsed()) {
      app::Application application(config);
      application.start(demo);
      spdlog::info("PhoBien đang phục vụ tại http://{}:{} (cơ sở dữ liệu: {})", config.host(), application.port(),
                   db::redact_url(config.effective_database_url()));
      application.run();
      return 0;
    }
    if (eval_retrieval->parsed()) return app::eval_retrieval(eval_corpus, eval_questions, std::cout);
    if (eval_answer->parsed()) return app::eval_answer(eval_corpus, eval_questions, eval_archive, std::cout);
    if (config.database_url.empty()) std::filesystem::create_directories(config.data_dir);
    auto database = db::open_database(config.effective_database_url(), 2);
    if (migrate->parsed()) {
      auto applied = db::migrate(*database);
      std::cout << (applied.empty() ? "Cơ sở dữ liệu đã ở phiên bản mới nhất.\n" : "");
      for (const auto& name : applied) std::cout << "Đã áp dụng: " << name << "\n";
      return 0;
    }
    db::migrate(*database);
    if (user_add->parsed()) {
      auto role = auth::parse_role(role_name);
      if (!role) return fail("vai trò không hợp lệ: " + role_name);
      auth::AuthService auth_service(*database, config);
      auth::User u;
      u.email = email;
      u.display_name = display_name.empty() ? email.substr(0, email.find('@')) : display_name;
      u.role = *role;
      auto created = auth_service.create_user({std::nullopt, "cli"}, u, read_password_from_stdin());
      if (!created) {
        std::string msg = created.error().message;
        for (const auto& [field, m] : created.error().fields) msg += " " + m;
        return fail(msg);
      }
      std::cout << "Đã tạo tài khoản " << created->email << " (" << auth::role_label(created->role) << ")\n";
      return 0;
    }
    if (import->parsed()) return app::import_paths(*database, import_files, std::cout) == 0 ? 0 : 1;
    if (import_qa->parsed()) return app::import_qa_file(*database, qa_file, qa_publish, std::cout);
    if (backup->parsed()) {
      auto summary = app::backup(*database, config.uploads_dir(), backup_file);
      std::cout << summary << "\n";
      return 0;
    }
    if (restore->parsed()) {
      auto summary = app::restore(*database, config.uploads_dir(), backup_file);
      std::cout << summary << "\n";
      return 0;
    }
  } catch (const http::BindError& e) {
    return fail(e.what());
  } catch (const db::Error& e) {
    return fail(std::string("lỗi cơ sở dữ liệu: ") + e.what());
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  return 0;
}
