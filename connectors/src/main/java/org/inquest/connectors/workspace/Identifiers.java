package org.inquest.connectors.workspace;

import java.util.regex.Pattern;
import org.inquest.connectors.error.UsageException;

/**
 * The only place identifiers become SQL text. User-chosen table names are validated against a strict pattern;
 * column names (which come from data files and may contain anything) are always double-quoted with quotes doubled.
 */
public final class Identifiers {
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private Identifiers() {
    }

    /** Returns {@code name} if it is a valid table name (letters, digits, underscore), else throws exit 2. */
    public static String requireTableName(String name) {
        if (name == null || !TABLE_NAME.matcher(name).matches()) {
            throw new UsageException("invalid table name '" + name
                    + "': use letters, digits and '_' (starting with a letter or '_', at most 63 characters)");
        }
        if (name.toLowerCase(java.util.Locale.ROOT).startsWith("inquest_")) {
            throw new UsageException("invalid table name '" + name + "': the prefix 'inquest_' is reserved");
        }
        return name;
    }

    /** Double-quotes any identifier for DuckDB, doubling embedded quotes, so it can never end the identifier. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A user table in the main schema, quoted. */
    public static String userTable(String validatedName) {
        return "main." + quote(requireTableName(validatedName));
    }
}
