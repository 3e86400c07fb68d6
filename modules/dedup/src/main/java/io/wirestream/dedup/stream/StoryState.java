package io.wirestream.dedup.stream;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;

/** The members of one story, earliest first (as {@link StoryDelta}s with join=true). */
record StoryState(List<StoryDelta> members) {

    static final Serde<StoryState> SERDE = Codec.serde("story state", (s, out) -> {
        out.writeInt(s.members.size());
        for (StoryDelta m : s.members) {
            out.writeUTF(m.articleId());
            out.writeLong(m.eventTime());
            out.writeUTF(m.source());
            out.writeUTF(m.title());
        }
    }, in -> {
        int n = in.readInt();
        List<StoryDelta> members = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            members.add(new StoryDelta(true, in.readUTF(), in.readLong(), in.readUTF(), in.readUTF()));
        }
        return new StoryState(members);
    });
}
