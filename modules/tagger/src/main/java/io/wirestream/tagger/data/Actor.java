package io.wirestream.tagger.data;

import io.wirestream.model.ActorKind;
import java.time.LocalDate;
import java.util.List;

/**
 * A known actor from the dictionary. {@code aliases} identify it anywhere; {@code shorts} only with context
 * (see {@code data/README.md}).
 */
public record Actor(String id, ActorKind kind, String name, List<String> aliases, List<String> shorts,
        String country, String code, List<Role> roles) {

    /** The role held on {@code date}, else null. The latest-starting role wins when several overlap. */
    public Role roleOn(LocalDate date) {
        Role best = null;
        for (Role r : roles) {
            if (r.heldOn(date) && (best == null || (r.from() != null && (best.from() == null || r.from().isAfter(best.from()))))) {
                best = r;
            }
        }
        return best;
    }

    /** Dictionary kinds name IGOs {@code IGO}; the wire enum calls them INTERNATIONAL_ORGANIZATION. */
    public static ActorKind kind(String s) {
        return switch (s) {
            case "IGO" -> ActorKind.INTERNATIONAL_ORGANIZATION;
            default -> ActorKind.valueOf(s);
        };
    }

    public boolean active(LocalDate date) {
        return roleOn(date) != null;
    }
}
