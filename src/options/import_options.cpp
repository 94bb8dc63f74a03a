#include "options/import_options.h"

#include <boost/program_options.hpp>

#include <sstream>

#include "base/error.h"
#include "options/config_value.h"

namespace boardbrief::options {

namespace po = boost::program_options;

namespace {

constexpr const char* kImportHelp =
    "boardbrief import: reads CSV exports into a boardbrief database (created when missing).\n"
    "Each file is imported in one transaction: a file with a bad row is not imported at all;\n"
    "re-importing a file changes nothing. Errors name file:line:column; exit 3 for bad data.\n"
    "Per-post exports (import metrics --aggregate sum) are summed per day over all files.\n"
    "\n"
    "Usage:\n"
    "  boardbrief import metrics --db FILE [--mapping FILE] [options] CSV...\n"
    "  boardbrief import interactions --db FILE [--mapping FILE] [options] CSV...\n"
    "\n"
    "See boardbrief import metrics --help and boardbrief import interactions --help.\n";

constexpr const char* kMetricsHelp =
    "boardbrief import metrics: daily metrics from CSV into the daily_metric table.\n"
    "\n"
    "Usage: boardbrief import metrics --db FILE [--mapping FILE] [options] CSV...\n"
    "\n"
    "Long form: columns day, platform, handle, metric, value (one value per row).\n"
    "Wide form: a day column plus one column per metric; columns named after catalogue\n"
    "metrics (followers, impressions, reach, engagements, posts, mentions, link_clicks) are\n"
    "taken as they are, others are mapped with --column METRIC=COLUMN. Empty cells (and NA,\n"
    "N/A, null, -) are no data. Channels are created as needed (--owner, --name).\n"
    "\n"
    "Examples:\n"
    "  boardbrief import metrics --db social.db daily.csv\n"
    "  boardbrief import metrics --db social.db --platform instagram --handle @x \\\n"
    "      --column impressions=impressions_total --day-column Date --day-format %m/%d/%Y export.csv\n"
    "  boardbrief import metrics --db social.db --mapping instagram.toml export-*.csv\n"
    "  boardbrief import metrics --db social.db --platform twitter --handle @x --aggregate sum \\\n"
    "      --day-column time --tz Europe/Copenhagen --column impressions=impressions \\\n"
    "      --count-rows posts tweet_activity_metrics_*.csv\n"
    "\n"
    "--aggregate sum is for per-post exports (one row per post): all files of the command are\n"
    "summed per channel, metric and day and imported together in one transaction; each such\n"
    "day's value is replaced by the new total, so give all files that hold a day together.\n"
    "\n";

constexpr const char* kInteractionsHelp =
    "boardbrief import interactions: inbound messages from CSV into the interaction table.\n"
    "\n"
    "Usage: boardbrief import interactions --db FILE [--mapping FILE] [options] CSV...\n"
    "\n"
    "One row per inbound message: received_at, optional first_reply_at, platform and handle\n"
    "(or --platform/--handle), kind, needs_reply, sentiment (-1..1 or positive/neutral/\n"
    "negative), topic, id. Timestamps carry a UTC offset (2017-10-31T22:10:47+01:00,\n"
    "Tue Oct 31 22:10:47 +0000 2017) or are local time in --tz; they are stored in UTC.\n"
    "With --conversation-log, replies are rows of their own (tweet_id, author_id, inbound,\n"
    "created_at, text, in_response_to_tweet_id): each inbound message gets the time of the\n"
    "earliest company reply and the replying company as its channel (docs/import.md).\n"
    "\n"
    "Examples:\n"
    "  boardbrief import interactions --db social.db --tz Europe/Copenhagen inbox.csv\n"
    "  boardbrief import interactions --db social.db --conversation-log twcs.csv\n"
    "  boardbrief import interactions --db social.db --platform twitter --handle-column airline \\\n"
    "      --received-column tweet_created --sentiment-column airline_sentiment --id-column tweet_id \\\n"
    "      --kind mention Tweets.csv\n"
    "\n";

// Options whose value is one mapping setting; the key is the option name with '_' for '-'.
void add_common(po::options_description& d) {
  d.add_options()("platform", po::value<std::string>()->value_name("NAME"), "platform of every row (e.g. instagram)")(
      "handle", po::value<std::string>()->value_name("NAME"), "account handle of every row (e.g. @x)")(
      "platform-column", po::value<std::string>()->value_name("COL"),
      "column holding the platform (default: platform)")("handle-column", po::value<std::string>()->value_name("COL"),
                                                         "column holding the handle (default: handle)")(
      "owner", po::value<std::string>()->value_name("own|competitor"),
      "owner of channels the import creates (default: own)")("name", po::value<std::string>()->value_name("TEXT"),
                                                             "display name of a created channel (default: its handle)")(
      "delimiter", po::value<std::string>()->value_name("comma|semicolon|tab|pipe"),
      "field separator (default: comma)");
}

void add_metrics(po::options_description& d) {
  d.add_options()("form", po::value<std::string>()->value_name("long|wide"),
                  "default: long when the header has metric and value columns")(
      "day-column", po::value<std::string>()->value_name("COL"), "column holding the day (default: day)")(
      "day-format", po::value<std::string>()->value_name("FMT"), "format of the day (default: %Y-%m-%d)")(
      "metric-column", po::value<std::string>()->value_name("COL"),
      "long form: column of the metric key (default: metric)")(
      "value-column", po::value<std::string>()->value_name("COL"), "long form: column of the value (default: value)")(
      "column", po::value<std::vector<std::string>>()->value_name("METRIC=COL"),
      "wide form: import column COL as metric METRIC (repeatable)")(
      "aggregate", po::value<std::string>()->value_name("sum"),
      "per-post exports: add up the rows of all files per channel, metric and day")(
      "count-rows", po::value<std::string>()->value_name("METRIC"),
      "with --aggregate: count the rows as METRIC (e.g. posts)")(
      "zero-days", po::value<std::vector<std::string>>()->value_name("FROM:TO"),
      "with --aggregate: days FROM to TO (YYYY-MM-DD) without rows count as 0\n(give the range the export covers; "
      "repeatable for files with a gap)")("tz", po::value<std::string>()->value_name("ZONE"),
                                          "with --aggregate: a timestamp day column counts in this zone's days");
}

void add_interactions(po::options_description& d) {
  d.add_options()("received-column", po::value<std::string>()->value_name("COL"),
                  "received time (default: received_at)")("first-reply-column",
                                                          po::value<std::string>()->value_name("COL"),
                                                          "first reply time (default: first_reply_at if present)")(
      "tz", po::value<std::string>()->value_name("ZONE"), "IANA zone of timestamps without a UTC offset")(
      "time-format", po::value<std::string>()->value_name("FMT"),
      "an extra timestamp format (date::parse, e.g. %d.%m.%Y %H:%M)")(
      "kind", po::value<std::string>()->value_name("TEXT"), "kind of every row (default: column kind, else message)")(
      "kind-column", po::value<std::string>()->value_name("COL"), "column holding the kind")(
      "needs-reply", po::value<std::string>()->value_name("true|false"),
      "needs-reply of every row (default: column needs_reply, else true with a first-reply column; required without "
      "both)")("needs-reply-column", po::value<std::string>()->value_name("COL"), "column holding needs-reply")(
      "sentiment-column", po::value<std::string>()->value_name("COL"),
      "column holding the sentiment (default: sentiment if present)")(
      "topic-column", po::value<std::string>()->value_name("COL"),
      "column holding the topic (default: topic if present)")(
      "id-column", po::value<std::string>()->value_name("COL"),
      "source message id, so re-imports find the row (default: id if present)")(
      "conversation-log", "rows are a conversation log with replies as rows of their own")(
      "author-column", po::value<std::string>()->value_name("COL"), "log: author id (default: author_id)")(
      "inbound-column", po::value<std::string>()->value_name("COL"), "log: inbound flag (default: inbound)")(
      "reply-to-column", po::value<std::string>()->value_name("COL"),
      "log: id of the message answered (default: in_response_to_tweet_id)")(
      "text-column", po::value<std::string>()->value_name("COL"), "log: message text, for @mentions (default: text)");
}

// The report's INI config file, shared by a monthly run's commands: import takes only the
// database and the time zone from it and leaves its other keys to the report.
void read_config(const std::string& path, ImportOptions& out) {
  std::string db, tz;
  po::options_description d;
  d.add_options()("db", po::value(&db))("tz", po::value(&tz));
  po::variables_map vm;
  read_config_file(path, d, vm, true);
  po::notify(vm);
  if (out.db.empty()) out.db = db;
  out.config_tz = tz;
}

std::string key_of(const std::string& option) {
  std::string k = option;
  for (char& c : k)
    if (c == '-') c = '_';
  return k;
}

}  // namespace

bool parse_import_options(const std::vector<std::string>& args_in, ImportOptions& out, std::string& help) {
  std::vector<std::string> args = args_in;
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    help = kImportHelp;
    return false;
  }
  const std::string what = args[0];
  if (what != "metrics" && what != "interactions")
    throw UsageError("import '" + what + "': use import metrics or import interactions (see boardbrief import --help)");
  args.erase(args.begin());
  out.interactions = what == "interactions";

  po::options_description general("Import options");
  general.add_options()("db", po::value(&out.db)->value_name("FILE"), "database to import into (created when missing)")(
      "mapping", po::value(&out.mapping_file)->value_name("FILE"), "TOML file with the settings below (options win)")(
      "config", po::value<std::string>()->value_name("FILE"),
      "the report's INI config file: its db and tz are used when not given otherwise")(
      "quiet,q", po::bool_switch(&out.quiet), "print nothing but errors")("help,h", "show this help");
  po::options_description mapping("Mapping options (also keys of the --mapping file, '_' for '-')");
  add_common(mapping);
  if (out.interactions)
    add_interactions(mapping);
  else
    add_metrics(mapping);
  po::options_description all;
  all.add(general).add(mapping);
  po::options_description hidden;
  hidden.add_options()("csv", po::value(&out.files)->composing());
  po::options_description parse_with;
  parse_with.add(all).add(hidden);
  po::positional_options_description positional;
  positional.add("csv", -1);

  po::variables_map vm;
  try {
    po::parsed_options parsed = po::command_line_parser(args).options(parse_with).positional(positional).run();
    po::store(parsed, vm);
    if (vm.count("help")) {
      std::ostringstream s;
      s << (out.interactions ? kInteractionsHelp : kMetricsHelp) << all;
      help = s.str();
      return false;
    }
    po::notify(vm);
    for (const auto& o : parsed.options) {
      if (o.position_key >= 0 || o.string_key == "db" || o.string_key == "mapping" || o.string_key == "quiet" ||
          o.string_key == "config" || o.string_key == "csv")
        continue;
      if (o.string_key == "conversation-log") {
        out.settings.emplace_back("conversation_log", "true");
        continue;
      }
      const std::string value = o.value.empty() ? std::string() : o.value.front();
      if (o.string_key == "column") {
        auto eq = value.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == value.size())
          throw UsageError("--column '" + value + "': use METRIC=COLUMN, e.g. --column impressions=Impressions");
        out.settings.emplace_back("columns." + value.substr(0, eq), value.substr(eq + 1));
        continue;
      }
      out.settings.emplace_back(key_of(o.string_key), value);
    }
  } catch (const po::error& e) {
    throw UsageError(std::string(e.what()) + " (see boardbrief import " + what + " --help)");
  }
  if (vm.count("config")) read_config(vm["config"].as<std::string>(), out);
  if (out.db.empty())
    throw UsageError("--db is required: the database to import into (see boardbrief import " + what + " --help)");
  if (out.files.empty()) throw UsageError("no CSV file given (see boardbrief import " + what + " --help)");
  return true;
}

}  // namespace boardbrief::options
