package org.inquest.app.ui.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.inquest.app.ui.slice.FilterChecker;
import org.inquest.app.ui.slice.KeyLookups;
import org.inquest.app.ui.task.DirectTaskRunner;
import org.inquest.app.ui.task.StatusModel;
import org.inquest.app.ui.task.TaskHandle;
import org.inquest.app.ui.task.TaskRunner;
import org.inquest.app.ui.task.Work;
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
            vm.attach(new DirectTaskRunner(ws::connection));
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
            HeldRunner runner = new HeldRunner(ws.connection());
            KeyLookups lookups = new KeyLookups(() -> runner);
            int[] told = new int[1];
            assertEquals(List.of(), lookups.keys("spans", "attributes", () -> told[0]++), "nothing until read");
            assertEquals(List.of(), lookups.keys("spans", "attributes", () -> told[0]++));
            assertEquals(1, runner.held.size(), "asked twice while reading: one query");
            runner.runAll();
            assertEquals(1, told[0]);
            assertEquals(List.of("db.system", "http.status_code", "rows"),
                    lookups.keys("spans", "attributes", () -> told[0]++));
            assertEquals(0, runner.held.size(), "cached: no second query");

            lookups.keys("spans", "resource", () -> told[0]++);
            lookups.clear();
            runner.runAll();
            assertEquals(1, told[0], "a lookup from before clear() is dropped");
            assertEquals(List.of(), lookups.keys("spans", "name", () -> { }));
            runner.runAll();
            assertTrue(lookups.keys("spans", "name", () -> { }).isEmpty(), "not JSON: nothing, asked no more");
            assertEquals(0, runner.held.size());
        }
    }

    /** A runner that keeps work until the test runs it, as a worker thread would deliver it later. */
    private static final class HeldRunner implements TaskRunner {
        final List<Runnable> held = new ArrayList<>();
        private final DirectTaskRunner direct;

        HeldRunner(Connection c) {
            direct = new DirectTaskRunner(() -> c);
        }

        @Override
        public <T> TaskHandle submit(String title, Work<T> work, Consumer<? super T> onSuccess,
                Consumer<? super Throwable> onFailure) {
            held.add(() -> direct.submit(title, work, onSuccess, onFailure));
            return TaskHandle.DONE;
        }

        void runAll() {
            List<Runnable> now = new ArrayList<>(held);
            held.clear();
            now.forEach(Runnable::run);
        }

        @Override
        public StatusModel status() {
            return direct.status();
        }

        @Override
        public void close() {
        }
    }
}
