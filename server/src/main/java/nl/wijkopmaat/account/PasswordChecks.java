package nl.wijkopmaat.account;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import nl.wijkopmaat.common.error.RetryLaterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs bcrypt work on a small pool of its own, about one thread per core, because bcrypt is pure
 * CPU: more threads only make every check slower. The queue in front of it is bounded in time, not
 * in places: a check is only queued when the checks ahead of it, at what recent checks cost, are
 * done within {@code maxQueuedWork}. Otherwise the caller gets a 503 with Retry-After at once instead
 * of a wait that ends in a timeout. Following the recent cost keeps that bound when the machine is
 * busy with other work and every check takes longer; a check that still waited longer than the bound
 * is not run but answered with the same 503.
 */
@Singleton
class PasswordChecks {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordChecks.class);
    /** Weight of the newest check in the running cost: about the last ten checks count. */
    private static final int SMOOTHING = 8;
    private static final long UNKNOWN_COST = 0;

    private final PasswordHasher hasher;
    private final ExecutorService pool;
    private final int threads;
    private final long maxQueuedNanos;
    private final Duration retryAfter;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong costNanos;

    PasswordChecks(PasswordHasher hasher,
                   @Value("${wijkopmaat.security.password-checks.threads}") int threads,
                   @Value("${wijkopmaat.security.password-checks.max-queued-work}") Duration maxQueuedWork,
                   @Property(name = "wijkopmaat.security.password-checks.cost-per-check") @Nullable Duration costPerCheck) {
        this.hasher = hasher;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.maxQueuedNanos = maxQueuedWork.toNanos();
        this.costNanos = new AtomicLong(costPerCheck != null ? Math.max(1, costPerCheck.toNanos()) : UNKNOWN_COST);
        this.pool = Executors.newFixedThreadPool(this.threads, threadsNamed("password-check-"));
        this.retryAfter = maxQueuedWork.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : maxQueuedWork;
        if (costPerCheck == null) {
            pool.submit(this::timeOneCheck);
        }
        LOG.info("Password checks: {} threads, at most {} ms of checks waiting", this.threads, maxQueuedWork.toMillis());
    }

    /**
     * Times a check in the background instead of during start-up: until it is done, the cost is
     * unknown and the checks that arrive wait behind it, bounded by the waiting time alone. The
     * first check runs cold, several times slower than the rest, so the second one counts.
     */
    private void timeOneCheck() {
        hasher.matchNothing("");
        long start = System.nanoTime();
        hasher.matchNothing("");
        long took = System.nanoTime() - start;
        if (costNanos.compareAndSet(UNKNOWN_COST, Math.max(1, took))) {
            LOG.info("Password checks: one check takes {} ms", Duration.ofNanos(took).toMillis());
        }
    }

    /** Whether the password belongs to the hash. */
    boolean matches(String password, String hash) {
        return run(() -> hasher.matches(password, hash));
    }

    /** Takes as long as {@link #matches}, for an email without an account. */
    void matchNothing(String password) {
        run(() -> {
            hasher.matchNothing(password);
            return null;
        });
    }

    String hash(String password) {
        return run(() -> hasher.hash(password));
    }

    private <T> T run(Supplier<T> work) {
        int ahead = waiting.incrementAndGet();
        // One may always wait, so that a single check slower than the bound still gets its turn.
        if (ahead > 1 && ahead * costNanos.get() > threads * maxQueuedNanos) {
            waiting.decrementAndGet();
            throw RetryLaterException.unavailable(retryAfter);
        }
        long queuedAt = System.nanoTime();
        Future<T> result;
        try {
            result = pool.submit(() -> {
                waiting.decrementAndGet();
                long start = System.nanoTime();
                // Checks turned out slower than estimated (a burst before the cost caught up): the
                // caller has waited as long as it may and is told to come back instead.
                if (start - queuedAt > maxQueuedNanos) {
                    throw RetryLaterException.unavailable(retryAfter);
                }
                try {
                    return work.get();
                } finally {
                    long took = System.nanoTime() - start;
                    costNanos.updateAndGet(cost -> cost == UNKNOWN_COST ? Math.max(1, took) : cost + (took - cost) / SMOOTHING);
                }
            });
        } catch (RejectedExecutionException shutDown) {
            waiting.decrementAndGet();
            throw RetryLaterException.unavailable(retryAfter);
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a password check", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    /** Checks already waiting still run: their requests are in flight and may finish during shutdown. */
    @PreDestroy
    void close() {
        pool.shutdown();
    }

    private static ThreadFactory threadsNamed(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
