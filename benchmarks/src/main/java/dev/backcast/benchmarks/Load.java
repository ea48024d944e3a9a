package dev.backcast.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs an operation from several clients for a bounded time and count, and summarises what it measured. */
final class Load {

    /** One operation of one client; {@code call} counts from 0 for each client. */
    @FunctionalInterface
    interface Operation {
        void run(int client, int call) throws Exception;
    }

    /** Throughput and latency of one measurement. */
    record Result(int clients, long operations, double seconds, double perSecond, double p50Millis,
                  double p99Millis) {
    }

    private Load() {
    }

    static Result run(int clients, double seconds, int maxCallsPerClient, Operation operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<List<Long>> latencies = new ArrayList<>();
        List<Future<?>> running = new ArrayList<>();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        for (int client = 0; client < clients; client++) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            int id = client;
            running.add(pool.submit(() -> {
                for (int call = 0; call < maxCallsPerClient && System.nanoTime() < deadline; call++) {
                    long before = System.nanoTime();
                    operation.run(id, call);
                    mine.add(System.nanoTime() - before);
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        Collections.sort(all);
        return new Result(clients, all.size(), elapsed, all.size() / elapsed, percentile(all, 0.50),
                percentile(all, 0.99));
    }

    static double percentile(List<Long> sortedNanos, double share) {
        if (sortedNanos.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(share * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, rank)) / 1e6;
    }
}
