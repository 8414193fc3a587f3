package nl.wijkopmaat.common.load;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * Bounds the requests that work at once, so that they never pile up in front of the connection
 * pool: up to {@code maxInFlight} run, up to {@code maxQueued} more wait (without holding a thread)
 * for at most {@code maxWait}, and the rest is turned away at once. Turned away means a 503 with
 * Retry-After, not a request that waits 30 seconds for a connection and then fails with a 500.
 */
@Singleton
class AdmissionLimiter {

    private final int maxInFlight;
    private final int maxQueued;
    private final Duration maxWait;
    private final TaskScheduler timer;
    private final Deque<CompletableFuture<Permit>> waiting = new ArrayDeque<>();
    private int inFlight;

    AdmissionLimiter(@Value("${wijkopmaat.load.max-in-flight}") int maxInFlight,
                     @Value("${wijkopmaat.load.max-queued}") int maxQueued,
                     @Value("${wijkopmaat.load.max-wait}") Duration maxWait,
                     @Named(TaskExecutors.SCHEDULED) TaskScheduler timer) {
        this.maxInFlight = maxInFlight;
        this.maxQueued = maxQueued;
        this.maxWait = maxWait;
        this.timer = timer;
    }

    /** A permit now, a permit once one is free, or {@link Overloaded} when neither fits. */
    CompletableFuture<Permit> admit() {
        CompletableFuture<Permit> admission = new CompletableFuture<>();
        synchronized (this) {
            if (inFlight < maxInFlight) {
                inFlight++;
                admission.complete(new Permit());
                return admission;
            }
            if (waiting.size() >= maxQueued) {
                admission.completeExceptionally(new Overloaded());
                return admission;
            }
            waiting.addLast(admission);
        }
        timer.schedule(maxWait, () -> expire(admission));
        return admission;
    }

    Duration retryAfter() {
        return maxWait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : maxWait;
    }

    private void expire(CompletableFuture<Permit> admission) {
        boolean removed;
        synchronized (this) {
            removed = waiting.remove(admission);
        }
        if (removed) {
            admission.completeExceptionally(new Overloaded());
        }
    }

    /** The permit passes straight to the longest waiting request that is still there. */
    private void release() {
        while (true) {
            CompletableFuture<Permit> next;
            synchronized (this) {
                next = waiting.pollFirst();
                if (next == null) {
                    inFlight--;
                    return;
                }
            }
            if (next.complete(new Permit())) {
                return;
            }
        }
    }

    /** The right to run one request; released exactly once, when its response is done. */
    final class Permit {
        private boolean released;

        void release() {
            synchronized (AdmissionLimiter.this) {
                if (released) {
                    return;
                }
                released = true;
            }
            AdmissionLimiter.this.release();
        }
    }

    /** The server is at capacity: more work now would only make every request slower. */
    static final class Overloaded extends RuntimeException {
        Overloaded() {
            super("at capacity", null, false, false);
        }
    }
}
