// PDF metadata removal with qpdf, in a confined child process.
//
// The file is parsed by qpdf (libqpdf, continuously fuzzed upstream) and written anew, so only
// objects still reachable from the trailer survive: older revisions of an incrementally updated
// file, and whatever they held, are gone. What is removed:
//  - the document information dictionary (/Info of the trailer: Author, Creator, Producer,
//    Title, custom keys such as /Company, the dates);
//  - every /Metadata entry (XMP streams of the document, of pages and of images) and every
//    /PieceInfo entry (application-private data, which Word and Illustrator fill with names),
//    whether the object was plain or inside a compressed object stream.
// What is refused: names /JavaScript, /JS, /Launch, /EmbeddedFile, /EmbeddedFiles anywhere
// outside stream data (keys or values, #xx escapes decoded by qpdf), and encrypted files, whose
// strings and streams cannot be inspected.
// Budget: qpdf runs in a child process (core/confined_process.h) limited to 5 CPU seconds, 1 GiB
// of address space, 10 s of wall time and 64 MiB of output, and the file may hold at most
// 200,000 objects; past any of these the file is refused as too complex, and the server is not
// held up. A file whose end (%%EOF) is missing is refused as incomplete, even when qpdf could
// reconstruct it: a cut-off upload must not be stored as if whole.
// Not touched, knowingly: annotation authors (/T of comments) and names inside page content
// streams; thumbnails (/Thumb) are images of the pages themselves.
#include "core/confined_process.h"
#include "core/confined_tasks.h"
#include "core/metadata_strip.h"

#define POINTERHOLDER_TRANSITION 4  // qpdf 11: std::shared_ptr only, no PointerHolder
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <set>

namespace core {
namespace {

constexpr std::size_t kMaxObjects = 200'000;
constexpr int kMaxNesting = 100;
constexpr std::size_t kEndWindow = 1024;  // %%EOF must be within the last KiB

// The child's exit status for each outcome; 0 is success.
int status_of(StripFailure why) { return 10 + static_cast<int>(why); }

struct Refusal {
  StripFailure why;
};

bool is_active_name(const std::string& name) {
  static const std::set<std::string> active = {"/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/EmbeddedFiles"};
  return active.contains(name);
}

// Every name of one object, keys and values, down its direct arrays and dictionaries. Indirect
// references are not followed: each indirect object is visited on its own.
void check_names(QPDFObjectHandle object, int depth) {
  if (depth > kMaxNesting) throw Refusal{StripFailure::malformed};
  if (object.isIndirect() && depth > 0) return;
  if (object.isName()) {
    if (is_active_name(object.getName())) throw Refusal{StripFailure::active_content};
  } else if (object.isArray()) {
    for (QPDFObjectHandle item : object.aitems()) check_names(item, depth + 1);
  } else if (object.isDictionary() || object.isStream()) {
    QPDFObjectHandle dict = object.isStream() ? object.getDict() : object;
    for (auto [key, value] : dict.ditems()) {
      if (is_active_name(key)) throw Refusal{StripFailure::active_content};
      check_names(value, depth + 1);
    }
  }
}

// Removes the metadata keys of one object, adding the labels of what it removed to `removed`.
void remove_metadata_keys(QPDFObjectHandle object, std::set<std::string>& removed) {
  QPDFObjectHandle dict = object.isStream() ? object.getDict() : object;
  if (!dict.isDictionary()) return;
  if (dict.hasKey("/Metadata")) {
    dict.removeKey("/Metadata");
    removed.insert("XMP");
  }
  if (dict.hasKey("/PieceInfo")) {
    dict.removeKey("/PieceInfo");
    removed.insert("PieceInfo");
  }
}

std::string cleaned_pdf(std::string_view input, std::set<std::string>& removed) {
  std::string_view tail = input.substr(input.size() > kEndWindow ? input.size() - kEndWindow : 0);
  if (tail.find("%%EOF") == std::string_view::npos) throw Refusal{StripFailure::malformed};

  QPDF pdf;
  pdf.setSuppressWarnings(true);
  pdf.processMemoryFile("upload.pdf", input.data(), input.size());
  if (pdf.isEncrypted()) throw Refusal{StripFailure::encrypted};
  if (pdf.getObjectCount() > kMaxObjects) throw Refusal{StripFailure::too_complex};

  QPDFObjectHandle trailer = pdf.getTrailer();
  check_names(trailer, 0);
  for (QPDFObjectHandle object : pdf.getAllObjects()) {
    check_names(object, 0);
    remove_metadata_keys(object, removed);
  }
  if (trailer.hasKey("/Info")) {
    trailer.removeKey("/Info");
    removed.insert("PDF Info");
  }

  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  writer.setDecodeLevel(qpdf_dl_none);  // stream data is copied as sent, never inflated
  writer.setLinearization(false);
  writer.write();
  std::shared_ptr<Buffer> out = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(out->getBuffer()), out->getSize());
}

}  // namespace

// Output: the labels of what was removed, comma-separated, on the first line; then the file.
int strip_pdf_task(std::string_view input, std::string& output) {
  try {
    std::set<std::string> removed;
    std::string pdf = cleaned_pdf(input, removed);
    for (const std::string& label : removed) output += (output.empty() ? "" : ",") + label;
    output += '\n';
    output += pdf;
    return 0;
  } catch (const Refusal& refusal) {
    return status_of(refusal.why);
  } catch (const std::bad_alloc&) {
    throw;  // the confined runner reports it as over budget
  } catch (const std::exception&) {  // QPDFExc and qpdf's logic and runtime errors: a broken file
    return status_of(StripFailure::malformed);
  }
}

StripResult strip_pdf_metadata(std::string_view data) {
  ConfinedOutcome run = run_confined("strip-pdf", data);
  if (run.end == ConfinedOutcome::End::over_budget) return tl::unexpected(StripFailure::too_complex);
  if (run.end != ConfinedOutcome::End::exited) return tl::unexpected(StripFailure::malformed);
  for (StripFailure why : {StripFailure::malformed, StripFailure::active_content, StripFailure::encrypted, StripFailure::too_complex})
    if (run.exit_code == status_of(why)) return tl::unexpected(why);
  std::size_t newline = run.output.find('\n');
  if (run.exit_code != 0 || newline == std::string::npos) return tl::unexpected(StripFailure::malformed);

  Stripped stripped;
  std::string_view labels = std::string_view(run.output).substr(0, newline);
  while (!labels.empty()) {
    std::size_t comma = std::min(labels.find(','), labels.size());
    stripped.removed.emplace_back(labels.substr(0, comma));
    labels.remove_prefix(std::min(comma + 1, labels.size()));
  }
  stripped.data = run.output.substr(newline + 1);
  return stripped;
}

}  // namespace core
