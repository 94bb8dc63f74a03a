#include "app/row_pipeline.h"

namespace boardbrief::app {

RowPipeline::RowPipeline(Consumer consume, std::size_t batch_rows)
    : consume_(std::move(consume)), batch_rows_(batch_rows) {
  filling_.reserve(batch_rows_);
  handed_.reserve(batch_rows_);
  worker_ = std::thread([this] { run(); });
}

RowPipeline::~RowPipeline() {
  if (!worker_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  changed_.notify_all();
  worker_.join();
}

void RowPipeline::hand_over() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return !has_batch_; });  // the consumer took the previous batch
  filling_.swap(handed_);
  has_batch_ = true;
  lock.unlock();
  changed_.notify_all();
  filling_.clear();
}

void RowPipeline::finish() {
  if (!filling_.empty()) hand_over();
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !has_batch_; });
    closing_ = true;
  }
  changed_.notify_all();
  worker_.join();
  if (error_) std::rethrow_exception(error_);
}

void RowPipeline::run() {
  std::vector<model::InteractionRow> batch;
  batch.reserve(batch_rows_);
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return has_batch_ || closing_; });
      if (!has_batch_) return;  // closing, nothing left
      batch.swap(handed_);
      has_batch_ = false;
    }
    changed_.notify_all();  // the producer may fill the next batch while this one is consumed
    if (!error_) {
      try {
        for (const auto& row : batch) consume_(row);
      } catch (...) {
        error_ = std::current_exception();  // finish() rethrows it; later batches are skipped
      }
    }
    batch.clear();
  }
}

}  // namespace boardbrief::app
