package nl.wijkopmaat.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives the server over HTTP the two ways load tests do: a constant arrival rate, where each
 * request's latency counts from the moment it was due (so a slow server cannot slow the test down
 * and hide its own queue), and a closed loop of a few clients sending as fast as answers come, for
 * the throughput.
 */
final class LoadClient {

    /** What a run saw: answers by status, latencies in milliseconds, and 503s without Retry-After. */
    record Outcome(String name, int sent, double seconds, Map<Integer, Integer> statuses, long[] latenciesMicros,
                   int unavailableWithoutRetryAfter, int failed) {

        double perSecond() {
            return sent / seconds;
        }

        double percentileMillis(double percentile) {
            if (latenciesMicros.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latenciesMicros.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1000.0;
        }

        int count(int status) {
            return statuses.getOrDefault(status, 0);
        }

        int serverErrorsOtherThan503() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 500 && e.getKey() != 503)
                    .mapToInt(Map.Entry::getValue).sum();
        }

        String line() {
            return String.format(Locale.ROOT, "%-42s %6d requests in %5.1f s = %7.1f/s  p50 %7.1f ms  p99 %7.1f ms  statuses %s%s",
                    name, sent, seconds, perSecond(), percentileMillis(50), percentileMillis(99), statuses,
                    failed > 0 ? "  failed " + failed : "");
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8))
            .build();

    HttpRequest get(URI uri, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.GET().build();
    }

    HttpRequest postJson(URI uri, String json) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code perSecond} requests a second for {@code duration}, whatever the answers take. */
    Outcome constantRate(String name, HttpRequest request, int perSecond, Duration duration) throws InterruptedException {
        int total = (int) (perSecond * duration.toMillis() / 1000);
        long periodNanos = 1_000_000_000L / perSecond;
        long[] latencies = new long[total];
        Map<Integer, Integer> statuses = new TreeMap<>();
        AtomicInteger withoutRetryAfter = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> answers = new ArrayList<>(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int slot = i;
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                latencies[slot] = (System.nanoTime() - due) / 1000;
                if (error != null) {
                    failed.incrementAndGet();
                    return;
                }
                synchronized (statuses) {
                    statuses.merge(response.statusCode(), 1, Integer::sum);
                }
                if (response.statusCode() == 503 && response.headers().firstValue("Retry-After").isEmpty()) {
                    withoutRetryAfter.incrementAndGet();
                }
            }));
        }
        try {
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception stillWaiting) {
            // what did not answer within a minute after the last request counts as failed below
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long unanswered = answers.stream().filter(answer -> !answer.isDone()).count();
        synchronized (statuses) {
            return new Outcome(name, total, seconds, new TreeMap<>(statuses), latencies, withoutRetryAfter.get(),
                    failed.get() + (int) unanswered);
        }
    }

    /** {@code clients} clients each sending the next request as soon as the last one was answered. */
    Outcome closedLoop(String name, HttpRequest request, int clients, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Map<Integer, Integer> statuses = new TreeMap<>();
        AtomicLong sent = new AtomicLong();
        List<long[]> perClient = new ArrayList<>();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long began = System.nanoTime();
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    latencies.add((System.nanoTime() - began) / 1000);
                    sent.incrementAndGet();
                    synchronized (statuses) {
                        statuses.merge(response.statusCode(), 1, Integer::sum);
                    }
                }
                return latencies.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        for (Future<long[]> result : results) {
            perClient.add(result.get());
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).toArray();
        return new Outcome(name, (int) sent.get(), seconds, statuses, all, 0, 0);
    }
}
