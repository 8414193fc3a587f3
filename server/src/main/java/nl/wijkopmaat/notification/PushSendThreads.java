package nl.wijkopmaat.notification;

import com.google.firebase.FirebaseApp;
import com.google.firebase.ThreadManager;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads on which the Firebase Admin SDK sends: {@code sendEach} sends each message of a call
 * as its own request, one per thread, so the SDK's default of 100 threads makes a batch of 500
 * wait for five round trips to Google. Sized to the batch, a whole batch is one round trip.
 * The threads are idle most of the time, waiting for FCM, and end when they have no work.
 */
final class PushSendThreads extends ThreadManager {

    private static final long IDLE_SECONDS = 60;

    private final int threads;
    private final AtomicInteger created = new AtomicInteger();

    PushSendThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("wijkopmaat.push.send-threads must be at least 1, not " + threads);
        }
        this.threads = threads;
    }

    @Override
    protected ExecutorService getExecutor(FirebaseApp app) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), getThreadFactory());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    protected void releaseExecutor(FirebaseApp app, ExecutorService executor) {
        executor.shutdownNow();
    }

    @Override
    protected ThreadFactory getThreadFactory() {
        return work -> {
            Thread thread = new Thread(work, "fcm-send-" + created.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
