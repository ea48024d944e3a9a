package dev.backcast.server.ui.history;

import dev.backcast.query.plans.PlanDocument;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Says in words where a structured change happened: {@code milestones/<id>/steps/<id>/doneOn} becomes
 * "Milestone “Beta done” › step “Usability test” › done on", with names from either side of the comparison so that
 * removed elements are still named.
 */
public final class ChangeLabels {

    private static final Pattern CAMEL_CASE = Pattern.compile("(?<=[a-z])(?=[A-Z])");
    private static final Map<String, String> COLLECTIONS = Map.of(
            "milestones", "Milestone", "steps", "step", "metrics", "Metric", "questions", "Question",
            "risks", "Risk", "baselines", "Baseline", "goal", "Press release", "measurements", "measurement");

    private final Map<String, String> names;

    private ChangeLabels(Map<String, String> names) {
        this.names = names;
    }

    public static ChangeLabels of(PlanDocument before, PlanDocument after) {
        Map<String, String> names = new HashMap<>();
        for (PlanDocument document : List.of(before, after)) {
            document.milestones().forEach(milestone -> {
                names.put(milestone.milestoneId().toString(), milestone.name());
                milestone.steps().forEach(step -> names.put(step.stepId().toString(), step.description()));
            });
            document.metrics().forEach(metric -> names.put(metric.metricId().toString(), metric.name()));
            document.openQuestions().forEach(question -> names.put(question.questionId().toString(), question.text()));
            document.answeredQuestions().forEach(question -> names.put(question.questionId().toString(),
                    question.text()));
            document.risks().forEach(risk -> names.put(risk.riskId().toString(), risk.description()));
        }
        return new ChangeLabels(names);
    }

    public String where(String path) {
        String[] keys = path.split("/");
        StringBuilder label = new StringBuilder();
        for (int index = 0; index < keys.length; index++) {
            String key = keys[index].replace("~1", "/").replace("~0", "~");
            String collection = COLLECTIONS.get(key);
            if (label.length() > 0) {
                label.append(" › ");
            }
            if (collection != null && index + 1 < keys.length && isId(keys[index + 1])) {
                label.append(collection).append(" “").append(names.getOrDefault(keys[index + 1], "?")).append('”');
                index++;
            } else if (collection != null) {
                label.append(collection);
            } else {
                label.append(words(key));
            }
        }
        return label.toString();
    }

    /** A value as a reader wants it: elements by their fields, lists joined, ids by name. */
    public String value(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .filter(entry -> entry.getValue() != null && !"id".equals(entry.getKey()))
                    .map(entry -> words(String.valueOf(entry.getKey())) + ": " + value(entry.getValue()))
                    .collect(Collectors.joining("; "));
        }
        if (value instanceof Collection<?> list) {
            return list.isEmpty() ? "none" : list.stream().map(this::value).collect(Collectors.joining(", "));
        }
        String text = String.valueOf(value);
        return isId(text) ? names.getOrDefault(text, text) : text;
    }

    private static boolean isId(String text) {
        try {
            return UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }

    private static String words(String key) {
        return CAMEL_CASE.splitAsStream(key).map(String::toLowerCase).collect(Collectors.joining(" "));
    }
}
