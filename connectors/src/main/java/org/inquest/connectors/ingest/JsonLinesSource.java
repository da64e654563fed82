package org.inquest.connectors.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.traces.JsonLines;
import org.inquest.connectors.workspace.Workspace;

/**
 * JSON Lines, staged in two steps so a malformed line is quarantined instead of failing the file: DuckDB's CSV
 * reader splits the file into raw lines (no quoting, a delimiter JSON text cannot contain unescaped), then DuckDB's
 * JSON functions parse the valid object lines with the schema merged over all of them
 * ({@code json_group_structure}). A line's ordinal is its
 * index among the raw lines, so its line number is exact. A last line the file ends inside (a writer killed
 * mid-line) is quarantined as truncated JSON, as the trace reader does (ADR 0074).
 */
final class JsonLinesSource extends TempTableSource {
    private static final String LINES = "inquest_lines";
    private static final String ORDINAL = "inquest$ordinal";
    private static final String RAW = "inquest$raw";
    private static final String IS_OBJECT = "CASE WHEN json_valid(line) THEN json_type(line) = 'OBJECT' ELSE false END";

    /** Malformed lines told apart as torn (cut short) at most; the others stay "malformed JSON". */
    static final int MAX_TORN_CHECKED = 1000;

    private final ReaderRejects rejects;
    private final String lineOrdinal;

    /** The ordinal of the last line when the file ends inside it (-1: it does not), and where the text runs out. */
    private final long cutOrdinal;
    private final int cutColumn;

    private JsonLinesSource(Path file, List<SourceColumn> columns, ReaderRejects rejects, long base, long[] cut) {
        super(file, SourceFormat.JSON_LINES, columns);
        this.lineOrdinal = CsvSource.ordinal("src", base);
        this.rejects = rejects;
        this.cutOrdinal = cut[0];
        this.cutColumn = (int) cut[1];
    }

    static JsonLinesSource open(SqlRunner sql, Path file) {
        ReaderRejects rejects = new ReaderRejects();
        try {
            rejects.drop(sql);
            sql.update("DROP TABLE IF EXISTS " + LINES);
            sql.update("DROP TABLE IF EXISTS " + STAGE);
            sql.tracked("CREATE TEMP TABLE " + LINES + " AS SELECT line FROM read_csv(?, columns = {'line': 'VARCHAR'},"
                    + " header = false, auto_detect = false, delim = E'\\x01', quote = '', escape = '',"
                    + " max_line_size = 67108864" + ReaderRejects.READ_OPTIONS + ")", List.of(file.toString()));
            rejects.collect(sql);
            List<Object[]> found = sql.rows("SELECT json_group_structure(json(line))::VARCHAR FROM " + LINES
                    + " WHERE " + IS_OBJECT);
            Object structureText = found.isEmpty() ? null : found.get(0)[0];
            if (structureText == null) {
                throw new InputException(file + ": no JSON object on any line");
            }
            ObjectNode structure = new ObjectMapper().createObjectNode();
            new ObjectMapper().readTree(structureText.toString()).fields().forEachRemaining(
                    field -> structure.put(field.getKey(), storedType(field.getValue())));
            long base = CsvSource.baseRowid(sql, LINES);
            long[] cut = cutLastLine(sql, base);
            sql.tracked("CREATE TEMP TABLE " + STAGE + " AS SELECT " + CsvSource.ordinal(LINES, base) + " AS \"" + ORDINAL + "\", line AS \"" + RAW
                    + "\", unnest(json_transform(line, ?)) FROM " + LINES + " WHERE " + IS_OBJECT,
                    List.of(structure.toString()));
            List<SourceColumn> columns = new ArrayList<>();
            for (SourceColumn c : stagedColumns(sql)) {
                if (!c.name().equals(ORDINAL) && !c.name().equals(RAW)) {
                    columns.add(c);
                }
            }
            return new JsonLinesSource(file, List.copyOf(columns), rejects, base, cut);
        } catch (SQLException | java.io.IOException e) {
            throw new InputException(file + ": unreadable JSON Lines: " + Workspace.firstLine(e.getMessage()), e);
        }
    }

    /**
     * {ordinal, column} of the last non-blank line when it is the cut-off beginning of a JSON value — the tail of a
     * write that never finished, as a process killed while appending leaves it — else {-1, 0}. Only that one line's
     * text comes to Java, and only when DuckDB finds it invalid.
     */
    private static long[] cutLastLine(SqlRunner sql, long base) throws SQLException {
        List<Object[]> last = sql.rows("SELECT " + CsvSource.ordinal(LINES, base) + ", line FROM " + LINES
                + " WHERE trim(coalesce(line, '')) <> '' ORDER BY rowid DESC LIMIT 1");
        if (last.isEmpty() || Boolean.TRUE.equals(sql.rows("SELECT json_valid(?)", last.get(0)[1]).get(0)[0])) {
            return new long[] {-1, 0};
        }
        int column = JsonLines.cutColumn(last.get(0)[1].toString());
        return column == 0 ? new long[] {-1, 0} : new long[] {((Number) last.get(0)[0]).longValue(), column};
    }

    /**
     * The type a key is read as, from DuckDB's merged structure of every object line: nested objects and arrays
     * stay JSON, a key with values of mixed types (or only nulls) is read as text so validation sees each value.
     */
    private static String storedType(JsonNode type) {
        if (!type.isTextual()) {
            return "JSON";
        }
        return switch (type.asText().toUpperCase(Locale.ROOT)) {
            case "JSON", "NULL" -> "VARCHAR";
            case "UBIGINT" -> "BIGINT";
            default -> type.asText();
        };
    }

    @Override
    public String ordinal() {
        return "src.\"" + ORDINAL + "\"";
    }

    @Override
    public String raw() {
        return "src.\"" + RAW + "\"";
    }

    @Override
    public void addUnparsedRows(SqlRunner sql) throws SQLException {
        sql.update("INSERT INTO " + QuarantineWriter.BAD + " SELECT " + lineOrdinal + ", NULL, CASE WHEN json_valid(line)"
                + " THEN 'not a JSON object' WHEN " + lineOrdinal + " = ? THEN ? ELSE 'malformed JSON' END, line FROM "
                + LINES + " AS src WHERE trim(coalesce(line, '')) <> '' AND NOT (" + IS_OBJECT + ")", cutOrdinal,
                JsonLines.cutReason(true, cutColumn));
        // A torn line in the middle (a line cut short, the file going on after it) says so, as in a trace file.
        // Only the malformed lines' text comes to Java, and only the first few of them.
        for (Object[] bad : sql.rows("SELECT ordinal, raw FROM " + QuarantineWriter.BAD + " WHERE reason ="
                + " 'malformed JSON' ORDER BY ordinal LIMIT " + MAX_TORN_CHECKED)) {
            int column = bad[1] == null ? 0 : JsonLines.cutColumn(bad[1].toString());
            if (column > 0) {
                sql.update("UPDATE " + QuarantineWriter.BAD + " SET reason = ? WHERE ordinal = ?",
                        JsonLines.cutReason(false, column), bad[0]);
            }
        }
    }

    @Override
    public long quarantineRejects(SqlRunner sql, QuarantineWriter writer) throws SQLException {
        return rejects.quarantine(sql, writer);
    }

    @Override
    public void locateRejects(SqlRunner sql, CancelHandle cancel) throws SQLException {
        rejects.locate(file(), cancel, sql);
    }

    @Override
    public String lineNumbers(SqlRunner sql) throws SQLException {
        return rejects.lineNumbers(sql, LINES, lineOrdinal, 1, 1, null);
    }

    @Override
    public void drop(SqlRunner sql) throws SQLException {
        sql.update("DROP TABLE IF EXISTS " + STAGE);
        sql.update("DROP TABLE IF EXISTS " + LINES);
        rejects.drop(sql);
    }
}
