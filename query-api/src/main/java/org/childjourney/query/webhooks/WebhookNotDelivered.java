package org.childjourney.query.webhooks;

/**
 * An agency's endpoint did not take an item after every attempt: the item waits in the dead-letter queue, with the
 * agency's later items behind it, and is offered again ({@link WebhookDelivery}).
 */
class WebhookNotDelivered extends RuntimeException {

    WebhookNotDelivered(String agency, int status) {
        super("the webhook of " + agency + " did not take an item (last status " + status + ")");
    }
}
