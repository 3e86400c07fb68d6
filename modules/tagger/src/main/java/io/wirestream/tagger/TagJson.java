package io.wirestream.tagger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirestream.model.ActorTag;
import io.wirestream.model.Mention;
import io.wirestream.model.RegionTag;
import io.wirestream.model.TextField;
import java.util.List;

/**
 * The JSON shape of {@code wirestream analyze}: {@code {"id", "regions": [...], "actors": [...]}}, with
 * mentions as {@code {"start", "end", "text"}} plus {@code "field": "title"} for title mentions.
 */
public final class TagJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TagJson() {
    }

    public static ObjectNode line(String id, Analysis analysis) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        ArrayNode regions = o.putArray("regions");
        for (RegionTag r : analysis.regions()) {
            ObjectNode n = regions.addObject();
            n.put("code", r.getCode());
            n.put("name", r.getName());
            n.put("kind", r.getKind().name());
            n.put("country", r.getCountry());
            n.put("lat", r.getLat());
            n.put("lon", r.getLon());
            n.put("focus", r.getFocus());
            n.put("salience", r.getSalience());
            n.put("confidence", r.getConfidence());
            n.put("rule", r.getRule());
            mentions(n, r.getMentions());
        }
        ArrayNode actors = o.putArray("actors");
        for (ActorTag a : analysis.actors()) {
            ObjectNode n = actors.addObject();
            n.put("id", a.getId());
            n.put("name", a.getName());
            n.put("kind", a.getKind().name());
            n.put("country", a.getCountry());
            n.put("role", a.getRole());
            n.put("code", a.getCode());
            n.put("confidence", a.getConfidence());
            n.put("rule", a.getRule());
            mentions(n, a.getMentions());
        }
        return o;
    }

    private static void mentions(ObjectNode n, List<Mention> mentions) {
        ArrayNode out = n.putArray("mentions");
        for (Mention m : mentions) {
            ObjectNode x = out.addObject();
            x.put("start", m.getStart());
            x.put("end", m.getEnd());
            x.put("text", m.getSurface());
            if (m.getField() == TextField.TITLE) {
                x.put("field", "title");
            }
            x.put("rule", m.getRule());
        }
    }
}
