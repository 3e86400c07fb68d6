package io.wirestream.tagger.data;

import io.wirestream.model.RegionKind;

/**
 * A region the gazetteer knows. {@code country} is the ISO alpha-2 code of the country it lies in (its own
 * code for a country); {@code subdivision} the ISO 3166-2 code a city lies in; {@code population} 0 when
 * unknown. {@code capital} marks national capitals, whose names also stand for their governments.
 */
public record Place(String code, String name, RegionKind kind, String country, String subdivision,
        Double lat, Double lon, long population, boolean capital) {

    public boolean isCity() {
        return kind == RegionKind.CITY;
    }
}
