package org.inquest.analysis.filter;

import org.inquest.analysis.slice.SqlFragment;
import org.inquest.connectors.catalog.TableInfo;

/**
 * The filter language of slices and the workbench's filter bar: parse text to a typed tree, check it against a
 * table, compile it to parameterised SQL, write it back canonically, and complete it at a caret. Every failure is
 * a {@link FilterSyntaxException} (exit 2) with the 0-based position and length of the fault.
 *
 * <pre>
 * Expr e = FilterLanguage.parse("country IN ('DE', 'FR') AND age >= 18");
 * SqlFragment where = FilterLanguage.compile(e, table);   // "(\"country\" IN (?, ?)) AND (\"age\" >= ?)"
 * String shown = FilterLanguage.canonical(e);
 * </pre>
 */
public final class FilterLanguage {
    private FilterLanguage() {
    }

    /** A parsed, checked and compiled filter: the tree (column names as the table spells them), text and SQL. */
    public record Filter(Expr expression, String canonical, SqlFragment sql) {
    }

    /** Parses {@code text}; syntax only, no table needed. */
    public static Expr parse(String text) {
        return Parser.parse(text);
    }

    /**
     * Checks {@code expression} against {@code table}: columns exist, types fit. Returns the tree with column
     * names spelled as in the table (a case-insensitive match is resolved to the table's spelling).
     */
    public static Expr check(Expr expression, TableInfo table) {
        return TypeChecker.check(expression, table);
    }

    /** Checks and compiles to a condition on {@code table}'s rows; literals become parameters. */
    public static SqlFragment compile(Expr expression, TableInfo table) {
        return SqlCompiler.compile(TypeChecker.check(expression, table), table);
    }

    /** The expression as canonical filter text; {@code parse(canonical(e))} is {@code e} up to positions. */
    public static String canonical(Expr expression) {
        return CanonicalText.of(expression);
    }

    /** Parse, check and compile in one step. */
    public static Filter prepare(String text, TableInfo table) {
        Expr checked = TypeChecker.check(Parser.parse(text), table);
        return new Filter(checked, CanonicalText.of(checked), SqlCompiler.compile(checked, table));
    }

    /** What fits at {@code caret} (0-based) in {@code text}; never throws for incomplete text. */
    public static Completion complete(String text, int caret, TableInfo table) {
        return FilterCompletion.complete(text, caret, table);
    }

    /** A column name written so the filter language reads it back (quoted when needed). */
    public static String quoteColumn(String name) {
        return CanonicalText.identifier(name);
    }
}
