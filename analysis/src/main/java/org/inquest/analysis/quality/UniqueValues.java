package org.inquest.analysis.quality;

import java.sql.Connection;
import org.inquest.analysis.slice.Slice;
import org.inquest.analysis.sql.Queries;
import org.inquest.analysis.slice.SqlFragment;
import org.inquest.connectors.workspace.ColumnFacts;
import org.inquest.connectors.workspace.Identifiers;

/**
 * An exact proof that every non-null value of a column is different — then its distinct count is its value count —
 * from one sort of 64-bit hashes instead of a hash table of the values themselves (ADR 0056).
 *
 * <p>Equal values have equal hashes ({@code hash()} is a function), so if no two hashes are equal, no two values are.
 * The hashes are sorted (DuckDB's parallel sort of fixed-width keys, far cheaper than {@code count(DISTINCT)} of
 * 32-character trace ids) and a streaming pass counts rows equal to their predecessor and rows below it. With no row
 * below its predecessor the sequence is sorted whatever order DuckDB delivered it in, so equal hashes would be
 * neighbours: none equal proves uniqueness. Anything else — a duplicate value, a hash collision of two different
 * values (probability about n²/2⁶⁵), or rows out of order — proves nothing, and the caller counts distinct values
 * the usual way. The answer is never an estimate.
 */
final class UniqueValues {
    private UniqueValues() {
    }

    /** True when the non-null values of {@code column} in the slice are proven pairwise different. */
    static boolean proven(Connection connection, Slice slice, String column, long values) {
        SqlFragment proof = new SqlFragment(ColumnFacts.uniquenessSql(Identifiers.quote(column), slice.from(),
                slice.condition().sql()), slice.condition().parameters());
        return Queries.one(connection, proof, rs -> ColumnFacts.proves(rs.getLong(1), rs.getLong(2), values),
                "uniqueness of " + column + " in " + slice.table().name());
    }
}
