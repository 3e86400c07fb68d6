package io.wirestream.client.subscribe;

/** A {@link Subscriber} cannot go on: a topic is missing, or the handler failed (the message says where). */
public class SubscriberException extends RuntimeException {

    public SubscriberException(String message) {
        super(message);
    }

    public SubscriberException(String message, Throwable cause) {
        super(message, cause);
    }
}
