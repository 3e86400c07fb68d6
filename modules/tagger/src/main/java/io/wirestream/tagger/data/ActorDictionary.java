package io.wirestream.tagger.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The hand-curated actors ({@code data/actors/*.tsv}), and the phrases that block region matches. */
public final class ActorDictionary {

    /** The actor files, in load order. */
    public static final List<String> FILES = List.of("leaders", "ministers", "governments", "igos", "armed-groups",
            "media", "parties-companies");

    private final Map<String, Actor> byId;
    private final List<String> blockers;

    private ActorDictionary(Map<String, Actor> byId, List<String> blockers) {
        this.byId = byId;
        this.blockers = blockers;
    }

    public static ActorDictionary load() {
        Map<String, Actor> byId = new LinkedHashMap<>();
        for (String file : FILES) {
            for (Tsv.Row r : Tsv.resource(Gazetteer.DIR + "actors/" + file + ".tsv", true)) {
                List<Role> roles = new ArrayList<>();
                for (String spec : r.list("roles")) {
                    try {
                        roles.add(Role.parse(spec));
                    } catch (RuntimeException e) {
                        throw r.error("bad role '" + spec + "': " + e.getMessage());
                    }
                }
                String country = r.get("country");
                String code = r.get("code");
                Actor a;
                try {
                    a = new Actor(r.get("id"), Actor.kind(r.get("kind")), r.get("name"), r.list("aliases"), r.list("short"),
                            country.isEmpty() ? null : country, code.isEmpty() ? null : code, List.copyOf(roles));
                } catch (IllegalArgumentException e) {
                    throw r.error(e.getMessage());
                }
                if (byId.putIfAbsent(a.id(), a) != null) {
                    throw r.error("duplicate actor id " + a.id());
                }
            }
        }
        List<String> blockers = new ArrayList<>();
        for (Tsv.Row r : Tsv.resource(Gazetteer.DIR + "blockers.tsv", true)) {
            blockers.add(r.get("phrase"));
        }
        return new ActorDictionary(java.util.Collections.unmodifiableMap(byId), List.copyOf(blockers));
    }

    public Actor actor(String id) {
        return byId.get(id);
    }

    public Iterable<Actor> actors() {
        return byId.values();
    }

    public int size() {
        return byId.size();
    }

    public List<String> blockers() {
        return blockers;
    }
}
