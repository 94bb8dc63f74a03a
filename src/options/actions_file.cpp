#include "options/actions_file.h"

#include <toml++/toml.h>

#include <cctype>
#include <fstream>
#include <sstream>

#include "base/error.h"
#include "base/input_file.h"
#include "base/sha256.h"
#include "calendar/periods.h"
#include "text/toml_file.h"

namespace boardbrief::options {

namespace {

using model::Action;
using model::ActionStatus;

std::string where(const std::string& path, const toml::source_region& r) { return text::toml_position(path, r); }

std::string text_value(const std::string& path, const std::string& key, const toml::node& n) {
  const auto s = n.value<std::string>();
  if (!n.is_string() || !s || s->find_first_not_of(" \t") == std::string::npos)
    throw DataError(where(path, n.source()) + ": action '" + key + "' must be a non-empty string");
  return *s;
}

bool valid_scope(const std::string& s) {
  if (s == "all") return true;
  if (s.rfind("platform:", 0) == 0) return s.size() > 9;
  if (s.rfind("channel:", 0) == 0) return s.size() > 8 && s.find_first_not_of("0123456789", 8) == std::string::npos;
  return false;
}

date::local_days due_date(const std::string& path, const toml::node& n) {
  if (const auto* d = n.as_date()) {
    const auto v = d->get();
    const date::year_month_day ymd{date::year{v.year}, date::month{v.month}, date::day{v.day}};
    return date::local_days{ymd};
  }
  const auto day = n.is_string() ? calendar::try_parse_day(*n.value<std::string>()) : std::nullopt;
  if (!day) throw DataError(where(path, n.source()) + ": action 'due' must be a date, YYYY-MM-DD");
  return *day;
}

ActionStatus status_value(const std::string& path, const toml::node& n) {
  const std::string s = text_value(path, "status", n);
  if (s == "planned") return ActionStatus::Planned;
  if (s == "in progress") return ActionStatus::InProgress;
  if (s == "done") return ActionStatus::Done;
  throw DataError(where(path, n.source()) + ": action 'status' is '" + s +
                  "'; expected planned, \"in progress\" or done");
}

Action read_action(const std::string& path, const toml::table& t) {
  Action a;
  a.line = static_cast<int>(t.source().begin.line);
  bool seen_due = false, seen_status = false;
  for (auto&& [k, v] : t) {
    const std::string key(k.str());
    if (key == "metric")
      a.metric = text_value(path, key, v);
    else if (key == "scope") {
      a.scope = text_value(path, key, v);
      if (!valid_scope(a.scope))
        throw DataError(where(path, v.source()) + ": action 'scope' is '" + a.scope +
                        "'; expected all, platform:<key> or channel:<id>");
    } else if (key == "owner")
      a.owner = text_value(path, key, v);
    else if (key == "action")
      a.action = text_value(path, key, v);
    else if (key == "due")
      a.due = due_date(path, v), seen_due = true;
    else if (key == "status")
      a.status = status_value(path, v), seen_status = true;
    else
      throw DataError(where(path, v.source()) + ": unknown action key '" + key +
                      "' (expected metric, scope, owner, action, due, status)");
  }
  const char* missing = a.metric.empty()   ? "metric"
                        : a.owner.empty()  ? "owner"
                        : a.action.empty() ? "action"
                        : !seen_due        ? "due"
                        : !seen_status     ? "status"
                                           : nullptr;
  if (missing) throw DataError(where(path, t.source()) + ": action without '" + missing + "'");
  return a;
}

}  // namespace

ActionsFile load_actions(const std::string& path) {
  if (!path_exists(path)) throw DataError(path + ": cannot read the actions file");
  // A FIFO or /dev/zero would block or grow without end (docs/errors.md, "Input files").
  std::stringstream text(read_input_file(path, {"an actions file", kMaxConfigBytes, ExitCode::Data}));
  ActionsFile out;
  out.path = path;
  out.sha256 = sha256_hex(text.str());
  const toml::table root = text::parse_toml(text.str(), path, ExitCode::Data);
  for (auto&& [k, v] : root) {
    const toml::array* list = v.as_array();
    if (k.str() != "action" || !list || !list->is_array_of_tables())
      throw DataError(where(path, v.source()) + ": unknown key '" + std::string(k.str()) +
                      "' (an actions file holds [[action]] tables)");
    for (auto&& item : *list) out.actions.push_back(read_action(path, *item.as_table()));
  }
  return out;
}

}  // namespace boardbrief::options
