package io.wirestream.registry.server;

import io.wirestream.registry.client.CompatibilityLevel;
import io.wirestream.registry.client.CompatibilityResult;
import io.wirestream.registry.client.IncompatibleSchemaException;
import io.wirestream.registry.client.SchemaMetadata;
import io.wirestream.registry.client.SchemaNotFoundException;
import io.wirestream.registry.client.SchemaRegistryClient;
import io.wirestream.registry.client.SchemaRegistryStoreException;
import io.wirestream.registry.client.SubjectNotFoundException;
import io.wirestream.registry.client.VersionNotFoundException;
import io.wirestream.registry.server.SchemaStoreEntry.CompatibilitySet;
import io.wirestream.registry.server.SchemaStoreEntry.SchemaRegistered;
import io.wirestream.registry.server.SchemaStoreEntry.SubjectDeleted;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's rules in process: global ids, per-subject versions, compatibility levels, over a
 * {@link SchemaStore}. Behaves as Confluent's server does: re-registering a subject's schema returns
 * its id; the same schema under another subject reuses the global id; a new version must satisfy the
 * subject's level (else the global one). Schemas are compared by their canonical form,
 * {@link Schema#toString()}. Single writer: every method is synchronised.
 *
 * <p>A failed write may still have reached the store (a lost acknowledgement, a timeout), so after
 * one the state is rebuilt from {@link SchemaStore#readAll()} before the next write is accepted;
 * until that re-read succeeds every write fails. Replay keeps the first schema an id was given and
 * the first id a subject version was given, rejecting (and logging) any later entry contradicting them.
 *
 * <p>{@code EmbeddedSchemaRegistry} serves it over HTTP; {@code InMemorySchemaRegistryClient} is it
 * over an in-memory store.
 */
public class LocalSchemaRegistry implements SchemaRegistryClient {

    private static final Logger log = LoggerFactory.getLogger(LocalSchemaRegistry.class);

    private final SchemaStore store;
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<Integer, String> canonicalById = new HashMap<>();
    private final Map<String, Integer> idsByCanonical = new HashMap<>();
    private final Map<String, Subject> subjects = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private final CompatibilityLevel defaultLevel;
    private CompatibilityLevel globalLevel;
    private int nextId = 1;
    /** Set by a failed write: the store may hold an entry this state lacks. */
    private boolean stale;

    /** Per subject: live versions (version -> id) and the highest version ever used. */
    private static final class Subject {
        final TreeMap<Integer, Integer> live = new TreeMap<>();
        int lastVersion;
    }

    /** A registry over {@code store}, replaying its entries; {@code defaultLevel} applies until one is set. */
    public LocalSchemaRegistry(SchemaStore store, CompatibilityLevel defaultLevel) {
        this.store = Objects.requireNonNull(store, "store");
        this.defaultLevel = Objects.requireNonNull(defaultLevel, "defaultLevel");
        this.globalLevel = defaultLevel;
        replay(store.readAll());
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        resyncIfStale();
        String canonical = schema.toString();
        Subject s = subjects.get(subject);
        if (s != null) {
            for (int id : s.live.values()) {
                if (canonicalById.get(id).equals(canonical)) {
                    return id;
                }
            }
        }
        CompatibilityLevel level = compatibility(subject);
        List<String> problems = CompatibilityChecker.check(level, schema, liveVersions(subject));
        if (!problems.isEmpty()) {
            throw new IncompatibleSchemaException("Schema being registered is incompatible with an earlier schema"
                    + " for subject \"" + subject + "\", details: " + problems);
        }
        int id = idsByCanonical.getOrDefault(canonical, nextId);
        int version = (s == null ? 0 : s.lastVersion) + 1;
        write(new SchemaRegistered(subject, version, id, canonical));
        log.info("Registered {} as version {} of subject {} with id {}", schema.getFullName(), version, subject, id);
        return id;
    }

    @Override
    public synchronized SchemaMetadata lookup(String subject, Schema schema) {
        String canonical = schema.toString();
        for (var e : live(subject).live.entrySet()) {
            if (canonicalById.get(e.getValue()).equals(canonical)) {
                return new SchemaMetadata(subject, e.getValue(), e.getKey(), schemasById.get(e.getValue()));
            }
        }
        throw new SchemaNotFoundException("Schema not found under subject '" + subject + "'");
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaNotFoundException("Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized SchemaMetadata latest(String subject) {
        var e = live(subject).live.lastEntry();
        return new SchemaMetadata(subject, e.getValue(), e.getKey(), schemasById.get(e.getValue()));
    }

    @Override
    public synchronized SchemaMetadata version(String subject, int version) {
        Integer id = live(subject).live.get(version);
        if (id == null) {
            throw new VersionNotFoundException("Version " + version + " not found.");
        }
        return new SchemaMetadata(subject, id, version, schemasById.get(id));
    }

    @Override
    public synchronized List<String> subjects() {
        List<String> out = new ArrayList<>();
        subjects.forEach((name, s) -> {
            if (!s.live.isEmpty()) {
                out.add(name);
            }
        });
        return out;
    }

    @Override
    public synchronized List<Integer> versions(String subject) {
        return List.copyOf(live(subject).live.keySet());
    }

    @Override
    public synchronized CompatibilityResult testCompatibility(String subject, Schema schema) {
        Subject s = subjects.get(subject);
        if (s == null || s.live.isEmpty()) {
            return CompatibilityResult.ok();
        }
        return testCompatibility(subject, schema, s.live.lastKey());
    }

    /** Checks {@code schema} against one version of {@code subject}, in the direction(s) of the subject's level. */
    public synchronized CompatibilityResult testCompatibility(String subject, Schema schema, int version) {
        SchemaMetadata target = version(subject, version);
        CompatibilityLevel level = compatibility(subject);
        List<String> problems = CompatibilityChecker.check(level, schema, List.of(target));
        return new CompatibilityResult(problems.isEmpty(), problems);
    }

    /** Checks {@code schema} as registration would: against the latest or, if transitive, every live version. */
    public synchronized CompatibilityResult testCompatibilityWithAll(String subject, Schema schema) {
        List<String> problems = CompatibilityChecker.check(compatibility(subject), schema, liveVersions(subject));
        return new CompatibilityResult(problems.isEmpty(), problems);
    }

    @Override
    public synchronized List<Integer> deleteSubject(String subject) {
        resyncIfStale();
        List<Integer> versions = List.copyOf(live(subject).live.keySet());
        write(new SubjectDeleted(subject));
        log.info("Deleted versions {} of subject {}", versions, subject);
        return versions;
    }

    @Override
    public synchronized CompatibilityLevel globalCompatibility() {
        return globalLevel;
    }

    @Override
    public synchronized CompatibilityLevel setGlobalCompatibility(CompatibilityLevel level) {
        resyncIfStale();
        write(new CompatibilitySet(null, level));
        return level;
    }

    @Override
    public synchronized CompatibilityLevel compatibility(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    /** The level set on the subject itself, or null when it follows the global level. */
    public synchronized CompatibilityLevel subjectCompatibility(String subject) {
        return subjectLevels.get(subject);
    }

    @Override
    public synchronized CompatibilityLevel setCompatibility(String subject, CompatibilityLevel level) {
        resyncIfStale();
        write(new CompatibilitySet(subject, level));
        return level;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + store + "]";
    }

    // --- state --------------------------------------------------------------------------------

    /**
     * Makes an entry durable, then applies it; a store failure is the registry's 50001. Mutators call
     * {@link #resyncIfStale()} before deciding ids and versions from the state.
     */
    private void write(SchemaStoreEntry entry) {
        try {
            store.append(entry);
        } catch (RuntimeException e) {
            stale = true;
            log.error("Schema store {} failed to append {}; state will be re-read before the next write",
                    store, entry, e);
            throw new SchemaRegistryStoreException(500, "Error in the backend data store: " + e.getMessage());
        }
        apply(entry);
    }

    /** After a failed write, rebuilds the state from the store; while that fails, so does every write. */
    private void resyncIfStale() {
        if (!stale) {
            return;
        }
        List<SchemaStoreEntry> entries;
        try {
            entries = store.readAll();
        } catch (RuntimeException e) {
            log.error("Schema store {} could not be re-read after a failed write; refusing writes", store, e);
            throw new SchemaRegistryStoreException(500, "Error in the backend data store: could not re-read it"
                    + " after a failed write: " + e.getMessage());
        }
        schemasById.clear();
        canonicalById.clear();
        idsByCanonical.clear();
        subjects.clear();
        subjectLevels.clear();
        globalLevel = defaultLevel;
        nextId = 1;
        replay(entries);
        stale = false;
    }

    private void replay(List<SchemaStoreEntry> entries) {
        entries.forEach(this::apply);
        log.debug("Schema registry state rebuilt from {} entries of {}: {} schemas, {} subjects",
                entries.size(), store, schemasById.size(), subjects.size());
    }

    private void apply(SchemaStoreEntry entry) {
        if (entry instanceof SchemaRegistered r) {
            Schema schema = new Schema.Parser().parse(r.schema());
            String canonical = schema.toString();
            String known = canonicalById.get(r.id());
            if (known != null && !known.equals(canonical)) {
                log.error("Schema store {}: ignoring {}: id {} already names another schema, {}",
                        store, r, r.id(), known);
                return;
            }
            Subject s = subjects.get(r.subject());
            Integer versionId = s == null ? null : s.live.get(r.version());
            if (versionId != null && versionId != r.id()) {
                log.error("Schema store {}: ignoring {}: version {} of subject {} already has id {}",
                        store, r, r.version(), r.subject(), versionId);
                return;
            }
            schemasById.putIfAbsent(r.id(), schema);
            canonicalById.putIfAbsent(r.id(), canonical);
            idsByCanonical.putIfAbsent(canonical, r.id());
            s = subjects.computeIfAbsent(r.subject(), k -> new Subject());
            s.live.put(r.version(), r.id());
            s.lastVersion = Math.max(s.lastVersion, r.version());
            nextId = Math.max(nextId, r.id() + 1);
        } else if (entry instanceof CompatibilitySet c) {
            if (c.subject() == null) {
                globalLevel = c.level();
            } else {
                subjectLevels.put(c.subject(), c.level());
            }
        } else if (entry instanceof SubjectDeleted d) {
            Subject s = subjects.get(d.subject());
            if (s != null) {
                s.live.clear();
            }
        }
    }

    private Subject live(String subject) {
        Subject s = subjects.get(subject);
        if (s == null || s.live.isEmpty()) {
            throw new SubjectNotFoundException("Subject '" + subject + "' not found.");
        }
        return s;
    }

    private List<SchemaMetadata> liveVersions(String subject) {
        Subject s = subjects.get(subject);
        List<SchemaMetadata> out = new ArrayList<>();
        if (s != null) {
            s.live.forEach((v, id) -> out.add(new SchemaMetadata(subject, id, v, schemasById.get(id))));
        }
        return out;
    }
}
