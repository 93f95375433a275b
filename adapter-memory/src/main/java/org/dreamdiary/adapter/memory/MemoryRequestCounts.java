package org.dreamdiary.adapter.memory;

import java.time.Instant;
import java.util.List;
import org.dreamdiary.application.port.out.RequestCounts;

/** Request totals per caller and window in memory: one node, so the totals are its own. */
final class MemoryRequestCounts implements RequestCounts {
    private record Key(String caller, Instant windowStart) {
    }

    private final MemoryTransactions transactions;
    private final Table<Key, Tally> totals;

    MemoryRequestCounts(MemoryTransactions transactions) {
        this.transactions = transactions;
        this.totals = new Table<>(transactions);
    }

    @Override
    public List<Tally> add(List<Tally> tallies) {
        return transactions.atomically(() -> tallies.stream().map(this::addOne).toList());
    }

    private Tally addOne(Tally tally) {
        Key key = new Key(tally.caller(), tally.windowStart());
        long before = totals.get(key).map(Tally::requests).orElse(0L);
        Tally total = new Tally(tally.caller(), tally.windowStart(), before + tally.requests());
        totals.put(key, total);
        return total;
    }

    @Override
    public int forgetBefore(Instant windowStart, int max) {
        return transactions.atomically(() -> {
            List<Tally> old = totals.rows().stream()
                    .filter(total -> total.windowStart().isBefore(windowStart))
                    .limit(max)
                    .toList();
            old.forEach(total -> totals.remove(new Key(total.caller(), total.windowStart())));
            return old.size();
        });
    }
}
