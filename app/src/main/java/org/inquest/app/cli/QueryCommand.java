package org.inquest.app.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import org.inquest.connectors.error.UsageException;
import org.inquest.connectors.workspace.ReadOnlySql;
import org.inquest.connectors.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inquest query}: one read-only SQL query against a workspace. Two locks: DuckDB's parser must classify the
 * text as SELECT statements only ({@code json_serialize_sql}), and the workspace is opened read-only, so even a
 * statement the first check missed cannot change the database file.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run a read-only SQL query (DuckDB dialect) against a workspace and print the rows.",
            "A statement that writes is refused (exit 2). A single value prints alone on one line."})
public final class QueryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--workspace", required = true, paramLabel = "FILE", description = "The workspace to query.")
    Path workspace;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), csv or json.")
    OutputFormat format;

    @Parameters(arity = "1..*", paramLabel = "SQL", description = "The query (several words are joined by spaces).")
    List<String> sql;

    @Override
    public Integer call() throws SQLException {
        String query = String.join(" ", sql);
        try (Workspace ws = Workspace.openReadOnly(workspace)) {
            Connection c = ws.connection();
            ReadOnlySql.requireSelect(c, query);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
                new RowPrinter(spec.commandLine().getOut(), format).print(rs);
            } catch (SQLException e) {
                throw new UsageException("query: " + Workspace.firstLine(e.getMessage()), e);
            }
        }
        return InquestCommand.EXIT_OK;
    }
}
