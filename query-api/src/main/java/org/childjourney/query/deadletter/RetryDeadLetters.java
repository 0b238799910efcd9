package org.childjourney.query.deadletter;

/** Hand the group's waiting journeys to its projections again, each in order. */
record RetryDeadLetters(String group) {
}
