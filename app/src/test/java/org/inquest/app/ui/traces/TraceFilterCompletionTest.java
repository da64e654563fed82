package org.inquest.app.ui.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.inquest.app.ui.slice.FilterChecker;
import org.inquest.app.ui.slice.KeyLookups;
import org.inquest.app.ui.task.SyncRunner;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Completion in the trace search's filters, without a display: keys of the spans' attributes (read from the table
 * of {@link TraceWorkspaces}: db.system, http.status_code, rows), their values, and the linked
 * predictions' columns.
 */
class TraceFilterCompletionTest {
    @TempDir
    Path dir;

    private static List<String> labels(FilterChecker.CompletionProposal p) {
        return p.items().stream().map(FilterChecker.Item::label).toList();
    }

    private static List<String> inserts(FilterChecker.CompletionProposal p) {
        return p.items().stream().map(FilterChecker.Item::insertText).toList();
    }

    /** Applies the first item whose label is {@code label}, as the field does. */
    private static String pick(String text, FilterChecker.CompletionProposal p, String label) {
        FilterChecker.Item item = p.items().stream().filter(i -> i.label().equals(label)).findFirst().orElseThrow();
        return text.substring(0, p.from()) + item.insertText() + text.substring(Math.min(p.to(), text.length()));
    }

    @Test
    void keysOfTheAttributesThenValuesOfTheKeyComplete() throws Exception {
        try (Workspace ws = TraceWorkspaces.linked(dir)) {
            TracesViewModel vm = new TracesViewModel();
            vm.attach(SyncRunner.on(ws));
            String text = "attributes['";
            FilterChecker.CompletionProposal keys = vm.spanFilterAssist().complete(text, text.length(), () -> { });
            assertEquals(List.of("db.system", "http.status_code", "rows"), labels(keys), "the span attributes, not the events'");
            String picked = pick(text, keys, "http.status_code");
            assertEquals("attributes['http.status_code']", picked);

            String typed = "duration_ms > 1 AND attributes['db";
            FilterChecker.CompletionProposal prefixed = vm.spanFilterAssist().complete(typed, typed.length(), () -> { });
            assertEquals(List.of("'db.system']"), inserts(prefixed));
            assertEquals("duration_ms > 1 AND attributes['db.system']", pick(typed, prefixed, "db.system"));

            String value = "attributes['db.system'] = ";
            FilterChecker.CompletionProposal values = vm.spanFilterAssist().complete(value, value.length(), () -> { });
            assertEquals(List.of("'postgres'", "'redis'"), inserts(values));
            String numbers = "attributes['rows'] >= ";
            assertEquals(List.of("12", "500"), inserts(vm.spanFilterAssist().complete(numbers, numbers.length(),
                    () -> { })), "numbers stay numbers, so they compare as numbers");

            String digits = "attributes['rows'] >= 5";
            FilterChecker.CompletionProposal typedNumber = vm.spanFilterAssist().complete(digits, digits.length(),
                    () -> { });
            assertEquals(List.of("500"), inserts(typedNumber));
            assertEquals("attributes['rows'] >= 500", pick(digits, typedNumber, "500"));
            // the completed filter searches
            vm.filterProperty().set(pick(value, values, "redis"));
            vm.search();
            assertEquals(2, vm.traces().size(), vm.messageProperty().get());

            FilterChecker.CompletionProposal columns = vm.predictionFilterAssist().complete("cha", 3, () -> { });
            assertEquals(List.of("channel"), labels(columns));
        }
    }

    @Test
    void keysAreReadOnceInTheBackgroundAndTheFieldIsToldWhenTheyArrive() throws Exception {
        try (Workspace ws = TraceWorkspaces.linked(dir)) {
            SyncRunner runner = SyncRunner.on(ws).hold();
            KeyLookups lookups = new KeyLookups(() -> runner);
            int[] told = new int[1];
            assertEquals(List.of(), lookups.keys("spans", "attributes", () -> told[0]++), "nothing until read");
            assertEquals(List.of(), lookups.keys("spans", "attributes", () -> told[0]++));
            assertEquals(1, runner.pending().size(), "asked twice while reading: one query");
            runner.pending().forEach(SyncRunner.Submission::complete);
            assertEquals(1, told[0]);
            assertEquals(List.of("db.system", "http.status_code", "rows"),
                    lookups.keys("spans", "attributes", () -> told[0]++));
            assertEquals(1, runner.count("Reading the keys of attributes"), "cached: no second query");

            lookups.keys("spans", "resource", () -> told[0]++);
            lookups.clear();
            runner.pending().forEach(SyncRunner.Submission::complete);
            assertEquals(1, told[0], "a lookup from before clear() is dropped");
            assertEquals(List.of(), lookups.keys("spans", "name", () -> { }));
            runner.pending().forEach(SyncRunner.Submission::complete);
            assertTrue(lookups.keys("spans", "name", () -> { }).isEmpty(), "not JSON: nothing, asked no more");
            assertEquals(1, runner.count("Reading the keys of name"));
        }
    }
}
