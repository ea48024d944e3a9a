package dev.backcast.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.backcast.plan.PlanState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The structured changes between two plan states, found generically by comparing their JSON trees, so a field added
 * to the plan later shows up in history without anyone having to remember this class.
 *
 * <p>Objects (the plan, its goal, maps keyed by id, the elements in them) are compared field by field; an element
 * that exists on one side only is one change at its own path. Everything else, lists included (predecessors,
 * holidays, measurements), is compared as a whole value.
 */
public final class StateChanges {

    /** The revision number changes with every event; it says when, not what. */
    private static final String REVISION = "revision";

    /**
     * Dates as ISO strings, as the API writes them. Decimals keep the scale they were recorded with: Jackson would
     * otherwise strip 3100 to 3.1E+3.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private StateChanges() {
    }

    /**
     * Ordered by path. The plan's parts (metrics, milestones, questions, risks, baselines) are compared element by
     * element, skipping elements the fold left untouched (the same object on both sides), so the cost follows the
     * size of the change, not the size of the plan.
     */
    public static List<FieldChange> between(PlanState before, PlanState after) {
        return between(before, after, new Trees());
    }

    /**
     * The same, with the trees of a sequence of states: folding event after event, each state after one event is the
     * state before the next, and its trees are built once for both comparisons.
     */
    public static List<FieldChange> between(PlanState before, PlanState after, Trees trees) {
        List<FieldChange> changes = new ArrayList<>();
        if (!sameShell(before, after)) {
            collect("", trees.replacedShell(before), trees.shell(after), changes);
        }
        compareParts("metrics", before.metrics(), after.metrics(), trees, changes);
        compareParts("milestones", before.milestones(), after.milestones(), trees, changes);
        compareParts("questions", before.questions(), after.questions(), trees, changes);
        compareParts("risks", before.risks(), after.risks(), trees, changes);
        compareParts("baselines", before.baselines(), after.baselines(), trees, changes);
        changes.sort(Comparator.comparing(FieldChange::path));
        return List.copyOf(changes);
    }

    /**
     * JSON trees of plans' shells and parts, each built once per object: states and their parts never change once
     * folded, so the same object always has the same tree. A tree is let go once its object was on the side before a
     * change, which a sequence of states never compares again; so only the latest state's trees are kept, however
     * long the sequence. Not thread-safe; one per sequence of comparisons.
     */
    public static final class Trees {

        private final Map<Object, JsonNode> built = new IdentityHashMap<>();

        private JsonNode shell(PlanState state) {
            return kept(state, () -> shellTree(state));
        }

        private JsonNode replacedShell(PlanState state) {
            return taken(state, () -> shellTree(state));
        }

        private JsonNode of(Object element) {
            return element == null ? NullNode.getInstance() : kept(element, () -> JSON.valueToTree(element));
        }

        private JsonNode replaced(Object element) {
            return element == null ? NullNode.getInstance() : taken(element, () -> JSON.valueToTree(element));
        }

        private JsonNode kept(Object object, Supplier<JsonNode> tree) {
            return built.computeIfAbsent(object, key -> tree.get());
        }

        private JsonNode taken(Object object, Supplier<JsonNode> tree) {
            JsonNode kept = built.remove(object);
            return kept != null ? kept : tree.get();
        }

        /** The plan without its parts and its revision. */
        private static JsonNode shellTree(PlanState state) {
            ObjectNode shell = JSON.valueToTree(new PlanState(state.planId(), 0, state.title(), state.portfolio(),
                    state.calendar(), state.goal(), state.status(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                    state.achievedOn(), null));
            shell.remove(REVISION);
            return shell;
        }
    }

    /** The fold keeps every part an event leaves alone, so the same objects mean nothing changed there. */
    private static boolean sameShell(PlanState before, PlanState after) {
        return before.planId() == after.planId() && before.title() == after.title()
                && before.portfolio() == after.portfolio() && before.calendar() == after.calendar()
                && before.goal() == after.goal() && before.status() == after.status()
                && before.achievedOn() == after.achievedOn();
    }

    private static <K, V> void compareParts(String part, Map<K, V> before, Map<K, V> after, Trees trees,
                                            List<FieldChange> changes) {
        if (before == after) {
            return;
        }
        Set<K> keys = new java.util.LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (K key : keys) {
            V was = before.get(key);
            V is = after.get(key);
            if (was != is) {
                collect(part + "/" + escaped(key.toString()), trees.replaced(was), trees.of(is), changes);
            }
        }
    }

    private static void collect(String path, JsonNode before, JsonNode after, List<FieldChange> changes) {
        if (before.equals(after)) {
            return;
        }
        if (!before.isObject() || !after.isObject()) {
            changes.add(new FieldChange(path, plain(before), plain(after)));
            return;
        }
        Set<String> keys = new TreeSet<>();
        before.properties().forEach(property -> keys.add(property.getKey()));
        after.properties().forEach(property -> keys.add(property.getKey()));
        for (String key : keys) {
            collect(path.isEmpty() ? escaped(key) : path + "/" + escaped(key), valueAt(before, key),
                    valueAt(after, key), changes);
        }
    }

    /** A key absent on one side reads as null there, so an added element is reported as null → element. */
    private static JsonNode valueAt(JsonNode object, String key) {
        return Objects.requireNonNullElse(object.get(key), NullNode.getInstance());
    }

    private static String escaped(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> object = new LinkedHashMap<>();
            node.properties().forEach(property -> object.put(property.getKey(), plain(property.getValue())));
            return Collections.unmodifiableMap(object);
        }
        if (node.isArray()) {
            List<Object> array = new ArrayList<>();
            node.forEach(element -> array.add(plain(element)));
            return Collections.unmodifiableList(array);
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.asText();
    }
}
