package io.credence.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Warm sessions of one stage's rules, for reuse across decisions. A session is handed to one
 * decision at a time and given back empty: the facts that decision inserted are deleted again,
 * which leaves the network's node and segment memories built. Building those is most of what a new
 * (or Drools-pooled, reset) session costs on a large package; deleting eleven facts is not
 * (docs/performance.md). A session a decision halted or failed in is not given back.
 */
final class StageSessions {

    private final KieBase base;
    private final int keep;
    private final ConcurrentLinkedDeque<Lease> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    StageSessions(KieBase base, int keep) {
        this.base = base;
        this.keep = keep;
    }

    /** A session for one stage of one decision; give it back with {@link Lease#release} or {@link Lease#discard}. */
    Lease lease() {
        Lease lease = idle.pollFirst();
        if (lease != null) {
            idleCount.decrementAndGet();
            return lease;
        }
        return new Lease(base.newKieSession());
    }

    void close() {
        for (Lease lease = idle.pollFirst(); lease != null; lease = idle.pollFirst()) lease.session.dispose();
    }

    final class Lease {
        final KieSession session;
        private final List<FactHandle> inserted = new ArrayList<>(16);

        private Lease(KieSession session) {
            this.session = session;
        }

        void insert(Object fact) {
            inserted.add(session.insert(fact));
        }

        /** Empties the session and keeps it for the next decision, unless enough are kept already. */
        void release() {
            for (int i = inserted.size() - 1; i >= 0; i--) session.delete(inserted.get(i));
            inserted.clear();
            // A rule that inserted facts of its own leaves them behind: such a session is not reused.
            if (session.getFactCount() != 0) {
                session.dispose();
                return;
            }
            if (idleCount.incrementAndGet() > keep) {
                idleCount.decrementAndGet();
                session.dispose();
                return;
            }
            idle.offerFirst(this);
        }

        /** Throws the session away: after a halt or a fault its state is not to be trusted. */
        void discard() {
            inserted.clear();
            session.dispose();
        }
    }
}
