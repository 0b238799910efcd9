package org.childjourney.query.deadletter;

/** Every journey waiting in a dead-letter queue, by processing group. */
record FindDeadLetters() {
}
