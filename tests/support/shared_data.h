#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace testing_support {

// ../shared/data beside the repository, or PHOBIEN_SHARED_DATA; nullopt when absent.
std::optional<std::filesystem::path> shared_data_dir();
std::string read_file(const std::filesystem::path& path);

}  // namespace testing_support
