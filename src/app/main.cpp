// phobien: the PBGDPL portal server and its command-line tools.
#include "app/accents_command.h"
#include "app/application.h"
#include "app/backup.h"
#include "app/eval_command.h"
#include "app/outside_command.h"
#include "app/vocabulary_command.h"
#include "app/train_command.h"
#include "app/contest_commands.h"
#include "app/import_command.h"
#include "app/modules.h"
#include "app/reporting_commands.h"
#include "units/settings.h"
#include "units/unit_registry.h"
#include "auth/auth_service.h"
#include "core/config.h"
#include "core/confined_process.h"
#include "db/database.h"
#include "db/migrate.h"
#include "http/server.h"

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>
#include <optional>

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

// A subcommand of `parent` that touches the data.
CLI::App* add_data_command(CLI::App& parent, DataFlags& flags, const std::string& name, const std::string& help) {
  auto* cmd = parent.add_subcommand(name, help);
  add_data_options(cmd, flags);
  return cmd;
}

// A data command that reads one existing file, named by its one positional argument.
CLI::App* add_file_command(CLI::App& cli, DataFlags& flags, const std::string& name, const std::string& help, std::string& file) {
  auto* cmd = add_data_command(cli, flags, name, help);
  cmd->add_option("file", file, "Tệp JSON")->required()->check(CLI::ExistingFile);
  return cmd;
}

// An `eval` subcommand over a corpus and a question file without gold articles (`--list` to list
// each question it counts): the options of `eval outside` and `eval accents`.
CLI::App* add_ungraded_eval(CLI::App& eval, const std::string& name, const std::string& help, const std::string& list_help,
                            std::string& corpus, std::string& questions, bool& list) {
  auto* cmd = eval.add_subcommand(name, help);
  cmd->add_option("--corpus", corpus, "Tệp hoặc thư mục văn bản")->required()->check(CLI::ExistingPath);
  cmd->add_option("--questions", questions, "Tệp câu hỏi JSON (trường \"text\" hoặc \"question\")")->required()->check(CLI::ExistingFile);
  cmd->add_flag("--list", list, list_help);
  return cmd;
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

// What the command line holds once parsed: the subcommands (which one ran: `->parsed()`) and
// the values of their options.
struct Commands {
  DataFlags flags;
  CLI::App *serve, *migrate, *user_add, *token_add, *token_list, *token_revoke, *import, *import_qa, *import_bank, *import_units, *import_plan, *create_contest, *create_course, *eval_retrieval, *eval_answer, *eval_outside, *eval_accents, *eval_vocabulary, *train_ranking, *backup, *restore;
  bool demo = false;
  std::string email, role_name, display_name, unit;
  std::string token_scope, token_label;
  std::int64_t token_id = 0;
  std::vector<std::string> import_files;
  std::string qa_file;
  bool qa_publish = false;
  std::vector<std::string> bank_files;
  bool bank_publish = false;
  std::string units_file, plan_file, contest_file, course_file;
  std::string eval_corpus, eval_questions, eval_archive;
  std::vector<std::string> eval_archives;
  bool eval_misses = false;
  std::string eval_weights;
  std::vector<std::string> train_questions;
  std::string train_out;
  int train_folds = 5;
  double train_l2 = 1e-5;
  std::string backup_file;
};

// Declares every subcommand and option on `cli`, with `commands` receiving what is parsed.
void declare_commands(CLI::App& cli, Commands& commands) {
  auto& flags = commands.flags;
  cli.require_subcommand(1);

  auto* serve = commands.serve = add_data_command(cli, flags, "serve", "Chạy cổng thông tin (mặc định http://127.0.0.1:8080)");
  serve->add_option("--listen", flags.listen, "Địa chỉ lắng nghe HOST:PORT (biến PHOBIEN_LISTEN)");
  serve->add_flag("--demo", commands.demo, "Tạo nội dung mẫu khi cơ sở dữ liệu còn trống");

  commands.migrate = add_data_command(cli, flags, "migrate", "Cập nhật cấu trúc cơ sở dữ liệu");

  auto* user = cli.add_subcommand("user", "Quản lý tài khoản");
  user->require_subcommand(1);
  auto* user_add = commands.user_add = add_data_command(*user, flags, "add", "Tạo tài khoản (mật khẩu đọc từ đầu vào chuẩn)");
  user_add->add_option("--email", commands.email, "E-mail đăng nhập")->required();
  user_add->add_option("--role", commands.role_name, "admin, editor, reviewer, moderator, expert, reporter, approver hoặc citizen")->required();
  user_add->add_option("--name", commands.display_name, "Họ và tên hiển thị");
  user_add->add_option("--unit", commands.unit, "Mã đơn vị công tác (báo cáo viên nhập số liệu, lãnh đạo duyệt số liệu)");

  auto* token = cli.add_subcommand("token", "Mã truy cập API cho hệ thống khác (không phải trình duyệt)");
  token->require_subcommand(1);
  auto* token_add = commands.token_add = add_data_command(*token, flags, "add", "Tạo mã truy cập (in ra một lần)");
  token_add->add_option("--unit", commands.unit, "Mã đơn vị mà mã truy cập đọc số liệu (stats:read) hoặc mã tỉnh gửi báo cáo (stats:submit)")->required();
  token_add->add_option("--scope", commands.token_scope, "Phạm vi: stats:read (đọc số liệu đã duyệt) hoặc stats:submit (tỉnh gửi báo cáo lên nơi này)")->required();
  token_add->add_option("--label", commands.token_label, "Tên gợi nhớ, ví dụ «Cổng PBGDPL quốc gia»");
  commands.token_list = add_data_command(*token, flags, "list", "Liệt kê mã truy cập");
  auto* token_revoke = commands.token_revoke = add_data_command(*token, flags, "revoke", "Thu hồi mã truy cập");
  token_revoke->add_option("id", commands.token_id, "Số của mã truy cập (phobien token list)")->required();

  auto* import = commands.import = add_data_command(cli, flags, "import", "Nhập văn bản pháp luật (JSON kiểu ALQAC, bộ luật .json.gz, Markdown, văn bản thuần)");
  import->add_option("files", commands.import_files, "Tệp hoặc thư mục")->required();

  auto* import_qa = commands.import_qa = add_data_command(cli, flags, "import-qa", "Nhập kho hỏi đáp pháp luật (JSON: question/text, answer, relevant_articles) thành câu hỏi đã trả lời");
  import_qa->add_option("file", commands.qa_file, "Tệp .xlsx, .csv hoặc .json")->required()->check(CLI::ExistingFile);
  import_qa->add_flag("--publish", commands.qa_publish, "Công bố ngay trong kho hỏi đáp công khai (mặc định: chờ kiểm duyệt)");

  auto* import_bank = commands.import_bank = add_data_command(cli, flags, "import-bank", "Nhập ngân hàng câu hỏi thi tìm hiểu pháp luật (bảng tính .xlsx/.csv theo mẫu, hoặc JSON kiểu ALQAC)");
  import_bank->add_option("files", commands.bank_files, "Tệp JSON")->required()->check(CLI::ExistingFile);
  import_bank->add_flag("--publish", commands.bank_publish, "Duyệt ngay để dùng cho cuộc thi (mặc định: chờ duyệt)");

  commands.import_units = add_file_command(cli, flags, "import-units", "Nhập danh mục đơn vị hành chính (JSON như ../shared/data/admin-units/vn-units-2025.json) hoặc cây đơn vị của tỉnh ({\"units\": [...]}: sở, ngành; huyện của cây cũ)", commands.units_file);
  commands.import_plan = add_file_command(cli, flags, "import-plan", "Nhập kế hoạch và các nhiệm vụ giao cho đơn vị (JSON như content/plans/kh-1655-ubnd.json)", commands.plan_file);
  commands.create_contest = add_file_command(cli, flags, "create-contest", "Tạo cuộc thi tìm hiểu pháp luật từ tệp định nghĩa JSON (README, mục Online contests)", commands.contest_file);
  commands.create_course = add_file_command(cli, flags, "create-course", "Tạo khóa học pháp luật trực tuyến từ tệp định nghĩa JSON (README, mục Courses)", commands.course_file);

  auto* eval = cli.add_subcommand("eval", "Đo chất lượng");
  eval->require_subcommand(1);
  auto* eval_retrieval = commands.eval_retrieval = eval->add_subcommand("retrieval", "Đo độ chính xác tra cứu trên một bộ câu hỏi có điều luật đúng");
  eval_retrieval->add_option("--corpus", commands.eval_corpus, "Tệp hoặc thư mục văn bản (được nhập vào một cơ sở dữ liệu tạm, riêng)")->required()->check(CLI::ExistingPath);
  eval_retrieval->add_option("--questions", commands.eval_questions, "Tệp câu hỏi JSON")->required()->check(CLI::ExistingFile);
  eval_retrieval->add_flag("--misses", commands.eval_misses, "Liệt kê các câu hỏi mà điều luật đúng không đứng đầu");
  eval_retrieval->add_option("--weights", commands.eval_weights, "Tệp trọng số xếp hạng đã học (phobien train ranking --out) để đo")->check(CLI::ExistingFile);

  auto* eval_answer = commands.eval_answer = eval->add_subcommand("answer", "Đo chất lượng trả lời tự động (trích dẫn, kiểm chứng, ngưỡng tin cậy)");
  eval_answer->add_option("--corpus", commands.eval_corpus, "Tệp hoặc thư mục văn bản")->required()->check(CLI::ExistingPath);
  eval_answer->add_option("--questions", commands.eval_questions, "Tệp câu hỏi JSON")->required()->check(CLI::ExistingFile);
  eval_answer->add_option("--archive", commands.eval_archive, "Kho hỏi đáp JSON dùng làm bằng chứng (in kết quả có và không có kho)")
      ->check(CLI::ExistingFile);
  eval_answer->add_option("--weights", commands.eval_weights, "Tệp trọng số xếp hạng đã học (phobien train ranking --out) để đo")->check(CLI::ExistingFile);
  eval_answer->add_flag("--misses", commands.eval_misses, "Liệt kê các câu trả lời trích đúng điều luật nhưng sai khoản");
  commands.eval_outside =
      add_ungraded_eval(*eval, "outside", "Đếm các câu hỏi về văn bản tủ sách chưa có (không cần điều luật đúng: dùng được cho câu hỏi thực tế)",
                        "Liệt kê từng câu hỏi với văn bản tủ sách chưa có", commands.eval_corpus, commands.eval_questions, commands.eval_misses);
  commands.eval_accents =
      add_ungraded_eval(*eval, "accents", "Đo khả năng khôi phục dấu: bỏ dấu từng câu hỏi có dấu rồi so bản khôi phục với câu gốc",
                        "Liệt kê từng câu hỏi khôi phục chưa đúng hết", commands.eval_corpus, commands.eval_questions, commands.eval_misses);
  auto* eval_vocabulary = commands.eval_vocabulary =
      eval->add_subcommand("vocabulary", "In các gợi ý bổ sung từ điển rút ra từ kho hỏi đáp (như trang /quan-tri/tu-dien/goi-y)");
  eval_vocabulary->add_option("--corpus", commands.eval_corpus, "Tệp hoặc thư mục văn bản")->required()->check(CLI::ExistingPath);
  eval_vocabulary->add_option("--archive", commands.eval_archives, "Kho hỏi đáp JSON (như phobien import-qa đọc); có thể ghi nhiều lần")
      ->required()
      ->check(CLI::ExistingFile);

  auto* train = cli.add_subcommand("train", "Học từ dữ liệu có nhãn");
  train->require_subcommand(1);
  auto* train_ranking = commands.train_ranking =
      train->add_subcommand("ranking", "Học trọng số xếp hạng kết quả tra cứu từ các bộ câu hỏi có điều luật đúng (in kết quả kiểm định chéo)");
  train_ranking->add_option("--corpus", commands.eval_corpus, "Tệp hoặc thư mục văn bản")->required()->check(CLI::ExistingPath);
  train_ranking->add_option("--questions", commands.train_questions, "Tệp câu hỏi JSON, hoặc TỆP@KHO_VĂN_BẢN để hỏi trên kho khác (nhắc lại cho nhiều bộ)")->required();
  train_ranking->add_option("--out", commands.train_out, "Tệp trọng số để ghi (dùng với phobien eval --weights)");
  train_ranking->add_option("--folds", commands.train_folds, "Số phần kiểm định chéo")->check(CLI::Range(2, 20));
  train_ranking->add_option("--l2", commands.train_l2, "Hệ số phạt L2")->check(CLI::Range(0.0, 100.0));

  auto* backup = commands.backup = add_data_command(cli, flags, "backup", "Sao lưu cơ sở dữ liệu và tệp tải lên (khi máy chủ đang chạy)");
  backup->add_option("--out", commands.backup_file, "Tệp sao lưu .tar.gz")->required();
  auto* restore = commands.restore = add_data_command(cli, flags, "restore", "Khôi phục từ một tệp sao lưu");
  restore->add_option("file", commands.backup_file, "Tệp sao lưu .tar.gz")->required();
}

// phobien serve: runs the portal until it is stopped.
int serve_command(const core::Config& config, bool demo) {
  app::Application application(config);
  application.start(demo);
  spdlog::info("PhoBien đang phục vụ tại http://{}:{} (cơ sở dữ liệu: {})", config.host(), application.port(),
               db::redact_url(config.effective_database_url()));
  application.run();
  return 0;
}

// phobien migrate: applies the migrations not yet applied and lists them.
int migrate_command(db::Database& database) {
  auto applied = db::migrate(database);
  std::cout << (applied.empty() ? "Cơ sở dữ liệu đã ở phiên bản mới nhất.\n" : "");
  for (const auto& name : applied) std::cout << "Đã áp dụng: " << name << "\n";
  return 0;
}

// phobien user add: creates an account; the password is read from standard input.
int user_add_command(db::Database& database, const core::Config& config, const Commands& commands) {
  auto role = auth::parse_role(commands.role_name);
  if (!role) return fail("vai trò không hợp lệ: " + commands.role_name);
  if (!commands.unit.empty() && !units::UnitRegistry(database).find(commands.unit))
    return fail("không có đơn vị mang mã " + commands.unit + " (nhập danh mục đơn vị trước: phobien import-units)");
  auth::AuthService auth_service(database, config);
  auth::User u;
  u.email = commands.email;
  u.display_name = commands.display_name.empty() ? commands.email.substr(0, commands.email.find('@')) : commands.display_name;
  u.role = *role;
  auto created = auth_service.create_user({std::nullopt, "cli"}, u, read_password_from_stdin());
  if (!created) {
    std::string msg = created.error().message;
    for (const auto& [field, m] : created.error().fields) msg += " " + m;
    return fail(msg);
  }
  std::cout << "Đã tạo tài khoản " << created->email << " (" << auth::role_label(created->role) << ")\n";
  if (!commands.unit.empty()) return app::assign_unit(database, created->email, commands.unit, std::cout);
  return 0;
}

// The command that was parsed, run with `config`; its exit status.
int run_command(const Commands& commands, const core::Config& config) {
  if (commands.serve->parsed()) return serve_command(config, commands.demo);
  if (commands.eval_retrieval->parsed()) return app::eval_retrieval(commands.eval_corpus, commands.eval_questions, commands.eval_misses, commands.eval_weights, std::cout);
  if (commands.eval_answer->parsed())
    return app::eval_answer(commands.eval_corpus, commands.eval_questions, commands.eval_archive, commands.eval_weights,
                            commands.eval_misses, std::cout);
  if (commands.eval_outside->parsed()) return app::eval_outside(commands.eval_corpus, commands.eval_questions, commands.eval_misses, std::cout);
  if (commands.eval_accents->parsed()) return app::eval_accents(commands.eval_corpus, commands.eval_questions, commands.eval_misses, std::cout);
  if (commands.eval_vocabulary->parsed()) return app::eval_vocabulary(commands.eval_corpus, commands.eval_archives, std::cout);
  if (commands.train_ranking->parsed())
    return app::train_ranking(commands.eval_corpus, commands.train_questions, commands.train_out, commands.train_folds, commands.train_l2, std::cout);
  if (config.database_url.empty()) std::filesystem::create_directories(config.data_dir);
  auto database = db::open_database(config.effective_database_url(), 2);
  if (commands.migrate->parsed()) return migrate_command(*database);
  db::migrate(*database);
  if (commands.user_add->parsed()) return user_add_command(*database, config, commands);
  if (commands.token_add->parsed())
    return app::token_add(*database, commands.unit, commands.token_scope, commands.token_label, std::cout);
  if (commands.token_list->parsed()) return app::token_list(*database, std::cout);
  if (commands.token_revoke->parsed()) return app::token_revoke(*database, commands.token_id, std::cout);
  if (commands.import->parsed()) return app::import_paths(*database, commands.import_files, std::cout) == 0 ? 0 : 1;
  if (commands.import_qa->parsed()) return app::import_qa_file(*database, commands.qa_file, commands.qa_publish, std::cout);
  if (commands.import_bank->parsed())
    return app::import_bank_files(*database, commands.bank_files, commands.bank_publish, std::cout) == 0 ? 0 : 1;
  if (commands.import_units->parsed()) return app::import_units_file(*database, commands.units_file, std::cout);
  if (commands.import_plan->parsed())
    return app::import_plan_file(*database, config, commands.plan_file, std::cout);
  if (commands.create_contest->parsed()) return app::create_contest_file(*database, commands.contest_file, std::cout);
  if (commands.create_course->parsed()) return app::create_course_file(*database, commands.course_file, std::cout);
  if (commands.backup->parsed()) {
    std::cout << app::backup(*database, config.uploads_dir(), commands.backup_file) << "\n";
    return 0;
  }
  if (commands.restore->parsed()) {
    std::cout << app::restore(*database, config.uploads_dir(), commands.backup_file) << "\n";
    return 0;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (std::optional<int> status = core::run_confined_task(argc, argv)) return *status;  // a child of run_confined()
  CLI::App cli{"PhoBien — hệ thống phổ biến, giáo dục pháp luật"};
  Commands commands;
  declare_commands(cli, commands);
  const DataFlags& flags = commands.flags;

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
    return run_command(commands, config);
  } catch (const http::BindError& e) {
    return fail(e.what());
  } catch (const db::Error& e) {
    return fail(std::string("lỗi cơ sở dữ liệu: ") + e.what());
  } catch (const std::exception& e) {
    return fail(e.what());
  }
}
