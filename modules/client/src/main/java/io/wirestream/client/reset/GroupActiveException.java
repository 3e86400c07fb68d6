package io.wirestream.client.reset;

import java.util.List;

/** The application still has running instances: resetting under them would be undone by their next commit. */
public final class GroupActiveException extends IllegalStateException {

    public GroupActiveException(String applicationId, List<String> members) {
        super("application " + applicationId + " still has " + members.size() + " active member(s) (" + String.join(", ", members)
                + "): stop every instance of it first. A stopped Kafka Streams instance stays in the group until its"
                + " session times out (session.timeout.ms, 45 s by default): retry then, or pass --wait 60s");
    }
}
