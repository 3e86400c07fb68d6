package io.wirestream.tagger.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One tab-separated data file: a header line naming the columns, {@code #} comment lines, {@code |} between
 * the values of list cells. Rows are read by column name so that files may add columns.
 */
public final class Tsv {

    /** One row; {@link #get} is the empty string for a missing or empty cell. */
    public record Row(String file, int line, Map<String, Integer> columns, String[] cells) {

        public String get(String column) {
            Integer i = columns.get(column);
            return i == null || i >= cells.length ? "" : cells[i].strip();
        }

        public List<String> list(String column) {
            String v = get(column);
            if (v.isEmpty()) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String s : v.split("\\|")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
            return out;
        }

        public Double decimal(String column) {
            String v = get(column);
            if (v.isEmpty()) {
                return null;
            }
            try {
                return Double.valueOf(v);
            } catch (NumberFormatException e) {
                throw error(column + " is not a number: " + v);
            }
        }

        public long whole(String column, long orElse) {
            String v = get(column);
            try {
                return v.isEmpty() ? orElse : Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw error(column + " is not a whole number: " + v);
            }
        }

        public IllegalStateException error(String message) {
            return new IllegalStateException(file + " line " + line + ": " + message);
        }
    }

    private Tsv() {
    }

    /** The rows of a classpath resource, or none when {@code optional} and the resource is absent. */
    public static List<Row> resource(String path, boolean optional) {
        InputStream in = Tsv.class.getResourceAsStream(path);
        if (in == null) {
            if (optional) {
                return List.of();
            }
            throw new IllegalStateException("tagger data file missing from the classpath: " + path);
        }
        try (in) {
            return read(path, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    static List<Row> read(String name, InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, Integer> columns = null;
        List<Row> rows = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (columns == null) {
                columns = new HashMap<>();
                for (int i = 0; i < cells.length; i++) {
                    columns.put(cells[i].strip(), i);
                }
                continue;
            }
            rows.add(new Row(name, n, columns, Arrays.copyOf(cells, cells.length)));
        }
        return rows;
    }
}
