package dev.backcast.query.history;

/**
 * One difference between two plan states, as the revision history shows it.
 *
 * <p>{@code before} and {@code after} are plain JSON values, not Jackson nodes, so that callers can compare them
 * with {@code equals} and any serializer writes them as they are: {@code String} (dates are ISO strings),
 * {@code Integer}, {@code Long} or {@code BigDecimal}, {@code Boolean}, {@code null}, or an unmodifiable
 * {@code Map}/{@code List} for a whole element or a list.
 *
 * @param path   slash-separated keys from the plan's root, e.g. {@code milestones/<uuid>/leadTimeDays}; a key that
 *               holds {@code /} or {@code ~} is escaped as in JSON Pointer ({@code ~1}, {@code ~0})
 * @param before the value before, or null where the element did not exist yet
 * @param after  the value after, or null where the element was removed
 */
public record FieldChange(String path, Object before, Object after) {
}
