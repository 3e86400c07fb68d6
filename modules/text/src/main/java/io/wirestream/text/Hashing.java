package io.wirestream.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable content hashes used as ids: SHA-256, truncated, hex. Stable across JVMs and versions. */
public final class Hashing {

    private static final HexFormat HEX = HexFormat.of();

    private Hashing() {
    }

    /** The first {@code bytes} bytes of SHA-256 of the UTF-8 parts joined by U+001F, as lower-case hex. */
    public static String sha256Hex(int bytes, String... parts) {
        if (bytes < 1 || bytes > 32) {
            throw new IllegalArgumentException("bytes must be in 1..32, was " + bytes);
        }
        return HEX.formatHex(sha256(parts), 0, bytes);
    }

    /** The first 8 bytes of SHA-256 of the parts (as {@link #sha256Hex}) as a big-endian long: no hex round trip. */
    public static long sha256Long(String... parts) {
        byte[] hash = sha256(parts);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (hash[i] & 0xff);
        }
        return v;
    }

    /** The 64-bit value of the first 16 hex digits of a hash written by {@link #sha256Hex}, e.g. a content hash. */
    public static long prefix64(String hex) {
        return Long.parseUnsignedLong(hex, 0, 16, 16);
    }

    private static byte[] sha256(String... parts) {
        MessageDigest digest = sha256();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                digest.update((byte) 0x1f);
            }
            digest.update(parts[i] == null ? new byte[0] : parts[i].getBytes(StandardCharsets.UTF_8));
        }
        return digest.digest();
    }

    /** Hash of the normalised title and body: equal for copies that differ only in case, punctuation and spacing. */
    public static String contentHash(String title, String body) {
        return sha256Hex(16, Normalizer.normalize(title), Normalizer.normalize(body));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
