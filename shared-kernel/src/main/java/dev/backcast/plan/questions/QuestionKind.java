package dev.backcast.plan.questions;

/** Who asks: customers, the organisation, or a skeptic challenging the plan. */
public enum QuestionKind {
    CUSTOMER_FAQ, INTERNAL_FAQ, SKEPTIC
}
