// Hands rows in batches from this thread to a consumer on a second thread (the import: CSV
// parsing and validation here, channels and staging there), so the two halves run on both cores.
// Two batches at most exist (one filling, one handed over): memory stays bounded. The consumer
// sees the batches in order.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace boardbrief::app {

template <class Row>
class BatchPipeline {
 public:
  using Consumer = std::function<void(std::vector<Row>&)>;
  explicit BatchPipeline(Consumer consume, std::size_t batch_rows = 4096)
      : consume_(std::move(consume)), batch_rows_(batch_rows), worker_([this] { run(); }) {}
  // Without finish() (an exception on this side): waits for the consumer and drops its error.
  ~BatchPipeline() { stop(); }
  BatchPipeline(const BatchPipeline&) = delete;
  BatchPipeline& operator=(const BatchPipeline&) = delete;

  // The batch being filled: append rows, then call handed().
  std::vector<Row>& filling() { return filling_; }
  void handed() {
    if (filling_.size() >= batch_rows_) hand_over();
  }
  // Hands over the last rows, waits for the consumer, and rethrows what it threw.
  void finish() {
    if (!filling_.empty()) hand_over();
    stop();
    if (error_) std::rethrow_exception(error_);
  }

 private:
  void hand_over() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return !has_batch_; });
    if (!error_) {
      std::swap(filling_, handed_);
      has_batch_ = true;
      changed_.notify_all();
    }
    filling_.clear();
  }
  void stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closing_ = true;
    }
    changed_.notify_all();
    if (worker_.joinable()) worker_.join();
  }
  void run() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      changed_.wait(lock, [&] { return has_batch_ || closing_; });
      if (!has_batch_) return;
      lock.unlock();
      std::exception_ptr error;
      try {
        consume_(handed_);
      } catch (...) {
        error = std::current_exception();
      }
      handed_.clear();
      lock.lock();
      if (error && !error_) error_ = error;
      has_batch_ = false;
      changed_.notify_all();
    }
  }

  Consumer consume_;
  std::size_t batch_rows_;
  std::vector<Row> filling_, handed_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool has_batch_ = false, closing_ = false;
  std::exception_ptr error_;
  std::thread worker_;  // last: started after the members it uses
};

}  // namespace boardbrief::app
