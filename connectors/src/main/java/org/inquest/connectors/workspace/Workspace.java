package org.inquest.connectors.workspace;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.inquest.connectors.error.InputException;
import org.inquest.connectors.timing.PhaseTimer;

/**
 * One investigation: one DuckDB database file. Opening it configures spilling (a temp directory next to the file
 * and a memory limit) so data larger than memory spills instead of failing, and makes sure Inquest's own metadata
 * schema exists. The connection held here belongs to the thread that opened the workspace; other threads take
 * their own with {@link #newConnection()} (DuckDB: one connection per thread).
 */
public final class Workspace implements AutoCloseable {
    /** Environment override for DuckDB's memory limit, e.g. {@code 2GB}. */
    public static final String MEMORY_LIMIT_ENV = "INQUEST_MEMORY_LIMIT";

    private final Path file;
    private final boolean readOnly;
    private final DuckDBConnection connection;

    private Workspace(Path file, boolean readOnly, DuckDBConnection connection) {
        this.file = file;
        this.readOnly = readOnly;
        this.connection = connection;
    }

    /** Opens (creating when missing) a workspace for reading and writing. */
    public static Workspace open(Path file) {
        return open(file, false);
    }

    /** Opens an existing workspace read-only: any statement that writes fails inside DuckDB. */
    public static Workspace openReadOnly(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new org.inquest.connectors.error.UsageException("workspace not found: " + file);
        }
        return open(file, true);
    }

    private static Workspace open(Path file, boolean readOnly) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            Properties properties = new Properties();
            if (readOnly) {
                properties.setProperty("duckdb.read_only", "true");
            }
            DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection(
                    "jdbc:duckdb:" + absolute, properties);
            PhaseTimer.mark("workspace: DuckDB library and database open");
            Workspace workspace = new Workspace(absolute, readOnly, connection);
            workspace.configure(connection);
            PhaseTimer.mark("workspace: settings");
            if (!readOnly) {
                MetadataSchema.ensure(connection);
                PhaseTimer.mark("workspace: metadata schema");
            }
            return workspace;
        } catch (SQLException | IOException e) {
            throw new InputException("cannot open workspace " + absolute + ": " + firstLine(e.getMessage()), e);
        }
    }

    private void configure(Connection c) throws SQLException, IOException {
        Path temp = tempDirectory();
        Files.createDirectories(temp);
        try (Statement s = c.createStatement()) {
            // Paths and sizes are produced here, not by the user; single quotes are still escaped.
            s.execute("SET temp_directory = '" + temp.toString().replace("'", "''") + "'");
            s.execute("SET memory_limit = '" + memoryLimit().replace("'", "''") + "'");
            s.execute("SET preserve_insertion_order = true");
        }
    }

    /** DuckDB's spill folder for this workspace: {@code <file>.tmp} beside the database file. */
    public Path tempDirectory() {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }

    /**
     * The memory DuckDB may use before spilling: {@value #MEMORY_LIMIT_ENV} when set, else half of physical memory
     * (leaving the rest to the JVM, the desktop and the OS page cache that DuckDB's own reads rely on).
     */
    static String memoryLimit() {
        String fromEnv = System.getenv(MEMORY_LIMIT_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        long physical = 8L << 30;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            physical = os.getTotalMemorySize();
        }
        long mb = Math.max(512, physical / 2 / (1 << 20));
        return mb + "MB";
    }

    public Path file() {
        return file;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** The connection of the thread that opened the workspace. */
    public DuckDBConnection connection() {
        return connection;
    }

    /** A new connection to the same database for another thread; the caller closes it. */
    public DuckDBConnection newConnection() {
        try {
            DuckDBConnection duplicate = (DuckDBConnection) connection.duplicate();
            configure(duplicate);
            return duplicate;
        } catch (SQLException | IOException e) {
            throw new InputException("cannot open a connection to " + file + ": " + firstLine(e.getMessage()), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new InputException("cannot close workspace " + file + ": " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * DuckDB messages can span lines; the contract wants one line. The JDBC driver sometimes wraps the real error
     * ("Attempting to execute an unsuccessful or closed pending query result" then "Error: ..." on a later line):
     * the real error is the line kept.
     */
    public static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String[] lines = message.split("\n");
        if (lines[0].contains("unsuccessful or closed pending query result")) {
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].startsWith("Error: ")) {
                    return lines[i].substring("Error: ".length()).trim();
                }
            }
        }
        return lines[0].trim();
    }
}
