package org.inquest.connectors.workspace;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.inquest.connectors.error.UsageException;
import org.junit.jupiter.api.Test;

class ReadOnlySqlTest {
    @Test
    void readsPassAndWritesAreRefusedBeforeTheyRun() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x INTEGER)");
            for (String read : new String[] {"SELECT 1", "FROM t", "DESCRIBE t", "SUMMARIZE t", "SHOW TABLES",
                "WITH a AS (SELECT 1) SELECT * FROM a", "explain SELECT * FROM t", "EXPLAIN ANALYZE FROM t"}) {
                assertDoesNotThrow(() -> ReadOnlySql.requireSelect(c, read), read);
            }
            for (String write : new String[] {"INSERT INTO t VALUES (1)", "DROP TABLE t", "COPY t TO 'x.csv'",
                "ATTACH 'x.db'", "SELECT 1; DROP TABLE t", "EXPLAIN INSERT INTO t VALUES (1)", "SET threads = 1"}) {
                assertThrows(UsageException.class, () -> ReadOnlySql.requireSelect(c, write), write);
            }
            assertThrows(UsageException.class, () -> ReadOnlySql.requireSelect(c, "SELEC 1"), "syntax error");
        }
    }
}
