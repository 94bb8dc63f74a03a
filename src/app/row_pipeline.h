// Hands interaction rows from the store's scan (this thread: SQLite stepping and timestamp
// parsing) to the series accumulators on a second thread, in batches, so the two halves of the
// one pass run on both cores (docs/performance.md). The consumer sees the rows in scan order.
#pragma once

#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "model/rows.h"

namespace boardbrief::app {

class RowPipeline {
 public:
  using Consumer = std::function<void(const model::InteractionRow&)>;
  explicit RowPipeline(Consumer consume, std::size_t batch_rows = 16384);
  ~RowPipeline();  // stops and joins the consumer if finish() was not reached (an exception)
  RowPipeline(const RowPipeline&) = delete;
  RowPipeline& operator=(const RowPipeline&) = delete;

  void push(const model::InteractionRow& row) {
    filling_.push_back(row);
    if (filling_.size() == batch_rows_) hand_over();
  }
  // Hands over the last rows, waits for the consumer, and rethrows what it threw.
  void finish();

 private:
  void hand_over();
  void run();

  Consumer consume_;
  std::size_t batch_rows_;
  std::vector<model::InteractionRow> filling_, handed_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool has_batch_ = false, closing_ = false;
  std::exception_ptr error_;
  std::thread worker_;
};

}  // namespace boardbrief::app
