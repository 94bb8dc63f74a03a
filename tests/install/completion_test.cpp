// The bash completion script, loaded from the install prefix into a real bash and asked for
// completions as bash asks for them (COMP_WORDS, COMP_CWORD, then the completion function).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

#include "install/installed.h"
#include "support/test_db.h"

namespace bt = boardbrief::testing;
namespace fs = std::filesystem;

namespace {

// The completions of `words` (the last one is the word being completed) for binary `bin`.
std::set<std::string> complete(const std::string& bin, const std::vector<std::string>& words,
                               const std::string& cwd = "") {
  fs::path script = bt::installed_prefix() / "share/bash-completion/completions/boardbrief";
  std::string array = bt::quote(bin);
  for (const auto& w : words) array += " " + bt::quote(w);
  std::string program = "source " + bt::quote(script.string()) + "; COMP_WORDS=(" + array +
                        "); COMP_CWORD=" + std::to_string(words.size()) +
                        "; _boardbrief; printf '%s\\n' \"${COMPREPLY[@]}\"";
  static const fs::path file = bt::scratch_dir("completion-script") / "complete.sh";
  std::ofstream(file, std::ios::trunc) << program << "\n";
  auto r = bt::run((cwd.empty() ? "" : "cd " + bt::quote(cwd) + " && ") + "bash " + bt::quote(file.string()));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  std::set<std::string> out;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.insert(line);
  return out;
}

using Set = std::set<std::string>;

}  // namespace

TEST_SUITE("install") {
  TEST_CASE("bash completion: commands, options per command, option values and files") {
    std::string bin = (bt::installed_prefix() / "bin/boardbrief").string();
    Set commands = complete(bin, {""});
    CHECK(commands.count("report") == 1);
    CHECK(commands.count("check") == 1);
    CHECK(commands.count("sample") == 1);
    CHECK(complete(bin, {"ch"}) == Set{"check"});
    CHECK(complete(bin, {"--la"}) == Set{"--lang"});
    CHECK(complete(bin, {"--lang", ""}) == Set{"en", "da"});  // the shipped language files, read from --help
    CHECK(complete(bin, {"--period", "last-"}) == Set{"last-month", "last-quarter", "last-week"});
    CHECK(complete(bin, {"--mail-to", "a@example.com", "--mail-f"}) == Set{"--mail-from"});
    CHECK(complete(bin, {"--tz", "Europe/Copenh"}) == Set{"Europe/Copenhagen"});
    CHECK(complete(bin, {"sample", "--se"}) == Set{"--seed"});
    // `check` offers exactly the options of `boardbrief check --help`: no report option.
    Set check = complete(bin, {"check", "--"});
    CHECK(check.count("--db") == 1);
    CHECK(check.count("--lang") == 0);
    CHECK(complete(bin, {"check", "--db", "x.db", ""}) == check);

    // Files for options that take one; the shipped templates for --template.
    fs::path dir = bt::scratch_dir("completion");
    std::ofstream(dir / "social.db") << "x";
    std::ofstream(dir / "my-template.toml") << "x";
    CHECK(complete(bin, {"--db", "soc"}, dir.string()) == Set{"social.db"});
    CHECK(complete(bin, {"--smtp-credentials", "soc"}, dir.string()) == Set{"social.db"});
    Set templates = complete(bin, {"--template", ""}, dir.string());
    CHECK(templates.count("my-template.toml") == 1);
    CHECK(templates.count("social.db") == 0);
    CHECK(templates.count(fs::canonical(bt::installed_prefix() / "share/boardbrief/templates/board.toml").string()) ==
          1);

    // import: its two sub-commands, their own options, then CSV files after the options.
    if (commands.count("import")) {
      CHECK(complete(bin, {"import", ""}) == Set{"metrics", "interactions"});
      CHECK(complete(bin, {"import", "interactions", "--conv"}) == Set{"--conversation-log"});
      CHECK(complete(bin, {"import", "metrics", "--conv"}).empty());
      std::ofstream(dir / "export.csv") << "x";
      CHECK(complete(bin, {"import", "metrics", "--db", "social.db", "exp"}, dir.string()) == Set{"export.csv"});
    }
  }

  TEST_CASE("bash completion follows the commands --help lists, e.g. a command with sub-commands") {
    // A stand-in binary whose --help lists a two-word command, as `import metrics|interactions`.
    fs::path dir = bt::scratch_dir("completion-generic");
    fs::path fake = dir / "boardbrief";
    std::ofstream(fake)
        << "#!/bin/sh\n"
           "if [ \"$1\" = import ]; then echo '  --db FILE   database'; echo '  --mapping FILE  m'; exit 0; fi\n"
           "printf 'Usage:\\n  boardbrief [report] --db FILE\\n  boardbrief import metrics|interactions "
           "--db FILE CSV...\\n\\n  --db FILE  x\\n'\n";
    fs::permissions(fake, fs::perms::owner_all);
    CHECK(complete(fake.string(), {""}) == Set{"report", "import"});
    CHECK(complete(fake.string(), {"import", ""}) == Set{"metrics", "interactions"});
    CHECK(complete(fake.string(), {"import", "metrics", "--m"}) == Set{"--mapping"});
  }
}
