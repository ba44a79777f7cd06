package org.rtc4j.ice;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The checklist, triggered-check queue and valid list of one ICE generation (RFC 8445 6.1.2,
 * 6.1.4, 7.2.5.3): which pair to check next, pair states and foundations, and which valid pair is
 * best. No I/O; {@link IceAgent} sends the checks.
 */
final class Checklist {
    /** Cap on pairs (RFC 8445 suggests 100). */
    static final int MAX_PAIRS = 100;

    private final List<CandidatePair> pairs = new ArrayList<>();
    private final List<CandidatePair> valid = new ArrayList<>();
    private final ArrayDeque<CandidatePair> triggered = new ArrayDeque<>();

    List<CandidatePair> pairs() {
        return pairs;
    }

    boolean isEmpty() {
        return pairs.isEmpty();
    }

    void clear() {
        pairs.clear();
        valid.clear();
        triggered.clear();
    }

    /** The pair that sends from {@code local}'s base to {@code remote}, or null. */
    CandidatePair find(IceCandidate local, InetSocketAddress remote) {
        for (CandidatePair p : pairs) {
            if (p.remote().address().equals(remote) && IceCandidate.sameBase(p.local(), local)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Adds a pair unless one with the same base and remote address exists (pruning) or the list
     * is full. A new pair waits unless another pair of its foundation is already active.
     *
     * @return the new or existing pair, or null if full
     */
    CandidatePair add(IceCandidate local, IceCandidate remote, Generation gen, boolean controlling) {
        CandidatePair existing = find(local, remote.address());
        if (existing != null) {
            return existing;
        }
        if (pairs.size() >= MAX_PAIRS) {
            return null;
        }
        CandidatePair p = new CandidatePair(local, remote, gen, controlling);
        String f = p.foundation();
        boolean active = false;
        for (CandidatePair q : pairs) {
            if (q.foundation().equals(f) && q.state != CandidatePair.State.FROZEN && q.state != CandidatePair.State.FAILED) {
                active = true;
                break;
            }
        }
        p.state = active ? CandidatePair.State.FROZEN : CandidatePair.State.WAITING;
        pairs.add(p);
        return p;
    }

    /** @return true if a triggered, waiting or frozen pair is left to check */
    boolean hasWork() {
        if (!triggered.isEmpty()) {
            return true;
        }
        for (CandidatePair p : pairs) {
            if (p.state == CandidatePair.State.WAITING || p.state == CandidatePair.State.FROZEN) {
                return true;
            }
        }
        return false;
    }

    /** Triggered checks first, then the best waiting pair, then the best frozen one (unfrozen). */
    CandidatePair next(Generation gen) {
        CandidatePair t;
        while ((t = triggered.poll()) != null) {
            t.triggered = false;
            if (t.generation == gen && pairs.contains(t)) {
                return t;
            }
        }
        CandidatePair best = best(CandidatePair.State.WAITING);
        return best != null ? best : best(CandidatePair.State.FROZEN);
    }

    private CandidatePair best(CandidatePair.State state) {
        CandidatePair best = null;
        for (CandidatePair p : pairs) {
            if (p.state == state && (best == null || p.priority > best.priority)) {
                best = p;
            }
        }
        return best;
    }

    void trigger(CandidatePair p, boolean front) {
        if (p.triggered) {
            if (front) {
                triggered.remove(p);
                triggered.addFirst(p);
            }
            return;
        }
        p.triggered = true;
        if (front) {
            triggered.addFirst(p);
        } else {
            triggered.add(p);
        }
    }

    /** A pair of this foundation succeeded: its frozen siblings may go. */
    void unfreeze(String foundation) {
        for (CandidatePair q : pairs) {
            if (q.state == CandidatePair.State.FROZEN && q.foundation().equals(foundation)) {
                q.state = CandidatePair.State.WAITING;
            }
        }
    }

    /** @return true if no pair is frozen, waiting or in progress */
    boolean finished() {
        for (CandidatePair p : pairs) {
            if (p.state == CandidatePair.State.WAITING || p.state == CandidatePair.State.IN_PROGRESS
                    || p.state == CandidatePair.State.FROZEN) {
                return false;
            }
        }
        return true;
    }

    /** @return true if every pair failed and nothing is valid */
    boolean allFailed() {
        for (CandidatePair p : pairs) {
            if (p.state != CandidatePair.State.FAILED) {
                return false;
            }
        }
        return valid.isEmpty();
    }

    /** @return true if a pending pair has a higher priority than {@code priority} */
    boolean betterPending(long priority) {
        for (CandidatePair p : pairs) {
            if ((p.state == CandidatePair.State.WAITING || p.state == CandidatePair.State.IN_PROGRESS
                    || p.state == CandidatePair.State.FROZEN) && p.priority > priority) {
                return true;
            }
        }
        return false;
    }

    boolean nominationInFlight() {
        for (CandidatePair p : pairs) {
            if (p.nominating && p.state != CandidatePair.State.FAILED) {
                return true;
            }
        }
        return false;
    }

    void updatePriorities(boolean controlling) {
        for (CandidatePair p : pairs) {
            p.updatePriority(controlling);
            p.nominating = false;
        }
        for (CandidatePair p : valid) {
            p.updatePriority(controlling);
        }
    }

    // ---- valid list

    List<CandidatePair> valid() {
        return valid;
    }

    void addValid(CandidatePair v, CandidatePair checkedFrom) {
        v.checkedFrom = checkedFrom;
        v.valid = true;
        valid.add(v);
    }

    CandidatePair validFrom(CandidatePair checked) {
        for (CandidatePair v : valid) {
            if (v.checkedFrom == checked) {
                return v;
            }
        }
        return null;
    }

    void invalidate(CandidatePair checked) {
        valid.removeIf(v -> v.checkedFrom == checked);
    }

    /** @return the highest-priority valid pair of {@code gen} whose check still stands */
    CandidatePair bestValid(Generation gen) {
        CandidatePair best = null;
        for (CandidatePair v : valid) {
            if (v.generation == gen && v.checkedFrom.state == CandidatePair.State.SUCCEEDED
                    && (best == null || v.priority > best.priority)) {
                best = v;
            }
        }
        return best;
    }

    /** A pair that may carry data arriving on {@code local} from {@code from}. */
    CandidatePair forData(IceCandidate local, InetSocketAddress from) {
        for (CandidatePair p : valid) {
            if (p.remote().address().equals(from) && IceCandidate.sameBase(p.local(), local)) {
                return p;
            }
        }
        for (CandidatePair p : pairs) {
            if (p.remoteAuthenticated && p.remote().address().equals(from) && IceCandidate.sameBase(p.local(), local)) {
                return p;
            }
        }
        return null;
    }
}
