#pragma once
#include <string>
#include <vector>

namespace core {

// Runs a program (looked up in PATH) with arguments, no shell involved; returns its exit status.
int run_program(const std::vector<std::string>& argv);

}  // namespace core
