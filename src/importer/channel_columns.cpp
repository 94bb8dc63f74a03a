#include "importer/channel_columns.h"

namespace boardbrief::importer {

bool has_header_fields(const CsvRecord& r, std::size_t header_fields, Problems& problems) {
  if (r.fields.size() == header_fields) return true;
  problems.error(
      r.line, 0,
      "the row has " + std::to_string(r.fields.size()) + " fields, the header has " + std::to_string(header_fields));
  return false;
}

ChannelColumns::ChannelColumns(const Mapping& m, const Header& header) : m_(m), names_(header.names()) {
  const auto named = [](const std::string& v, const char* d) { return v.empty() ? std::string(d) : v; };
  if (m.platform.empty())
    platform_ = header.require(named(m.platform_column, "platform"),
                               "for the platform (use --platform NAME or --platform-column)");
  if (m.handle.empty())
    handle_ =
        header.require(named(m.handle_column, "handle"), "for the account (use --handle NAME or --handle-column)");
}

bool ChannelColumns::read(const CsvRecord& r, std::string& platform, std::string& handle, Problems& problems) const {
  platform = platform_ ? r.fields[*platform_] : m_.platform;
  handle = handle_ ? r.fields[*handle_] : m_.handle;
  // Empty only when read from a column: --platform and --handle are never empty.
  if (platform.empty())
    problems.error(r.line, *platform_ + 1, "the platform is empty (column " + names_[*platform_] + ")");
  if (handle.empty()) problems.error(r.line, *handle_ + 1, "the handle is empty (column " + names_[*handle_] + ")");
  return !platform.empty() && !handle.empty();
}

}  // namespace boardbrief::importer
