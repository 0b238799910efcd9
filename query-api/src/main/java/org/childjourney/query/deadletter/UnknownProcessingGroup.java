package org.childjourney.query.deadletter;

/** No read model's processing group has this name, so it has no dead-letter queue. */
final class UnknownProcessingGroup extends RuntimeException {

    UnknownProcessingGroup(String group) {
        super("no dead-letter queue for processing group " + group);
    }
}
