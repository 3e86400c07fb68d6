package io.wirestream.tagger;

import io.wirestream.model.ActorTag;
import io.wirestream.model.RegionTag;
import java.util.List;

/** What the tagger found in one article: regions and actors, most relevant first, and the focus region's code. */
public record Analysis(List<RegionTag> regions, List<ActorTag> actors, String focus) {
}
