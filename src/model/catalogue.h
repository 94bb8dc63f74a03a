// The data contract's catalogue: monitored channels and metric definitions.
#pragma once

#include <cstdint>
#include <string>

namespace boardbrief::model {

enum class Owner { Own, Competitor };

struct Channel {
  std::int64_t id = 0;
  std::string platform;  // "facebook", "instagram", "x", "linkedin", "youtube", "tiktok", ...
  std::string handle;
  std::string name;
  Owner owner = Owner::Own;
};

// How daily values combine into a period (see docs/data-contract.md).
enum class Aggregation { Sum, Last, Mean, Max };
// Which direction of change is favourable; None for neutral measures.
enum class Better { Up, Down, None };

struct MetricDef {
  std::string key;    // "impressions"
  std::string label;  // "Impressions" (the database's own label; reports use the language file)
  Aggregation aggregation = Aggregation::Sum;
  std::string unit;  // "count", "minutes", ...
  Better better = Better::Up;
};

}  // namespace boardbrief::model
