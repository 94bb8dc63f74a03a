// SHA-256 against the FIPS 180-4 examples and sha256sum (an independent implementation) on
// lengths around the padding boundaries.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "base/sha256.h"
#include "support/test_db.h"

namespace bt = boardbrief::testing;

TEST_SUITE("base") {
  TEST_CASE("sha256_hex: the FIPS 180-4 examples") {
    CHECK(boardbrief::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(boardbrief::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(boardbrief::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  }

  TEST_CASE("sha256_hex equals sha256sum around the 55/56/64-byte padding boundaries") {
    const auto dir = bt::scratch_dir("sha256");
    for (std::size_t n : {1u, 55u, 56u, 57u, 63u, 64u, 65u, 119u, 120u, 1000u}) {
      std::string text;
      for (std::size_t i = 0; i < n; ++i) text += static_cast<char>('a' + (i * 7) % 26);
      std::ofstream(dir / "in.txt", std::ios::binary) << text;
      const std::string expected = bt::run("sha256sum " + bt::quote(dir / "in.txt")).out.substr(0, 64);
      CAPTURE(n);
      CHECK(boardbrief::sha256_hex(text) == expected);
    }
  }
}
