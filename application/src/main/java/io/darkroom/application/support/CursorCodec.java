package io.darkroom.application.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-evident pagination cursors. A cursor carries the keyset position and is bound
 * to its scope (cloud, endpoint and filters) by an HMAC-SHA256 tag under a key every node shares
 * (derived from the master key). A forged, altered or foreign cursor is refused with a 400.
 */
public final class CursorCodec {
    private static final int TAG_BYTES = 16;
    private static final char SEPARATOR = '\u001f';

    private final byte[] key;

    public CursorCodec(byte[] key) {
        this.key = key.clone();
    }

    /** Encodes {@code values} for the given {@code scope}. */
    public String encode(String scope, List<String> values) {
        byte[] payload = String.join(String.valueOf(SEPARATOR), values).getBytes(StandardCharsets.UTF_8);
        byte[] tag = tag(scope, payload);
        byte[] out = Arrays.copyOf(payload, payload.length + TAG_BYTES);
        System.arraycopy(tag, 0, out, payload.length, TAG_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    /** The values {@code cursor} carries, checked against {@code scope}; {@code expectedValues} of them. */
    public List<String> decode(String scope, String cursor, int expectedValues) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (raw.length < TAG_BYTES) {
            throw invalid();
        }
        byte[] payload = Arrays.copyOf(raw, raw.length - TAG_BYTES);
        byte[] tag = Arrays.copyOfRange(raw, raw.length - TAG_BYTES, raw.length);
        if (!MessageDigest.isEqual(tag, tag(scope, payload))) {
            throw invalid();
        }
        List<String> values = List.of(new String(payload, StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1));
        if (values.size() != expectedValues) {
            throw invalid();
        }
        return values;
    }

    private byte[] tag(String scope, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(scope.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(payload);
            return Arrays.copyOf(mac.doFinal(), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static DarkroomException invalid() {
        return DarkroomException.badRequest("Invalid next_cursor");
    }
}
