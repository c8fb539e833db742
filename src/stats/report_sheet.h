#pragma once
// A unit's report as a spreadsheet, for units that gather their figures in Excel: the template
// (sheet "Số liệu": one row per indicator with its code, group, name, measure and the figure the
// form starts from; sheet "Hướng dẫn": how to fill it in) and reading a filled-in copy back into
// what the form would have sent. The figures are then saved as a draft through ReportService, so
// the same checks apply and nothing is submitted without the reporter.
#include "core/spreadsheet.h"
#include "stats/report_service.h"

#include <map>
#include <string>
#include <vector>

namespace stats {

inline constexpr const char* kCodeColumn = "Mã chỉ tiêu";
inline constexpr const char* kFigureColumn = "Số liệu";

std::vector<core::Table> report_sheet(const ReportForm& form);

struct SheetFigures {
  std::map<std::string, std::string> typed;  // indicator code → the cell as text ("" for empty)
  std::vector<std::string> problems;         // Vietnamese, each naming the row; nothing is saved when any
};

// Reads the first sheet: its header row must name the columns kCodeColumn and kFigureColumn (in
// any place); each row below with a code gives that indicator's figure. A code not in
// `indicators`, a code twice, or a figure with a fractional part is a problem; at most 20 are
// listed. Indicators without a row are absent from `typed` (the form counts them as 0).
SheetFigures read_report_sheet(const std::vector<core::Table>& sheets, const std::vector<Indicator>& indicators);

}  // namespace stats
