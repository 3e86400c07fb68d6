package io.wirestream.dedup.stream;

import io.wirestream.dedup.core.EventOrder;
import io.wirestream.model.Story;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The story side of dedup, partitioned by story id: folds members joining and leaving into each story's
 * current state and publishes it to the compacted stories topic; a story left by every member (merged
 * into another by a correction) is deleted with a tombstone. Joins and leaves commute, so the state
 * does not depend on the order they arrive from different article partitions.
 */
final class StoryProcessor implements Processor<String, StoryDelta, String, Story> {

    /** Member ids published per story; {@code memberCount} stays exact beyond it. */
    static final int MAX_MEMBER_IDS = 1_000;

    private final String storeName;
    private ProcessorContext<String, Story> context;
    private KeyValueStore<String, StoryState> store;

    StoryProcessor(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, Story> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, StoryDelta> record) {
        StoryDelta delta = record.value();
        StoryState state = store.get(record.key());
        List<StoryDelta> members = new ArrayList<>(state == null ? List.of() : state.members());
        members.removeIf(m -> m.articleId().equals(delta.articleId()));
        if (delta.join()) {
            members.add(delta);
            members.sort((a, b) -> EventOrder.compare(a.eventTime(), a.articleId(), b.eventTime(), b.articleId()));
        }
        if (members.isEmpty()) {
            store.delete(record.key());
            context.forward(new Record<>(record.key(), (Story) null, record.timestamp()));
            return;
        }
        store.put(record.key(), new StoryState(members));
        StoryDelta first = members.get(0);
        TreeSet<String> sources = new TreeSet<>();
        long last = Long.MIN_VALUE;
        List<String> ids = new ArrayList<>();
        for (StoryDelta m : members) {
            sources.add(m.source());
            last = Math.max(last, m.eventTime());
            if (ids.size() < MAX_MEMBER_IDS) {
                ids.add(m.articleId());
            }
        }
        context.forward(new Record<>(record.key(), Story.newBuilder()
                .setStoryId(record.key())
                .setFirstArticleId(first.articleId())
                .setTitle(first.title())
                .setMemberCount(members.size())
                .setArticleIds(ids)
                .setSources(new ArrayList<>(sources))
                .setFirstSeen(Instant.ofEpochMilli(first.eventTime()))
                .setLastSeen(Instant.ofEpochMilli(last))
                .build(), record.timestamp()));
    }
}
