package org.childjourney.core.access;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often each caller may call a service: a token bucket per caller (an agency system's client, a practitioner),
 * refilled at {@code perSecond} up to {@code burst}. A caller who has spent their allowance waits; every other
 * caller goes on. In memory, per instance: with several instances behind a balancer each admits its own share.
 */
public final class RequestRates {

    /** Callers kept before those whose allowance is whole again are forgotten. */
    private static final int REMEMBERED_CALLERS = 10_000;

    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final ConcurrentHashMap<String, Allowance> allowances = new ConcurrentHashMap<>();

    /** What a caller may still spend, as of a moment. */
    private record Allowance(double requests, long atMillis) {
    }

    public RequestRates(double perSecond, int burst, Clock clock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least one");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /**
     * Spends one request of the caller's allowance.
     *
     * @return 0 if the request is admitted; otherwise the whole seconds to wait before the caller may call again
     */
    public long admit(String caller) {
        long now = clock.millis();
        if (allowances.size() > REMEMBERED_CALLERS) {
            allowances.values().removeIf(allowance -> refilled(allowance, now) >= burst);
        }
        double[] left = new double[1];
        boolean[] admitted = new boolean[1];
        allowances.compute(caller, (key, before) -> {
            double available = before == null ? burst : refilled(before, now);
            admitted[0] = available >= 1;
            left[0] = admitted[0] ? available - 1 : available;
            return new Allowance(left[0], now);
        });
        return admitted[0] ? 0 : (long) Math.ceil((1 - left[0]) / perSecond);
    }

    /** The allowance refilled since it was last spent; a clock set back refills nothing, and takes nothing. */
    private double refilled(Allowance allowance, long now) {
        long elapsed = Math.max(0, now - allowance.atMillis());
        return Math.min(burst, allowance.requests() + elapsed / 1000.0 * perSecond);
    }
}
