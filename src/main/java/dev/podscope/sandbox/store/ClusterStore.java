package dev.podscope.sandbox.store;

import dev.podscope.format.WireJson;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * The sandbox's etcd: every object of every resource type, one cluster-wide revision counter, and a bounded history
 * of changes so that watches can resume from a resourceVersion (older ones get 410 Gone, as from a real server).
 * The history keeps at most {@code historyLimit} changes and none older than {@link #HISTORY_WINDOW}, as the API
 * server compacts etcd every five minutes: each change holds a whole object and its JSON, and a long-running
 * sandbox would otherwise fill the history with superseded versions of the same few pods.
 * <p>
 * Objects handed to {@link #create} become the store's; objects returned are shared and must not be mutated —
 * {@link #modify} hands the mutator a private copy.
 */
public final class ClusterStore {
    public static final Duration HISTORY_WINDOW = Duration.ofMinutes(5);
    private static final int WATCH_QUEUE_CAPACITY = 100_000;
    /** Below this many objects a batch is serialized on the calling thread alone. */
    private static final int PARALLEL_BATCH = 64;

    private final Clock clock;
    private final int historyLimit;
    private final Random uidRandom;
    private final Object lock = new Object();
    private final Map<ResourceType<?>, TreeMap<String, StoredObject<?>>> objects = new HashMap<>();
    private final ArrayDeque<Retained> history = new ArrayDeque<>();
    private final List<StoreWatch> watches = new CopyOnWriteArrayList<>();
    private long revision = 1;
    private long compactedRevision = 1;

    public ClusterStore(Clock clock, int historyLimit, long seed) {
        this.clock = clock;
        this.historyLimit = historyLimit;
        this.uidRandom = new Random(seed);
        for (ResourceType<?> type : Resources.all()) {
            objects.put(type, new TreeMap<>());
        }
    }

    public Clock clock() {
        return clock;
    }

    public long revision() {
        synchronized (lock) {
            return revision;
        }
    }

    public <T extends KubernetesObject> Optional<StoredObject<T>> get(ResourceType<T> type, String namespace, String name) {
        synchronized (lock) {
            return Optional.ofNullable(cast(table(type).get(key(namespace, name))));
        }
    }

    /** All objects of a type, in one namespace or (namespace null) all, sorted by namespace then name. */
    public <T extends KubernetesObject> Snapshot<T> list(ResourceType<T> type, String namespace) {
        synchronized (lock) {
            TreeMap<String, StoredObject<?>> table = table(type);
            var range = namespace == null || !type.namespaced()
                    ? table.values()
                    : table.subMap(namespace + "/", namespace + "0").values();
            List<StoredObject<T>> items = new ArrayList<>(range.size());
            for (StoredObject<?> stored : range) {
                items.add(cast(stored));
            }
            return new Snapshot<>(items, revision);
        }
    }

    public <T extends KubernetesObject> StoredObject<T> create(ResourceType<T> type, T object) {
        synchronized (lock) {
            checkCreatable(type, object.getMetadata(), Set.of());
            long rev = revision + 1;
            prepare(type, object, rev);
            return record(StoreEvent.Type.ADDED, type, object, WireJson.bytes(object), rev);
        }
    }

    /**
     * Creates many objects as if one by one in list order: consecutive revisions, one ADDED event each. The whole
     * batch is checked first, so a refused object (a duplicate, a missing namespace) creates none of them; a batch
     * may create a namespace and objects in it. The objects are serialized in parallel, under the lock, because
     * their JSON carries the revision they are committed at.
     */
    public List<StoredObject<?>> createAll(List<NewObject<?>> batch) {
        synchronized (lock) {
            Set<String> batchKeys = new HashSet<>();
            for (NewObject<?> item : batch) {
                V1ObjectMeta meta = item.object().getMetadata();
                checkCreatable(item.type(), meta, batchKeys);
                batchKeys.add(typedKey(item.type(), meta.getNamespace(), meta.getName()));
            }
            long first = revision + 1;
            for (int i = 0; i < batch.size(); i++) {
                prepare(batch.get(i), first + i);
            }
            byte[][] json = new byte[batch.size()][];
            IntStream indexes = IntStream.range(0, batch.size());
            (batch.size() < PARALLEL_BATCH ? indexes : indexes.parallel())
                    .forEach(i -> json[i] = WireJson.bytes(batch.get(i).object()));
            List<StoredObject<?>> stored = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                stored.add(record(batch.get(i), json[i], first + i));
            }
            return stored;
        }
    }

    /**
     * Applies {@code change} to a private copy of the current object and stores the result; a change that returns
     * null leaves the object as it is. The change runs under the store lock: keep it short and never call the store.
     */
    public <T extends KubernetesObject> StoredObject<T> modify(ResourceType<T> type, String namespace, String name,
                                                                UnaryOperator<T> change) {
        synchronized (lock) {
            StoredObject<T> current = cast(table(type).get(key(namespace, name)));
            if (current == null) {
                throw StoreException.notFound(type, name);
            }
            T changed = change.apply(copy(type, current));
            return changed == null ? current : commit(StoreEvent.Type.MODIFIED, type, changed);
        }
    }

    /** Replaces an object (a PUT); when the new object names a resourceVersion it must be the current one. */
    public <T extends KubernetesObject> StoredObject<T> replace(ResourceType<T> type, T object) {
        V1ObjectMeta meta = object.getMetadata();
        synchronized (lock) {
            StoredObject<T> current = cast(table(type).get(key(meta.getNamespace(), meta.getName())));
            if (current == null) {
                throw StoreException.notFound(type, meta.getName());
            }
            String expected = meta.getResourceVersion();
            if (expected != null && !expected.isEmpty() && !expected.equals(Long.toString(current.revision()))) {
                throw new StoreException(409, "Conflict", "Operation cannot be fulfilled on " + type.groupResource()
                        + " \"" + meta.getName() + "\": the object has been modified; please apply your changes"
                        + " to the latest version and try again");
            }
            V1ObjectMeta old = current.object().getMetadata();
            meta.setUid(old.getUid());
            meta.setCreationTimestamp(old.getCreationTimestamp());
            return commit(StoreEvent.Type.MODIFIED, type, object);
        }
    }

    /** Removes an object at once (finalizers and grace periods are the caller's business). */
    public <T extends KubernetesObject> StoredObject<T> delete(ResourceType<T> type, String namespace, String name) {
        synchronized (lock) {
            StoredObject<T> current = cast(table(type).get(key(namespace, name)));
            if (current == null) {
                throw StoreException.notFound(type, name);
            }
            return commit(StoreEvent.Type.DELETED, type, copy(type, current));
        }
    }

    /**
     * Watches changes after {@code fromRevision}: the retained history first, then live changes.
     * Throws 410 Gone when that revision has been compacted away.
     */
    public StoreWatch watch(ResourceType<?> type, String namespace, long fromRevision) {
        synchronized (lock) {
            if (fromRevision < compactedRevision) {
                throw StoreException.gone(fromRevision, compactedRevision);
            }
            String ns = type.namespaced() ? namespace : null;
            StoreWatch[] holder = new StoreWatch[1];
            StoreWatch watch = new StoreWatch(type, ns, WATCH_QUEUE_CAPACITY, () -> watches.remove(holder[0]));
            holder[0] = watch;
            for (Retained retained : history) {
                StoreEvent event = retained.event();
                if (event.revision() > fromRevision && watch.matches(event)) {
                    watch.offer(event);
                }
            }
            watches.add(watch);
            return watch;
        }
    }

    public OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    }

    private void checkCreatable(ResourceType<?> type, V1ObjectMeta meta, Set<String> batchKeys) {
        String key = key(meta.getNamespace(), meta.getName());
        if (table(type).containsKey(key) || batchKeys.contains(typedKey(type, meta.getNamespace(), meta.getName()))) {
            throw StoreException.alreadyExists(type, meta.getName());
        }
        if (type.namespaced() && !table(Resources.NAMESPACES).containsKey(key(null, meta.getNamespace()))
                && !batchKeys.contains(typedKey(Resources.NAMESPACES, null, meta.getNamespace()))) {
            throw StoreException.notFound(Resources.NAMESPACES, meta.getNamespace());
        }
    }

    /** What the API server fills in on create, then the type and revision every stored object carries. */
    private <T extends KubernetesObject> void prepare(ResourceType<T> type, T object, long rev) {
        V1ObjectMeta meta = object.getMetadata();
        if (meta.getUid() == null) {
            meta.setUid(new UUID(uidRandom.nextLong(), uidRandom.nextLong()).toString());
        }
        if (meta.getCreationTimestamp() == null) {
            meta.setCreationTimestamp(now());
        }
        if (meta.getGeneration() == null) {
            meta.setGeneration(1L);
        }
        stamp(type, object, rev);
    }

    private <T extends KubernetesObject> void prepare(NewObject<T> item, long rev) {
        prepare(item.type(), item.object(), rev);
    }

    private <T extends KubernetesObject> StoredObject<T> record(NewObject<T> item, byte[] json, long rev) {
        return record(StoreEvent.Type.ADDED, item.type(), item.object(), json, rev);
    }

    private <T extends KubernetesObject> StoredObject<T> commit(StoreEvent.Type kind, ResourceType<T> type, T object) {
        long rev = revision + 1;
        stamp(type, object, rev);
        return record(kind, type, object, WireJson.bytes(object), rev);
    }

    private static <T extends KubernetesObject> void stamp(ResourceType<T> type, T object, long rev) {
        type.stampTypeMeta(object);
        object.getMetadata().setResourceVersion(Long.toString(rev));
    }

    /** Makes a serialized change the current state at revision {@code rev}, which must be the next one. */
    private <T extends KubernetesObject> StoredObject<T> record(StoreEvent.Type kind, ResourceType<T> type, T object,
                                                                 byte[] json, long rev) {
        revision = rev;
        StoredObject<T> stored = new StoredObject<>(object, json, rev);
        String key = key(object.getMetadata().getNamespace(), object.getMetadata().getName());
        if (kind == StoreEvent.Type.DELETED) {
            table(type).remove(key);
        } else {
            table(type).put(key, stored);
        }
        StoreEvent event = new StoreEvent(kind, type, object, json, rev);
        long now = clock.millis();
        history.addLast(new Retained(event, now));
        long horizon = now - HISTORY_WINDOW.toMillis();
        while (!history.isEmpty() && (history.size() > historyLimit || history.getFirst().committedAt() < horizon)) {
            compactedRevision = history.removeFirst().event().revision();
        }
        for (StoreWatch watch : watches) {
            if (watch.matches(event)) {
                watch.offer(event);
            }
        }
        return stored;
    }

    private record Retained(StoreEvent event, long committedAt) {
    }

    private static <T extends KubernetesObject> T copy(ResourceType<T> type, StoredObject<T> stored) {
        return WireJson.read(stored.json(), type.javaType());
    }

    private TreeMap<String, StoredObject<?>> table(ResourceType<?> type) {
        return objects.get(type);
    }

    private static String key(String namespace, String name) {
        return namespace == null ? "/" + name : namespace + "/" + name;
    }

    private static String typedKey(ResourceType<?> type, String namespace, String name) {
        return type.groupResource() + " " + key(namespace, name);
    }

    @SuppressWarnings("unchecked")
    private static <T extends KubernetesObject> StoredObject<T> cast(StoredObject<?> stored) {
        return (StoredObject<T>) stored;
    }
}
