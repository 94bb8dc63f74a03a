// How the columns of a CSV export map onto the data contract, for `import metrics` and
// `import interactions`. Settings come from a TOML mapping file (--mapping) and from the
// command line, both through set_mapping_value(), so both accept the same keys and values.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/catalogue.h"

namespace boardbrief::importer {

enum class ImportKind { Metrics, Interactions };

// Metrics: long (day, platform, handle, metric, value) or wide (a day column plus one column
// per metric); Detect: long when the header has metric and value columns (and no columns are
// mapped), else wide.
enum class MetricsForm { Detect, Long, Wide };

// Metrics: one value per row, or Sum: per-post exports added up per channel, metric and day.
enum class Aggregation { PerRow, Sum };

// An empty string means "not given": the default named in the comment applies.
struct Mapping {
  ImportKind kind = ImportKind::Metrics;
  char delimiter = ',';

  // The channel: fixed values, or columns holding them (default columns "platform", "handle").
  std::string platform, handle;
  std::string platform_column, handle_column;
  model::Owner owner = model::Owner::Own;  // for channels the import creates
  std::string name;                        // display name for a created channel (default: the handle)

  // Metrics.
  MetricsForm form = MetricsForm::Detect;
  std::string day_column;                                    // default "day"
  std::string day_format;                                    // default "%Y-%m-%d"
  std::string metric_column, value_column;                   // long form; default "metric", "value"
  std::vector<std::pair<std::string, std::string>> columns;  // wide form: metric key -> CSV column
  // Per-post exports: Sum adds up the rows of all files of one command per channel, metric
  // and day (the day column may then hold timestamps: their calendar day in `tz`).
  // count_rows: a metric that gets 1 per row (e.g. posts), only with Sum.
  Aggregation aggregate = Aggregation::PerRow;
  std::string count_rows;
  // "FROM:TO" (YYYY-MM-DD), several joined by commas (each setting adds one): with "sum", days
  // of the ranges without rows are 0.
  std::string zero_days;

  // Interactions: one row per inbound message.
  std::string received_column;          // default "received_at" ("created_at" in a conversation log)
  std::string first_reply_column;       // default "first_reply_at" when the header has it
  std::string tz;                       // zone of timestamps without offset; metrics with aggregate: zone of the days
  std::string time_format;              // an extra date::parse format
  std::string kind_value, kind_column;  // default column "kind", else "message"
  std::optional<bool> needs_reply;      // the same for every row; none: the needs_reply column, else true
  std::string needs_reply_column;       // default "needs_reply"
  std::string sentiment_column, topic_column;  // default "sentiment", "topic" when present
  std::string id_column;                       // source message id (default "id" when present; "tweet_id" in a log)

  // Conversation log: replies are rows of their own linked to the message they answer.
  bool conversation_log = false;
  std::string author_column;    // default "author_id"
  std::string inbound_column;   // default "inbound"
  std::string reply_to_column;  // default "in_response_to_tweet_id"
  std::string text_column;      // default "text" (used to find the addressed company)
};

// Sets `key` (the TOML key; the option name with '_' for '-', "columns.<metric>" for a wide
// column) to `value`. Throws std::invalid_argument with a message naming the key when the key
// does not exist for m.kind or the value is invalid (an unknown owner, form or delimiter).
// Choices become enums here, once.
void set_mapping_value(Mapping& m, const std::string& key, const std::string& value);

// Whether `key` takes true/false (TOML booleans) rather than a string.
bool is_flag_key(const std::string& key);

// Reads a TOML mapping file into `m` (top-level keys as above, a [columns] table for wide
// metrics). Throws UsageError("<path>:<line>:<col>: ...") for a syntax error, an unknown key
// or a value of the wrong type, and UsageError("--mapping '<path>': cannot open ...").
void load_mapping_file(const std::string& path, Mapping& m);

}  // namespace boardbrief::importer
