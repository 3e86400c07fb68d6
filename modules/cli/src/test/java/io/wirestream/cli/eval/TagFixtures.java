package io.wirestream.cli.eval;

import io.wirestream.model.ActorKind;
import io.wirestream.model.ActorTag;
import io.wirestream.model.Mention;
import io.wirestream.model.RegionKind;
import io.wirestream.model.RegionTag;
import io.wirestream.model.TextField;
import io.wirestream.tagger.Analysis;
import java.util.ArrayList;
import java.util.List;

/** Hand-made tags, so the metric arithmetic is tested independently of what the tagger finds. */
final class TagFixtures {

    private TagFixtures() {
    }

    static RegionTag region(String code, String name, RegionKind kind, String country) {
        return region(code, name, kind, country, false, null);
    }

    /** A region with body mentions of {@code text} at the given [start, end) pairs. */
    static RegionTag region(String code, String name, RegionKind kind, String country, boolean focus, String text,
            int... spans) {
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i + 1 < spans.length; i += 2) {
            mentions.add(Mention.newBuilder().setField(TextField.BODY).setStart(spans[i]).setEnd(spans[i + 1])
                    .setSurface(text.substring(spans[i], spans[i + 1])).setRule("test:name").build());
        }
        return RegionTag.newBuilder().setCode(code).setName(name).setKind(kind).setCountry(country).setFocus(focus)
                .setConfidence(1).setMentionCount(mentions.size()).setMentions(mentions).setRule("test").build();
    }

    static ActorTag actor(String id, String name) {
        return ActorTag.newBuilder().setId(id).setName(name).setKind(ActorKind.OTHER).setConfidence(1)
                .setMentionCount(0).setMentions(List.of()).setRule("test").build();
    }

    static Analysis analysis(List<RegionTag> regions, List<ActorTag> actors) {
        return new Analysis(regions, actors, regions.stream().filter(RegionTag::getFocus).map(RegionTag::getCode)
                .findFirst().orElse(null));
    }
}
