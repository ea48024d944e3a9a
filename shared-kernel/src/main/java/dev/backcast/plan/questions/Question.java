package dev.backcast.plan.questions;

import java.util.UUID;

/** A question about the plan and, once given, its answer. */
public record Question(UUID id, QuestionKind kind, String text, String answer) {

    public boolean answered() {
        return answer != null;
    }
}
