// One of management's actions (docs/decisions.md), as read from the actions file: printed
// beside the findings of its metric (and scope) that it answers.
#pragma once

#include <date/date.h>

#include <string>

namespace boardbrief::model {

enum class ActionStatus { Planned, InProgress, Done };

struct Action {
  std::string metric;  // a metric key as in the findings JSON
  std::string scope;   // "all", "platform:<key>", "channel:<id>"; empty: any scope of the metric
  std::string owner;
  std::string action;
  date::local_days due{};
  ActionStatus status = ActionStatus::Planned;
  int line = 0;  // where the [[action]] table starts in its file, for messages
};

}  // namespace boardbrief::model
