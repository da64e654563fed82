package org.inquest.analysis.report;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces the values of {@code --redact} columns by pseudonyms: {@code column#} plus the first 10 hex digits of
 * HMAC-SHA256(key, column NUL value). The key is drawn at random for each report and never written anywhere, so a
 * pseudonym is stable within one report (the same value always reads the same, in every format and section) but
 * cannot be reversed or linked across reports by hashing guessed values.
 */
public final class Redactor {
    /** Shown for a redacted null: nulls carry no value to hide, but stay recognisable. */
    public static final String NULL_TEXT = "(null)";

    private final Set<String> columns;
    private final Mac mac;

    private Redactor(Set<String> columns, byte[] key) {
        this.columns = new TreeSet<>(columns);
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** A redactor with a fresh random key. */
    public static Redactor withRandomKey(Set<String> columns) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new Redactor(columns, key);
    }

    /** For tests: a fixed key. */
    static Redactor withKey(Set<String> columns, byte[] key) {
        return new Redactor(columns, key.clone());
    }

    public static Redactor none() {
        return new Redactor(Set.of(), new byte[32]);
    }

    public boolean redacts(String column) {
        return column != null && columns.contains(column);
    }

    public Set<String> columns() {
        return java.util.Collections.unmodifiableSet(columns);
    }

    /** The value as the report shows it: a pseudonym when {@code column} is redacted, else unchanged. */
    public String value(String column, String value) {
        if (!redacts(column) || value == null || value.equals(NULL_TEXT)) {
            return value;
        }
        byte[] digest;
        synchronized (mac) {
            digest = mac.doFinal((column + '\0' + value).getBytes(StandardCharsets.UTF_8));
        }
        return column + "#" + HexFormat.of().formatHex(digest, 0, 5);
    }
}
