package dev.helpdesk.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Starts threads at the same moment, so that they really race, and rethrows the first failure. */
final class Race {
  private Race() {}

  interface Runner {
    void run(int runner) throws Exception;
  }

  static void run(int runners, Runner task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(runners);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int r = 0; r < runners; r++) {
        int runner = r;
        futures.add(pool.submit(() -> {
          start.await();
          task.run(runner);
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
          throw (Error) e.getCause();
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
