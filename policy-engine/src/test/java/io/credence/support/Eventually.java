package io.credence.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a condition holds or a deadline passes; tests wait this way, never by sleeping. */
public final class Eventually {

    private static final Duration PAUSE = Duration.ofMillis(50);

    private Eventually() {}

    public static <T> T await(String what, Duration timeout, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "timed out after " + timeout + " waiting for " + what + "; last seen: " + last);
            }
            // A short park between probes: the deadline, not the pause, decides how long we wait.
            java.util.concurrent.locks.LockSupport.parkNanos(PAUSE.toNanos());
            last = probe.get();
        }
        return last;
    }
}
