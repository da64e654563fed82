package org.inquest.app.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints rows as an aligned table, CSV (RFC 4180 quoting) or a JSON array of objects. A result of exactly one
 * value prints as that value alone on one line in the table and CSV formats, so {@code $(inquest query ...)} is
 * usable in a shell. Text is DuckDB's own rendering of each value; JSON keeps numbers and booleans as such.
 */
public final class RowPrinter {
    /** One printable value: what JSON writes (a Number, Boolean, String or null) and the text the others show. */
    public record Cell(Object json, String text) {
        public static Cell of(Object value) {
            if (value == null) {
                return new Cell(null, null);
            }
            if (value instanceof Number || value instanceof Boolean) {
                return new Cell(value, value.toString());
            }
            return new Cell(value.toString(), value.toString());
        }
    }

    private final PrintWriter out;
    private final OutputFormat format;
    private final boolean singleValueAlone;

    public RowPrinter(PrintWriter out, OutputFormat format) {
        this(out, format, true);
    }

    /** {@code singleValueAlone}: print a one-value result as the bare value (queries) or as a normal table. */
    public RowPrinter(PrintWriter out, OutputFormat format, boolean singleValueAlone) {
        this.out = out;
        this.format = format;
        this.singleValueAlone = singleValueAlone;
    }

    /** Prints a JDBC result, streaming it for CSV and JSON. */
    public void print(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        List<String> headers = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            headers.add(meta.getColumnLabel(i));
        }
        print(headers, new RowSource() {
            @Override
            public List<Cell> next() throws SQLException {
                if (!rs.next()) {
                    return null;
                }
                List<Cell> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(cell(rs, meta, i));
                }
                return row;
            }
        });
    }

    /** Prints rows already in memory. */
    public void print(List<String> headers, List<List<Cell>> rows) {
        try {
            print(headers, new RowSource() {
                private int next;

                @Override
                public List<Cell> next() {
                    return next < rows.size() ? rows.get(next++) : null;
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("rows in memory cannot fail", e);
        }
    }

    private interface RowSource {
        List<Cell> next() throws SQLException;
    }

    private void print(List<String> headers, RowSource rows) throws SQLException {
        List<Cell> first = rows.next();
        List<Cell> second = first == null ? null : rows.next();
        if (singleValueAlone && format != OutputFormat.JSON && headers.size() == 1 && first != null && second == null) {
            out.println(first.get(0).text() == null ? "" : first.get(0).text());
            out.flush();
            return;
        }
        switch (format) {
            case CSV -> {
                out.println(csvLine(headers));
                for (List<Cell> row = first; row != null; row = row == first ? second : rows.next()) {
                    out.println(csvLine(row.stream().map(Cell::text).toList()));
                }
            }
            case JSON -> json(headers, first, second, rows);
            case TABLE -> {
                List<List<Cell>> all = new ArrayList<>();
                for (List<Cell> row = first; row != null; row = row == first ? second : rows.next()) {
                    all.add(row);
                }
                table(headers, all);
            }
        }
        out.flush();
    }

    private void json(List<String> headers, List<Cell> first, List<Cell> second, RowSource rows)
            throws SQLException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartArray();
            for (List<Cell> row = first; row != null; row = row == first ? second : rows.next()) {
                g.writeStartObject();
                for (int i = 0; i < headers.size(); i++) {
                    g.writeFieldName(headers.get(i));
                    writeJson(g, row.get(i).json());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        out.println();
    }

    private static void writeJson(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            g.writeNull();
        } else if (v instanceof Float f && (f.isNaN() || f.isInfinite())) {
            g.writeNull();
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (v instanceof Number num) {
            if (num instanceof Double || num instanceof Float) {
                g.writeNumber(num.doubleValue());
            } else {
                g.writeNumber(num.longValue());
            }
        } else {
            g.writeString(v.toString());
        }
    }

    private void table(List<String> headers, List<List<Cell>> rows) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<Cell> row : rows) {
                widths[i] = Math.max(widths[i], shown(row.get(i)).length());
            }
        }
        out.println(tableLine(headers, widths));
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
        }
        out.println(rule);
        for (List<Cell> row : rows) {
            out.println(tableLine(row.stream().map(RowPrinter::shown).toList(), widths));
        }
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    private static String shown(Cell c) {
        return c.text() == null ? "NULL" : c.text().replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String tableLine(List<String> values, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            sb.append(i == 0 ? "" : "  ").append(v).append(" ".repeat(Math.max(0, widths[i] - v.length())));
        }
        return sb.toString().stripTrailing();
    }

    /** One CSV record: fields quoted when they hold a comma, quote or line break; null is an empty field. */
    static String csvLine(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (i > 0) {
                sb.append(',');
            }
            if (v == null) {
                continue;
            }
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        return sb.toString();
    }

    private static Cell cell(ResultSet rs, ResultSetMetaData meta, int i) throws SQLException {
        String text = rs.getString(i);
        if (text == null) {
            return new Cell(null, null);
        }
        if (meta.getColumnType(i) == Types.TIMESTAMP && text.endsWith(".0")) {
            text = text.substring(0, text.length() - 2); // java.sql.Timestamp's rendering of whole seconds
        }
        Object json = switch (meta.getColumnType(i)) {
            case Types.BOOLEAN, Types.BIT -> rs.getBoolean(i);
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> rs.getLong(i);
            case Types.FLOAT, Types.REAL, Types.DOUBLE -> rs.getDouble(i);
            case Types.DECIMAL, Types.NUMERIC -> rs.getBigDecimal(i);
            default -> numberOrText(rs.getObject(i), text);
        };
        return new Cell(json, text);
    }

    private static Object numberOrText(Object value, String text) {
        return value instanceof Number ? value : text;
    }
}
