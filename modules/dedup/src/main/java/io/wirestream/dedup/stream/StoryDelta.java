package io.wirestream.dedup.stream;

import org.apache.kafka.common.serialization.Serde;

/** An article joining ({@code join=true}) or leaving a story, keyed by story id. */
record StoryDelta(boolean join, String articleId, long eventTime, String source, String title) {

    static final Serde<StoryDelta> SERDE = Codec.serde("story delta", (d, out) -> {
        out.writeBoolean(d.join);
        out.writeUTF(d.articleId);
        out.writeLong(d.eventTime);
        out.writeUTF(d.source);
        out.writeUTF(d.title);
    }, in -> new StoryDelta(in.readBoolean(), in.readUTF(), in.readLong(), in.readUTF(), in.readUTF()));
}
