package dev.helpdesk.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Starts several threads at the same moment, so they really race. */
final class Threads {
  private Threads() {}

  interface Task {
    void run(int thread) throws Exception;
  }

  /** Runs the task on {@code threads} threads at once and rethrows the first failure. */
  static void runConcurrently(int threads, Task task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          task.run(thread);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        try {
          future.get(2, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Exception cause) {
            throw cause;
          }
          if (e.getCause() instanceof Error error) {
            throw error;
          }
          throw e;
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
