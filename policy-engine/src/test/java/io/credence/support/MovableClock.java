package io.credence.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in full-stack tests: the system's, shifted by whatever a test moved it by. A
 * test that needs old decisions makes them in the past instead of backdating rows, and puts the clock
 * back when done (the context, and so the clock, is shared by the whole suite).
 */
public final class MovableClock extends Clock {

    private final ZoneId zone;
    private final MovableClock offsetSource;
    private volatile Duration offset = Duration.ZERO;

    public MovableClock() {
        this.zone = ZoneOffset.UTC;
        this.offsetSource = this;
    }

    private MovableClock(ZoneId zone, MovableClock offsetSource) {
        this.zone = zone;
        this.offsetSource = offsetSource;
    }

    /** From now on the time is the system's plus {@code offset} (negative for the past). */
    public void setOffset(Duration offset) {
        offsetSource.offset = offset;
    }

    /** Back to the system's time. */
    public void reset() {
        setOffset(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offsetSource.offset);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MovableClock(zone, offsetSource);
    }
}
