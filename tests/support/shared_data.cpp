#include "support/shared_data.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace testing_support {

std::optional<std::filesystem::path> shared_data_dir() {
  if (const char* env = std::getenv("PHOBIEN_SHARED_DATA"); env && *env) return std::filesystem::path(env);
  auto dir = std::filesystem::path(PHOBIEN_SOURCE_DIR).parent_path() / "shared" / "data";
  if (std::filesystem::is_directory(dir)) return dir;
  return std::nullopt;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace testing_support
