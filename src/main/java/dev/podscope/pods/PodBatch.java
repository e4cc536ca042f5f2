package dev.podscope.pods;

import dev.podscope.session.ConnectionState;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything that happened to a context's pods since the last batch, coalesced by pod key: apply {@code reset}
 * (if any) first, then {@code deleted}, then {@code upserted}. A key is never in both {@code deleted} and
 * {@code upserted}. {@code state} is the latest connection state, or null when it did not change.
 */
public record PodBatch(List<PrintedPod> reset, Set<PodKey> deleted, Map<PodKey, PrintedPod> upserted,
                       ConnectionState state, String stateMessage) {

    public boolean isEmpty() {
        return reset == null && deleted.isEmpty() && upserted.isEmpty() && state == null;
    }
}
