#!/usr/bin/env bash
# Installs the Debian packages boardbrief needs to build, test and run.
# Called by `make demo`, `make test` and `.ci/run`; prints what it installs, and
# fails with a clear message when it cannot (no apt-get, no root, no network).
set -euo pipefail

# Build and runtime libraries, the fonts, and the independent readers the tests use.
packages=(
  build-essential cmake pkg-config
  libhpdf-dev libpng-dev zlib1g-dev
  libboost-program-options-dev libboost-dev  # Boost.Math headers (analysis/fdr.cpp)
  libsqlitecpp-dev libsqlite3-dev sqlite3
  libhowardhinnant-date-dev tzdata
  doctest-dev
  libtomlplusplus-dev
  libcsv-dev
  libcurl4-openssl-dev
  fonts-lato
  qpdf poppler-utils mupdf-tools ghostscript
  python3 python3-aiosmtpd openssl
  clang libclang-rt-14-dev
  clang-format universal-ctags  # scripts/check-format.sh, scripts/function-lengths.sh
  time
  valgrind
  # man page lint and `man boardbrief` (tests/install); systemd-analyze for contrib/systemd
  groff-base man-db systemd
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} missing Debian package(s): ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps: error: apt-get not found; install these packages by hand: ${missing[*]}" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "install-deps: error: not root and no sudo; run as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get update -qq; then
  echo "install-deps: error: apt-get update failed (no network or broken sources?)" >&2
  exit 1
fi
if ! $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
  echo "install-deps: error: apt-get install failed for: ${missing[*]}" >&2
  exit 1
fi
echo "install-deps: done"
