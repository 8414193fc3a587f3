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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs bcrypt work on a small pool of its own, about one thread per core, because bcrypt is pure
 * CPU: more threads only make every check slower. The queue in front of it holds at most
 * {@code maxQueuedWork} of checks, so a caller waits at most that long for its turn; when it is
 * full the caller gets a 503 with Retry-After instead of a wait that ends in a timeout.
 */
@Singleton
class PasswordChecks {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordChecks.class);

    private final PasswordHasher hasher;
    private final ThreadPoolExecutor pool;
    private final Duration retryAfter;

    PasswordChecks(PasswordHasher hasher,
                   @Value("${wijkopmaat.security.password-checks.threads}") int threads,
                   @Value("${wijkopmaat.security.password-checks.max-queued-work}") Duration maxQueuedWork,
                   @Property(name = "wijkopmaat.security.password-checks.cost-per-check") @Nullable Duration costPerCheck) {
        this.hasher = hasher;
        int poolSize = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        Duration cost = costPerCheck != null ? costPerCheck : hasher.measuredCost();
        int capacity = (int) Math.max(1, Math.min(100_000,
                poolSize * maxQueuedWork.toNanos() / Math.max(1, cost.toNanos())));
        this.pool = new ThreadPoolExecutor(poolSize, poolSize, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(capacity), threadsNamed("password-check-"));
        this.retryAfter = maxQueuedWork.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : maxQueuedWork;
        LOG.info("Password checks: {} threads, {} ms per check, at most {} waiting", poolSize, cost.toMillis(), capacity);
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
        Future<T> result;
        try {
            result = pool.submit(work::get);
        } catch (RejectedExecutionException full) {
            throw RetryLaterException.unavailable(retryAfter);
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
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
