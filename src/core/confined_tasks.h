#pragma once
// The tasks that run_confined() can start, each run inside the confined child: reads `input`,
// fills `output`, returns the child's exit status. Listed in confined_process.cpp.
#include <string>
#include <string_view>

namespace core {

// PDF metadata removal (pdf_metadata.cpp): status 0 and the cleaned file, or a StripFailure code.
int strip_pdf_task(std::string_view input, std::string& output);

}  // namespace core
