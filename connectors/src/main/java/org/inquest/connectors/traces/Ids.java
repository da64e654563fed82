package org.inquest.connectors.traces;

import java.util.Base64;
import java.util.Locale;

/**
 * Trace and span ids are stored as lower-case hex, the form OTLP JSON and Jaeger both print. Some exporters follow
 * the generic protobuf JSON mapping instead and write ids as base64; those are recognised and converted, so the
 * same trace imported from either kind of file gets the same id.
 */
final class Ids {
    private Ids() {
    }

    /** The id in lower-case hex; null for a missing or empty id; IllegalArgumentException when it is neither form. */
    static String normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (isHex(raw)) {
            return allZero(raw) ? null : raw.toLowerCase(Locale.ROOT);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("id '" + raw + "' is neither hex nor base64");
        }
        if (bytes.length != 8 && bytes.length != 16) {
            throw new IllegalArgumentException("id '" + raw + "' is neither hex nor base64 of 8 or 16 bytes");
        }
        StringBuilder hex = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        String text = hex.toString();
        return allZero(text) ? null : text;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** OTLP writes an all-zero parent id for "no parent" in some SDKs; it is not a real id. */
    private static boolean allZero(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
