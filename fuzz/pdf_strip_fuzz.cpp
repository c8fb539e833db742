// core::strip_pdf_task, the body of the confined child that cleans uploaded PDFs, run in-process
// (core::strip_pdf_metadata would spawn a child per input). qpdf is the system library, not
// instrumented: coverage guides through the project's code around it; a crash inside qpdf still
// stops the run. In production the child has 5 CPU seconds and 1 GiB; here a slow or greedy input
// shows up as a libFuzzer timeout or rss/malloc-limit report, which is a refusal there, not a bug.
// Properties: the status is 0 or one of the StripFailure codes (10..13); on success the output is
// the label line (a sorted subset of "PDF Info", "PieceInfo", "XMP") and a PDF ending in %%EOF, and
// cleaning that PDF again succeeds and removes nothing.
#include "core/confined_tasks.h"
#include "fuzz_check.h"

#include <algorithm>
#include <set>
#include <vector>

namespace {

std::vector<std::string> labels_of(std::string_view line) {
  std::vector<std::string> out;
  while (!line.empty()) {
    std::size_t comma = std::min(line.find(','), line.size());
    out.emplace_back(line.substr(0, comma));
    line.remove_prefix(std::min(comma + 1, line.size()));
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in = fuzz::bytes(data, size);
  std::string output;
  int status = core::strip_pdf_task(in, output);
  FUZZ_CHECK(status == 0 || (status >= 10 && status <= 13));
  if (status != 0) return 0;

  std::size_t newline = output.find('\n');
  FUZZ_CHECK(newline != std::string::npos);
  std::vector<std::string> labels = labels_of(std::string_view(output).substr(0, newline));
  static const std::set<std::string> kKnown = {"PDF Info", "PieceInfo", "XMP"};
  FUZZ_CHECK(std::set<std::string>(labels.begin(), labels.end()).size() == labels.size());
  for (const std::string& label : labels) FUZZ_CHECK(kKnown.contains(label));
  FUZZ_CHECK(std::is_sorted(labels.begin(), labels.end()));
  std::string pdf = output.substr(newline + 1);
  FUZZ_CHECK(pdf.starts_with("%PDF-"));
  FUZZ_CHECK(pdf.find("%%EOF", pdf.size() > 1024 ? pdf.size() - 1024 : 0) != std::string::npos);

  std::string again;
  int status_again = core::strip_pdf_task(pdf, again);
  if (status_again != 0) std::fprintf(stderr, "second pass status %d\n", status_again);
  FUZZ_CHECK(status_again == 0);
  FUZZ_CHECK(again.starts_with("\n%PDF-"));  // nothing left to remove
  return 0;
}
