package org.inquest.app.cli;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.inquest.connectors.catalog.Catalog;
import org.inquest.connectors.workspace.MetadataSchema;
import org.inquest.connectors.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inquest quarantine}: the rows set aside during imports, where they came from and why. */
@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = "List the rows set aside during imports: table, source file, line (row number for Parquet"
                + " and JSON), column, reason and the raw text.")
public final class QuarantineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--workspace", required = true, paramLabel = "FILE", description = "The workspace.")
    Path workspace;

    @Option(names = "--table", paramLabel = "NAME", description = "Only this table's quarantine.")
    String table;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), csv or json.")
    OutputFormat format;

    @Override
    public Integer call() throws SQLException {
        try (Workspace ws = Workspace.openReadOnly(workspace)) {
            if (table != null) {
                new Catalog(ws.connection()).table(table); // exit 2 naming the table when it does not exist
            }
            String sql = "SELECT table_name AS \"table\", source_path AS source, line, column_name AS \"column\","
                    + " reason, raw FROM " + MetadataSchema.QUARANTINE
                    + (table == null ? "" : " WHERE table_name = ?") + " ORDER BY import_id, line";
            try (PreparedStatement ps = ws.connection().prepareStatement(sql)) {
                if (table != null) {
                    ps.setString(1, table);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    new RowPrinter(spec.commandLine().getOut(), format, false).print(rs);
                }
            }
        }
        return InquestCommand.EXIT_OK;
    }
}
