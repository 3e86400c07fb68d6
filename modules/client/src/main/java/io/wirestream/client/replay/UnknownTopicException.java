package io.wirestream.client.replay;

/** The topic to replay does not exist on the cluster. */
public final class UnknownTopicException extends IllegalArgumentException {

    private final String topic;

    public UnknownTopicException(String topic) {
        super("topic " + topic + " does not exist (wirestream topics lists the topics; check --topic and --topic-prefix)");
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }
}
