package org.dreamdiary.application.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.dreamdiary.application.port.in.LimitRequests;
import org.dreamdiary.application.port.out.Clock;
import org.dreamdiary.application.port.out.RequestCounts;
import org.dreamdiary.application.port.out.RequestCounts.Tally;
import org.dreamdiary.application.port.out.user.TokenIssuer;

/**
 * The general request limit, in fixed windows aligned to the minute. A request is counted in this node's memory
 * only, never with a database write of its own; {@link #reconcile}, run about once a second, adds what this node
 * counted to the shared totals in one statement and learns from them what the other nodes counted.
 *
 * <p>A node decides with the others' requests as of its last reconciliation plus its own, exactly. It learns of
 * the others' requests within one reconciliation after its own next request of that caller, so in one window all
 * nodes together admit at most {@code limit + (nodes - 1) × min(limit, r × (interval + latency))} requests of one
 * caller, where {@code r} is the rate at which one node serves that caller, {@code interval} the time between
 * reconciliations and {@code latency} that of the upsert. With one node the limit is exact. When the database is
 * unreachable, each node goes on limiting with what it knows.
 */
public final class RequestRateLimiter implements LimitRequests {
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final System.Logger LOG = System.getLogger(RequestRateLimiter.class.getName());

    private final RequestCounts shared;
    private final TokenIssuer tokens;
    private final Clock clock;
    private final long limit;
    private final ConcurrentMap<Instant, ConcurrentMap<String, Count>> windows = new ConcurrentHashMap<>();

    public RequestRateLimiter(RequestCounts shared, TokenIssuer tokens, Clock clock, long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the limit must be positive: " + limit);
        }
        this.shared = shared;
        this.tokens = tokens;
        this.clock = clock;
        this.limit = limit;
    }

    @Override
    public Allowance admit(Optional<String> accessToken, String clientAddress) {
        Instant now = clock.now();
        Instant window = windowOf(now);
        String caller = accessToken.flatMap(token -> tokens.verify(token, now))
                .map(claims -> "user:" + claims.user())
                .orElseGet(() -> "address:" + clientAddress);
        Count count = windows.computeIfAbsent(window, start -> new ConcurrentHashMap<>())
                .computeIfAbsent(caller, key -> new Count());
        long used = count.take(limit);
        Duration resetIn = Duration.between(now, window.plus(WINDOW));
        return used < 0 ? new Allowance(false, limit, 0, resetIn) : new Allowance(true, limit, limit - used, resetIn);
    }

    /**
     * Adds every count that grew since the last reconciliation to the shared totals (one statement), learns the
     * totals, and forgets the windows that are over. A failure leaves the counts to the next reconciliation.
     */
    public synchronized void reconcile() {
        Instant current = windowOf(clock.now());
        List<Tally> tallies = new ArrayList<>();
        Map<Key, Sent> sent = new HashMap<>();
        windows.forEach((window, counts) -> counts.forEach((caller, count) -> {
            long local = count.local.get();
            if (local > count.flushed) {
                Tally tally = new Tally(caller, window, local - count.flushed);
                tallies.add(tally);
                sent.put(new Key(caller, window), new Sent(count, local));
            }
        }));
        if (!tallies.isEmpty()) {
            try {
                for (Tally total : shared.add(tallies)) {
                    Sent of = sent.get(new Key(total.caller(), total.windowStart()));
                    if (of != null) {
                        of.count.others = total.requests() - of.local;
                        of.count.flushed = of.local;
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "request counts could not be shared; limiting with this node's", e);
            }
        }
        windows.keySet().removeIf(window -> window.isBefore(current));
    }

    static Instant windowOf(Instant now) {
        return Instant.ofEpochSecond(now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), WINDOW.toSeconds()));
    }

    /** One caller's requests in one window: this node's own, and the other nodes' as of the last reconciliation. */
    private static final class Count {
        final AtomicLong local = new AtomicLong();
        /** How many of {@code local} the shared total includes; written by {@link #reconcile} only. */
        volatile long flushed;
        volatile long others;

        /** Counts one more request unless the limit is reached; the caller's requests after it, or -1 when refused. */
        long take(long limit) {
            while (true) {
                long mine = local.get();
                long total = others + mine;
                if (total >= limit) {
                    return -1;
                }
                if (local.compareAndSet(mine, mine + 1)) {
                    return total + 1;
                }
            }
        }
    }

    private record Key(String caller, Instant window) {
    }

    /** A count as it was when its growth was sent. */
    private record Sent(Count count, long local) {
    }
}
