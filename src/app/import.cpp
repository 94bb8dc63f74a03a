#include "app/import.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>
#include <stdexcept>
#include <utility>

#include "app/batch_pipeline.h"
#include "base/input_file.h"
#include "base/quote.h"
#include "calendar/periods.h"
#include "importer/conversation_log.h"
#include "importer/csv_reader.h"
#include "importer/daily_totals.h"
#include "importer/header.h"
#include "importer/instant.h"
#include "importer/interaction_rows.h"
#include "importer/mapping.h"
#include "importer/metric_rows.h"
#include "importer/problems.h"
#include "importer/values.h"
#include "model/standard_metrics.h"
#include "store/import_writer.h"
#include "store/log_stage.h"

namespace boardbrief::app {

namespace {

constexpr std::uintmax_t kProgressMinBytes = 1 << 20;

// A one-line bar on stderr with rows per second and the time left, redrawn a few times a
// second; nothing when stderr is not a terminal, the file is small or --quiet was given. The
// rows are written into the database after the file is read: the bar then says so.
class Progress {
 public:
  Progress(const importer::CsvReader& r, bool enabled)
      : reader_(r),
        on_(enabled && r.file_size() >= kProgressMinBytes && isatty(STDERR_FILENO)),
        start_(std::chrono::steady_clock::now()) {}
  ~Progress() {
    if (on_ && drawn_) std::cerr << "\r\033[K" << std::flush;
  }
  void update(std::size_t rows) {
    if (!on_ || (rows & 1023) != 0) return;
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    drawn_ = true;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double done = static_cast<double>(reader_.bytes_read()) / static_cast<double>(reader_.file_size());
    const int pct = static_cast<int>(100 * done);
    const int filled = pct * 30 / 100;
    std::cerr << "\rimporting " << std::filesystem::path(reader_.path()).filename().string() << " ["
              << std::string(static_cast<std::size_t>(filled), '#')
              << std::string(static_cast<std::size_t>(30 - filled), '.') << "] " << pct << "%, "
              << static_cast<long long>(rows / std::max(seconds, 1e-3)) << " rows/s";
    // Writing the sorted rows after the read takes about 1.5 times as long as the read (1M
    // interactions: 0.85 s of CPU to read, 1.5 s to merge, write and index; docs/performance.md).
    const double read_all = seconds / done;
    if (done > 0.01) std::cerr << ", about " << clock(read_all * (1 - done) + 1.5 * read_all) << " left";
    std::cerr << "\033[K" << std::flush;
  }
  // The file is read; its rows are now written in one pass.
  void writing(std::size_t rows) {
    if (!on_ || !drawn_) return;
    std::cerr << "\rimporting " << std::filesystem::path(reader_.path()).filename().string() << " ["
              << std::string(30, '#') << "] 100%, " << rows << " rows read, writing them to the database\033[K"
              << std::flush;
  }

 private:
  static std::string clock(double seconds) {
    const long s = static_cast<long>(seconds + 0.5);
    return std::to_string(s / 60) + ":" + (s % 60 < 10 ? "0" : "") + std::to_string(s % 60);
  }
  const importer::CsvReader& reader_;
  bool on_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

struct Counts {
  std::size_t rows = 0;    // records after the header
  std::size_t values = 0;  // daily values or interactions written
  std::size_t inserted = 0, updated = 0, unchanged = 0, channels = 0;
  std::size_t empty_cells = 0;

  void add(const store::Applied& a) {
    values += a.inserted + a.updated + a.unchanged;
    inserted += a.inserted;
    updated += a.updated;
    unchanged += a.unchanged;
  }
};

model::Owner owner_of(const importer::Mapping& m) { return m.owner; }

// A value given twice for one channel, metric and day is an error naming both lines.
// The hint names the option for the usual cause: an export with one row per post.
void report_duplicates(store::ImportWriter& db, importer::Problems& problems) {
  for (const auto& d : db.duplicate_dailies(importer::Problems::kKeep))
    problems.error(d.line, d.column,
                   d.metric + " for " + d.platform + " " + d.handle + " on " + d.day + " is already given on line " +
                       std::to_string(d.first_line) + " (one row per post? --aggregate sum adds them up per day)");
}

void stage_daily(const importer::Mapping& m, store::ImportWriter& db, const std::vector<importer::DailyRow>& rows,
                 Counts& c) {
  for (const auto& r : rows) {
    bool fresh = false;
    std::int64_t ch = db.channel(r.platform, r.handle, owner_of(m), m.name, fresh);
    c.channels += fresh;
    db.stage_daily(ch, r.day, r.metric, r.value, r.line, r.column);
  }
}

// Rows are staged as they are read (valid rows even after an error, so that a repeated value
// is reported with the other errors) and written when the whole file is valid.
void import_metrics(const importer::Mapping& m, store::ImportWriter& db, importer::CsvReader& reader,
                    importer::Problems& problems, Counts& c, bool quiet) {
  importer::Header header = importer::read_header(reader);
  importer::MetricRowConverter conv(m, header, db.metric_keys());
  Progress progress(reader, !quiet);
  importer::CsvRecord rec;
  {
    // Parsing and validating here, staging into SQLite on the second core.
    BatchPipeline<importer::DailyRow> pipe([&](std::vector<importer::DailyRow>& rows) { stage_daily(m, db, rows, c); });
    while (reader.next(rec)) {
      ++c.rows;
      conv.convert(rec, pipe.filling(), problems);
      pipe.handed();
      progress.update(c.rows);
    }
    pipe.finish();
  }
  c.empty_cells = conv.empty_cells();
  if (problems.has_errors()) {
    report_duplicates(db, problems);
    return;
  }
  progress.writing(c.rows);
  const store::Applied a = db.apply_daily();
  if (a.repeated) return report_duplicates(db, problems);
  c.add(a);
}

// Consumes the rows (their strings are moved into the store's records).
void stage_interactions(const importer::Mapping& m, store::ImportWriter& db,
                        std::vector<importer::InteractionRow>& rows, Counts& c) {
  for (auto& r : rows) {
    bool fresh = false;
    store::InteractionRecord rec;
    rec.channel_id = db.channel(r.platform, r.handle, owner_of(m), m.name, fresh);
    c.channels += fresh;
    rec.received_at = r.received_at;
    rec.kind = std::move(r.kind);
    rec.needs_reply = r.needs_reply;
    rec.first_reply_at = r.first_reply_at;
    rec.sentiment = r.sentiment;
    rec.topic = std::move(r.topic);
    db.stage_interaction(r.identity.empty() ? std::optional<std::int64_t>(r.id) : std::nullopt, r.identity, rec);
  }
}

void write_interactions(store::ImportWriter& db, importer::Problems& problems, Counts& c) {
  const store::Applied a = db.apply_interactions(&importer::stable_id);
  // Exports repeat rows (the airline data set has 155 repeated tweet ids): the first wins.
  if (a.repeated) problems.skip("repeated message id (the first row is kept)", a.repeated);
  c.add(a);
}

// A conversation log: replies may be anywhere in the file, so its rows wait in the store's
// temporary tables until it is read, then the store matches them and each inbound message is
// staged as an interaction. Memory: the page caches and the log's company accounts.
void import_log(const importer::Mapping& m, store::ImportWriter& db, importer::CsvReader& reader,
                const importer::Header& header, importer::Problems& problems, Counts& c, Progress& progress) {
  importer::ConversationLog log(m, header);
  store::LogStage stage(db);
  importer::CsvRecord rec;
  while (reader.next(rec)) {
    ++c.rows;
    if (auto e = log.read(rec, problems)) stage.add(*e);
    progress.update(c.rows);
  }
  if (problems.has_errors()) return;
  progress.writing(c.rows);
  std::vector<importer::InteractionRow> one(1);
  const model::LogSkips skips = stage.match([&](const model::LogMessage& msg) {
    if (auto row = log.interaction(msg, problems)) {
      one[0] = std::move(*row);
      stage_interactions(m, db, one, c);
    }
  });
  importer::ConversationLog::count(skips, problems);
  write_interactions(db, problems, c);
}

void import_interactions(const importer::Mapping& m, store::ImportWriter& db, importer::CsvReader& reader,
                         importer::Problems& problems, Counts& c, bool quiet) {
  importer::Header header = importer::read_header(reader);
  Progress progress(reader, !quiet);
  importer::CsvRecord rec;
  if (m.conversation_log) return import_log(m, db, reader, header, problems, c, progress);
  importer::InteractionRowConverter conv(m, header);
  {
    // Parsing and validating here; channels and the id sorter (or the staging table) on the second core.
    BatchPipeline<importer::InteractionRow> pipe(
        [&](std::vector<importer::InteractionRow>& rows) { stage_interactions(m, db, rows, c); });
    while (reader.next(rec)) {
      ++c.rows;
      conv.convert(rec, pipe.filling(), problems);
      if (problems.has_errors())
        pipe.filling().clear();  // nothing of the file will be written
      else
        pipe.handed();
      progress.update(c.rows);
    }
    pipe.finish();
  }
  if (problems.has_errors()) return;
  progress.writing(c.rows);
  write_interactions(db, problems, c);
}

// "1 row", "2 rows".
std::string count(std::size_t n, const char* noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

std::string summary(const std::string& file, const Counts& c, const importer::Problems& p, bool interactions) {
  std::string s = "imported " + file + ": " + count(c.rows, "row") + " read, " +
                  count(c.values, interactions ? "interaction" : "value") + " (" + std::to_string(c.inserted) +
                  " inserted, " + std::to_string(c.updated) + " updated, " + std::to_string(c.unchanged) +
                  " unchanged)";
  if (c.channels) s += ", " + count(c.channels, "channel") + " created";
  if (c.empty_cells) s += ", " + count(c.empty_cells, "empty cell") + " (no data)";
  for (const auto& [reason, n] : p.skipped()) s += "\n  skipped " + std::to_string(n) + ": " + reason;
  return s;
}

void apply_settings(const options::ImportOptions& o, importer::Mapping& m) {
  for (const auto& [key, value] : o.settings) {
    try {
      importer::set_mapping_value(m, key, value);
    } catch (const std::invalid_argument& e) {
      std::string option = key.rfind("columns.", 0) == 0 ? "column" : key;
      for (char& ch : option)
        if (ch == '_') ch = '-';
      throw UsageError("--" + option + ": " + e.what());
    }
  }
}

void print_problems(const importer::Problems& problems, const std::string& file, const std::string& fatal) {
  for (const auto& msg : problems.messages()) std::cerr << "boardbrief: error: " << one_line(msg) << "\n";
  if (problems.error_count() > problems.messages().size())
    std::cerr << "boardbrief: error: " << file << ": and " << problems.error_count() - problems.messages().size()
              << " more errors\n";
  if (!fatal.empty()) std::cerr << "boardbrief: error: " << one_line(fatal) << "\n";
}

// Imports one file in its own transaction. Returns false, after printing the file's errors and
// rolling back, when it had bad data; other failures propagate.
bool import_file(const importer::Mapping& m, const options::ImportOptions& o, store::ImportWriter& db,
                 const std::string& file) {
  importer::Problems problems(file);
  Counts counts;
  std::string fatal;
  try {
    importer::CsvReader reader(file, m.delimiter);
    db.begin();
    if (o.interactions)
      import_interactions(m, db, reader, problems, counts, o.quiet);
    else
      import_metrics(m, db, reader, problems, counts, o.quiet);
  } catch (const DataError& e) {
    fatal = e.what();
  } catch (...) {
    db.rollback();
    throw;
  }
  if (fatal.empty() && !problems.has_errors()) {
    db.commit();
    if (!o.quiet) std::cout << summary(file, counts, problems, o.interactions) << "\n";
    return true;
  }
  db.rollback();
  print_problems(problems, file, fatal);
  std::cerr << "boardbrief: not imported " << file << ": nothing from this file was written\n";
  return false;
}

// Reads one file of an --aggregate import into `totals`. Returns false, after printing the
// file's errors, when it had bad data (nothing of it is added then).
bool read_for_totals(const importer::Mapping& m, const options::ImportOptions& o, store::ImportWriter& db,
                     const std::string& file, importer::DailyTotals& totals) {
  importer::Problems problems(file);
  Counts c;
  std::vector<importer::DailyRow> rows;
  importer::DailyTotals mine;  // this file's sums: memory grows with days, not with posts
  std::size_t values = 0;
  std::string fatal;
  try {
    importer::CsvReader reader(file, m.delimiter);
    importer::Header header = importer::read_header(reader);
    importer::MetricRowConverter conv(m, header, db.metric_keys());
    Progress progress(reader, !o.quiet);
    importer::CsvRecord rec;
    while (reader.next(rec)) {
      ++c.rows;
      rows.clear();
      conv.convert(rec, rows, problems);
      if (!problems.has_errors()) {
        for (const auto& r : rows) mine.add(r);
        values += rows.size();
      }
      progress.update(c.rows);
    }
    c.empty_cells = conv.empty_cells();
  } catch (const DataError& e) {
    fatal = e.what();
  }
  if (!fatal.empty() || problems.has_errors()) {
    print_problems(problems, file, fatal);
    return false;
  }
  for (const auto& r : mine.rows()) totals.add(r);
  if (!o.quiet) {
    std::cout << "read " << file << ": " << count(c.rows, "row") << ", " << count(values, "value");
    if (c.empty_cells) std::cout << ", " << count(c.empty_cells, "empty cell") << " (no data)";
    std::cout << "\n";
  }
  return true;
}

// --zero-days FROM:TO (repeatable), checked before any file is read.
std::vector<std::pair<date::local_days, date::local_days>> zero_days(const importer::Mapping& m) {
  std::vector<std::pair<date::local_days, date::local_days>> ranges;
  std::size_t start = 0;
  while (start < m.zero_days.size()) {
    std::size_t end = m.zero_days.find(',', start);
    if (end == std::string::npos) end = m.zero_days.size();
    const std::string spec = m.zero_days.substr(start, end - start);
    start = end + 1;
    const auto colon = spec.find(':');
    const auto bad = [&](const std::string& why) { return UsageError("--zero-days '" + spec + "': " + why); };
    if (colon == std::string::npos) throw bad("use FROM:TO, e.g. 2019-07-01:2019-07-31");
    auto first = calendar::try_parse_day(spec.substr(0, colon));
    auto last = calendar::try_parse_day(spec.substr(colon + 1));
    if (!first || !last) throw bad("use FROM:TO with days as YYYY-MM-DD, e.g. 2019-07-01:2019-07-31");
    if (*first > *last) throw bad("FROM is after TO");
    if (*last - *first > date::days{3700}) throw bad("more than ten years");
    ranges.emplace_back(*first, *last);
  }
  return ranges;
}

// "907 days without posts × 4 metrics set to 0" when every series got its zeros on the same
// days, else the values, days and series counted separately.
std::string zeros_text(const importer::DailyTotals::Zeros& z, bool one_channel) {
  const std::size_t days = z.days.size(), series = z.series.size();
  const char* unit = one_channel ? "metric" : "channel metric";
  if (days * series == z.values) return count(days, "day") + " without posts × " + count(series, unit) + " set to 0";
  return count(z.values, "daily value") + " set to 0 on " + count(days, "day") + " without posts (" +
         count(series, unit) + ")";
}

// --aggregate sum: the files of the command are one import. A day's total may come from
// several files (a post near midnight in another zone, a month split over two exports), so a
// bad file stops all of them and the totals are written in one transaction.
std::vector<std::string> import_aggregated(const importer::Mapping& m, const options::ImportOptions& o,
                                           store::ImportWriter& db) {
  importer::DailyTotals totals;
  std::vector<std::string> bad;
  for (const auto& file : o.files)
    if (!read_for_totals(m, o, db, file, totals)) bad.push_back(file);
  // Followers and other levels (aggregation 'last', 'max', 'mean') do not add up over posts.
  const std::vector<std::string> counts = db.summed_metric_keys();
  for (const auto& metric : totals.metrics()) {
    if (std::binary_search(counts.begin(), counts.end(), metric)) continue;
    std::string list;
    for (const auto& k : counts) list += (list.empty() ? "" : ", ") + k;
    std::cerr << "boardbrief: error: --aggregate sum: metric '" << metric
              << "' is not a count (its aggregation is not sum), so values per post cannot be added up (counts: "
              << list << ")\n";
    bad.push_back(metric);
  }
  if (!bad.empty()) {
    std::cerr
        << "boardbrief: not imported: with --aggregate sum the files are imported together; nothing was written\n";
    return o.files;
  }
  importer::DailyTotals::Zeros zeros;
  for (const auto& [first, last] : zero_days(m)) totals.fill_zero(first, last, zeros);
  std::set<std::pair<std::string, std::string>> channels;
  for (const auto& [platform, handle, metric] : zeros.series) channels.emplace(platform, handle);
  Counts c;
  db.begin();
  stage_daily(m, db, totals.rows(), c);
  c.add(db.apply_daily());
  db.commit();
  if (!o.quiet) {
    std::cout << "summed per day: " << count(c.values, "daily value") << " (" << c.inserted << " inserted, "
              << c.updated << " updated, " << c.unchanged << " unchanged)";
    if (c.channels) std::cout << ", " << count(c.channels, "channel") << " created";
    if (zeros.values) std::cout << ", " << zeros_text(zeros, channels.size() == 1);
    std::cout << "\n";
  }
  return {};
}

// The reply rule of every file, before the database is touched (a usage error stops the whole
// command). A file whose header cannot be read is left to its own import, which says why.
void check_reply_rules(const importer::Mapping& m, const std::vector<std::string>& files) {
  for (const auto& file : files) {
    std::optional<importer::Header> header;
    try {
      importer::CsvReader reader(file, m.delimiter);
      header.emplace(importer::read_header(reader));
    } catch (const DataError&) {
      continue;
    }
    importer::check_reply_rule(m, *header);
  }
}

}  // namespace

ExitCode run_import(const options::ImportOptions& o) {
  importer::Mapping m;
  m.kind = o.interactions ? importer::ImportKind::Interactions : importer::ImportKind::Metrics;
  if (!o.mapping_file.empty()) importer::load_mapping_file(o.mapping_file, m);
  apply_settings(o, m);
  if (m.tz.empty()) m.tz = o.config_tz;
  if (!m.tz.empty()) importer::InstantParser zone_check(m.tz);
  if (!m.count_rows.empty() && m.aggregate != importer::Aggregation::Sum)
    throw UsageError("--count-rows " + m.count_rows + ": only with --aggregate sum (one row per post)");
  if (!m.zero_days.empty() && m.aggregate != importer::Aggregation::Sum)
    throw UsageError("--zero-days " + m.zero_days + ": only with --aggregate sum (one row per post)");
  zero_days(m);  // UsageError before any file is touched
  // A mistyped file name should not leave a new, empty database behind.
  for (const auto& f : o.files) {
    std::error_code ec;
    if (!std::filesystem::exists(f, ec)) throw DataError("cannot open '" + f + "': no such file");
    check_input_file(f, {"a CSV file to import", 0, ExitCode::Data});  // a FIFO: not "no such file"
  }
  if (o.interactions) check_reply_rules(m, o.files);

  std::vector<std::string> failed;
  bool created = false;
  {
    store::ImportWriter db(o.db, model::standard_metrics());
    created = db.created();
    if (!o.interactions && m.aggregate == importer::Aggregation::Sum)
      failed = import_aggregated(m, o, db);
    else
      for (const auto& file : o.files)
        if (!import_file(m, o, db, file)) failed.push_back(file);
  }
  const std::size_t n = o.files.size();
  const std::string files = count(n, "file");
  if (created && failed.size() == n) {
    // Nothing was imported: a first run that failed leaves no empty database behind.
    std::error_code ec;
    std::filesystem::remove(o.db, ec);
    if (!o.quiet) std::cout << o.db << ": not created, none of " << files << " imported\n";
  } else if (!o.quiet) {
    std::cout << (created ? "created " : "") << o.db << ": " << n - failed.size() << " of " << files << " imported\n";
  }
  if (!failed.empty()) {
    std::string list;
    for (const auto& f : failed) list += (list.empty() ? "" : ", ") + f;
    throw DataError(std::to_string(failed.size()) + " of " + files + " not imported: " + list);
  }
  return ExitCode::Ok;
}

}  // namespace boardbrief::app
