package dev.backcast.plan;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An unmodifiable map in insertion order that {@link PlanState} can take over without copying, so folding an event
 * copies only the part of the plan it changes, and folding a long history copies each part once.
 */
final class FrozenMap<K, V> extends AbstractMap<K, V> {

    private final Map<K, V> entries;

    private FrozenMap(Map<K, V> entries) {
        this.entries = entries;
    }

    static <K, V> Map<K, V> copyOf(Map<K, V> map) {
        if (map instanceof FrozenMap<K, V>) {
            return map;
        }
        return new FrozenMap<>(map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map));
    }

    /** Takes over a map nobody else holds; the caller must never change it again. */
    static <K, V> Map<K, V> adopt(LinkedHashMap<K, V> map) {
        return new FrozenMap<>(map);
    }

    @Override
    public V get(Object key) {
        return entries.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return Collections.unmodifiableMap(entries).entrySet();
    }
}
