package dev.backcast.command.plan;

import dev.backcast.plan.Reason;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.UUID;

/** The field rules every decision shares: required values, text limits, ranges and reasons. */
public final class Checks {

    public static final int TITLE_LIMIT = 200;
    public static final int NAME_LIMIT = 200;
    public static final int TEXT_LIMIT = 10_000;
    public static final int MAX_DAYS = 3650;

    private Checks() {
    }

    public static String requiredText(String field, String value, int limit) {
        if (value == null || value.isBlank()) {
            throw PlanRejection.invalid(field, field + " is required and must not be blank");
        }
        return optionalText(field, value, limit);
    }

    public static String optionalText(String field, String value, int limit) {
        if (value != null && value.length() > limit) {
            throw PlanRejection.invalid(field, field + " has " + value.length() + " characters; at most " + limit
                    + " are allowed");
        }
        if (value != null && value.chars().anyMatch(Checks::forbiddenControl)) {
            throw PlanRejection.invalid(field, field + " contains a control character; only tabs and line breaks "
                    + "are allowed in text");
        }
        return value;
    }

    /** Control characters other than tab and line breaks: PostgreSQL's text and jsonb cannot even hold U+0000. */
    private static boolean forbiddenControl(int character) {
        return Character.isISOControl(character) && character != '\t' && character != '\n' && character != '\r';
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw PlanRejection.invalid(field, field + " is required");
        }
        return value;
    }

    public static int days(String field, Integer value) {
        return range(field, required(field, value), 0, MAX_DAYS);
    }

    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw PlanRejection.invalid(field, field + " is " + value + "; it must be between " + min + " and " + max);
        }
        return value;
    }

    public static void requiredReason(Reason reason) {
        if (reason == null) {
            throw PlanRejection.invalid("reason",
                    "reason is required when a change alters or removes what the plan holds: give {\"category\", \"note\"}");
        }
        validReason(reason);
    }

    public static void validReason(Reason reason) {
        if (reason != null) {
            required("reason.category", reason.category());
            optionalText("reason.note", reason.note(), TEXT_LIMIT);
        }
    }

    public static void notInFuture(String field, LocalDate day, LocalDate today) {
        required(field, day);
        if (day.isAfter(today)) {
            throw PlanRejection.ruleViolated(field, field + " is " + day + ", which is in the future (today is "
                    + today + "); record what actually happened once it has");
        }
    }

    /** A list of ids must name each element once, and never null. */
    public static void distinct(String field, Collection<UUID> ids) {
        if (ids != null && ids.stream().anyMatch(java.util.Objects::isNull)) {
            throw PlanRejection.invalid(field, field + " must list ids (UUIDs), not null");
        }
        if (ids != null && new HashSet<>(ids).size() != ids.size()) {
            throw PlanRejection.invalid(field, field + " lists the same id more than once");
        }
    }
}
