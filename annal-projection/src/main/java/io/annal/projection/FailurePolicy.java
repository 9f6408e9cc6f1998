package io.annal.projection;

/** What a projection does with an event that still fails after every retry. */
public enum FailurePolicy {
    /** Park it as a dead letter and go on with the next event. */
    PARK_AND_CONTINUE,
    /** Stop the projection as failed; the event blocks it until resumed or fixed. */
    STOP
}
