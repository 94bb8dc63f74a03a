#include "base/atomic_file.h"

#include <doctest/doctest.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "base/error.h"
#include "support/test_db.h"

namespace boardbrief {

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Names of everything in `dir`, to prove that no temporary file is left behind.
std::string listing(const fs::path& dir) {
  std::string names;
  for (const auto& entry : fs::directory_iterator(dir)) names += entry.path().filename().string() + " ";
  return names;
}

// A tiny tmpfs, mounted for the test's lifetime; mounted() is false where we may not mount.
class TinyTmpfs {
 public:
  explicit TinyTmpfs(const fs::path& dir) : dir_(dir) {
    mounted_ = ::mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=64k") == 0;
  }
  ~TinyTmpfs() {
    if (mounted_) ::umount(dir_.c_str());
  }
  TinyTmpfs(const TinyTmpfs&) = delete;
  TinyTmpfs& operator=(const TinyTmpfs&) = delete;
  bool mounted() const { return mounted_; }
  bool remount_read_only() { return ::mount("tmpfs", dir_.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, "size=64k") == 0; }

 private:
  fs::path dir_;
  bool mounted_ = false;
};

}  // namespace

TEST_SUITE("base") {
  TEST_CASE("writes a new file and replaces an existing one") {
    const fs::path dir = testing::scratch_dir("atomic-write");
    const std::string path = (dir / "x.pdf").string();
    write_file_atomically(path, "first");
    CHECK(read(path) == "first");
    write_file_atomically(path, std::string("second\0with nul", 15));
    CHECK(read(path) == std::string("second\0with nul", 15));
    write_file_atomically(path, "");
    CHECK(read(path).empty());
    CHECK(listing(dir) == "x.pdf ");
  }

  TEST_CASE("the new file gets the usual permissions, not mkstemp's 0600") {
    const fs::path dir = testing::scratch_dir("atomic-mode");
    const mode_t old_mask = ::umask(022);
    write_file_atomically((dir / "x.pdf").string(), "pdf");
    ::umask(old_mask);
    CHECK((fs::status(dir / "x.pdf").permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read));
  }

  TEST_CASE("a missing directory is an OutputError naming the path and the directory") {
    const fs::path dir = testing::scratch_dir("atomic-missing");
    const std::string path = (dir / "out" / "x.pdf").string();
    CHECK_THROWS_WITH_AS(
        write_file_atomically(path, "pdf"),
        ("cannot write '" + path + "': directory '" + (dir / "out").string() + "' does not exist").c_str(),
        OutputError);
    CHECK(listing(dir).empty());
  }

  TEST_CASE("a target that is a directory is an OutputError and stays untouched") {
    const fs::path dir = testing::scratch_dir("atomic-dir");
    fs::create_directory(dir / "out");
    std::ofstream(dir / "out" / "keep.txt") << "keep";
    const std::string path = (dir / "out").string() + "/";
    CHECK_THROWS_WITH_AS(write_file_atomically(path, "pdf"), ("'" + path + "': is a directory").c_str(), OutputError);
    const std::string no_slash = (dir / "out").string();
    CHECK_THROWS_WITH_AS(write_file_atomically(no_slash, "pdf"), ("'" + no_slash + "': is a directory").c_str(),
                         OutputError);
    CHECK(listing(dir) == "out ");
    CHECK(listing(dir / "out") == "keep.txt ");
  }

  TEST_CASE("an unwritable directory is an OutputError and the old file survives") {
    const fs::path dir = testing::scratch_dir("atomic-readonly");
    if (::geteuid() != 0) {
      // Permission bits stop an ordinary user.
      const std::string path = (dir / "x.pdf").string();
      write_file_atomically(path, "old");
      fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
      CHECK_THROWS_WITH_AS(write_file_atomically(path, "new"),
                           ("cannot write '" + path + "': Permission denied").c_str(), OutputError);
      fs::permissions(dir, fs::perms::owner_all);
      CHECK(read(path) == "old");
      CHECK(listing(dir) == "x.pdf ");
      return;
    }
    // root ignores permission bits; a read-only mount stops it.
    TinyTmpfs tmpfs(dir);
    if (!tmpfs.mounted()) {
      MESSAGE("skipped: running as root without permission to mount a tmpfs");
      return;
    }
    const std::string path = (dir / "x.pdf").string();
    write_file_atomically(path, "old");
    REQUIRE(tmpfs.remount_read_only());
    CHECK_THROWS_WITH_AS(write_file_atomically(path, "new"),
                         ("cannot write '" + path + "': Read-only file system").c_str(), OutputError);
    CHECK(read(path) == "old");
    CHECK(listing(dir) == "x.pdf ");
  }

  TEST_CASE("a full disk is an OutputError and the old file survives") {
    const fs::path dir = testing::scratch_dir("atomic-full");
    TinyTmpfs tmpfs(dir);
    if (!tmpfs.mounted()) {
      MESSAGE(
          "skipped: a full disk needs a tiny tmpfs, and mounting one needs root "
          "(/dev/full cannot be the target of a rename)");
      return;
    }
    const std::string path = (dir / "x.pdf").string();
    write_file_atomically(path, "old");
    const std::string big(1 << 20, 'x');  // 1 MiB into 64 KiB
    CHECK_THROWS_WITH_AS(write_file_atomically(path, big),
                         ("cannot write '" + path + "': No space left on device").c_str(), OutputError);
    CHECK(read(path) == "old");
    CHECK(listing(dir) == "x.pdf ");
  }
}

}  // namespace boardbrief
