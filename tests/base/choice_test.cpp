// Words of closed sets: the metric table's words are read (store/database) and written
// (store/writer) through one table each, so every value has a word and reads back as itself.
#include "base/choice.h"

#include <doctest/doctest.h>

#include "model/catalogue.h"
#include "store/contract.h"

using namespace boardbrief;

TEST_SUITE("base") {
  TEST_CASE("choice: every aggregation and direction has a word that reads back as itself") {
    for (auto a :
         {model::Aggregation::Sum, model::Aggregation::Last, model::Aggregation::Mean, model::Aggregation::Max}) {
      const auto word = choice_word(a, store::kAggregationWords);
      CHECK_FALSE(word.empty());
      CHECK(find_choice(word, store::kAggregationWords) == a);
    }
    for (auto b : {model::Better::Up, model::Better::Down, model::Better::None}) {
      const auto word = choice_word(b, store::kBetterWords);
      CHECK_FALSE(word.empty());
      CHECK(find_choice(word, store::kBetterWords) == b);
    }
  }

  TEST_CASE("choice: a word outside the set, or in another case, names nothing") {
    CHECK_FALSE(find_choice("median", store::kAggregationWords));
    CHECK_FALSE(find_choice("Sum", store::kAggregationWords));
    CHECK(find_choice<int>("two", {{"one", 1}, {"two", 2}}) == 2);
    CHECK_FALSE(find_choice<int>("", {{"one", 1}}));
  }
}
