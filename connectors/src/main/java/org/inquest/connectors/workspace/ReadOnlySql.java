package org.inquest.connectors.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.inquest.connectors.error.UsageException;

/**
 * The one check that user-typed SQL (the {@code query} command, the workbench's SQL console) only reads. DuckDB's
 * own parser decides: {@code json_serialize_sql} serialises SELECT statements (including SHOW, DESCRIBE,
 * SUMMARIZE, FROM-first and VALUES) and refuses everything else, so no keyword list of ours can fall behind the
 * dialect. {@code EXPLAIN [ANALYZE]} of a SELECT is allowed too. Callers add a second lock of their own (a
 * read-only workspace, or a transaction that is always rolled back).
 */
public final class ReadOnlySql {
    private static final Pattern EXPLAIN = Pattern.compile("(?is)^\\s*EXPLAIN(\\s+ANALYZE)?\\s+(.*)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReadOnlySql() {
    }

    /** Refuses (exit 2) anything DuckDB's parser does not see as SELECT statements, with the parser's message. */
    public static void requireSelect(Connection connection, String sql) throws SQLException {
        Matcher explain = EXPLAIN.matcher(sql);
        String checked = explain.matches() ? explain.group(2) : sql;
        try (PreparedStatement ps = connection.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)::VARCHAR")) {
            ps.setString(1, checked);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                JsonNode parsed = JSON.readTree(rs.getString(1));
                if (!parsed.path("error").asBoolean(false)) {
                    return;
                }
                String type = parsed.path("error_type").asText("").toLowerCase(Locale.ROOT);
                if (type.equals("not implemented")) {
                    // DuckDB's word for "parsed fine, but not a SELECT".
                    throw new UsageException("query is read-only: only SELECT statements are allowed"
                            + " (no INSERT, UPDATE, DELETE, CREATE, DROP, COPY, ATTACH, SET, ...)");
                }
                throw new UsageException("query: " + Workspace.firstLine(parsed.path("error_message").asText()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("DuckDB returned unreadable JSON", e);
        }
    }
}
