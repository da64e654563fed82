package org.inquest.app.ui.slice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.inquest.app.ui.TestWorkspaces;
import org.inquest.app.ui.task.DirectTaskRunner;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SliceBarViewModelTest {
    @TempDir
    Path dir;

    @Test
    void presetsFollowTheDataAndTheFirstIsApplied() throws Exception {
        try (Workspace ws = TestWorkspaces.incident(dir, 14_000)) {
            SliceBarViewModel vm = new SliceBarViewModel(new LanguageFilterChecker());
            vm.attach(new DirectTaskRunner(ws::connection));
            // 14 days from 2026-09-01; v2 first appears on day 8 (2026-09-08).
            assertEquals(List.of("First 7 days vs last 7 days", "v1 training snapshot vs last 7 days",
                    "v1 vs v2 on the same days"), vm.presets().stream().map(SlicePreset::name).toList());
            SliceSpec first = vm.appliedProperty().get();
            assertEquals(new SliceSpec("predictions", "\"timestamp\" < TIMESTAMP '2026-09-08 00:00:00'",
                    "predictions", "\"timestamp\" >= TIMESTAMP '2026-09-08 00:00:00'"), first);
            vm.usePreset(vm.presets().get(2));
            assertEquals("model_version = 'v2' AND \"timestamp\" >= TIMESTAMP '2026-09-08 00:00:00'",
                    vm.appliedProperty().get().currentWhere());
            assertEquals(List.of("v1", "v2"), vm.current().pickerValuesProperty().get().versions());
            assertEquals(LocalDate.of(2026, 9, 14), vm.current().pickerValuesProperty().get().lastDay());
        }
    }

    @Test
    void anInvalidFilterIsMarkedAtItsPositionAndNeverApplied() throws Exception {
        try (Workspace ws = TestWorkspaces.incident(dir, 2_000)) {
            SliceBarViewModel vm = new SliceBarViewModel(new LanguageFilterChecker());
            vm.attach(new DirectTaskRunner(ws::connection));
            SliceSpec before = vm.appliedProperty().get();
            vm.current().filterProperty().set("region = 'EU' AND nosuch > 3");
            FilterCheck check = vm.current().checkProperty().get();
            assertFalse(check.valid());
            assertEquals(18, check.position()); // 0-based offset of "nosuch"
            assertEquals(6, check.length());
            assertFalse(vm.apply());
            assertEquals(before, vm.appliedProperty().get());
            assertTrue(vm.problemProperty().get().startsWith("current: "), vm.problemProperty().get());
        }
    }

    @Test
    void pickersWriteTheFilterAndSegmentsNarrowIt() throws Exception {
        try (Workspace ws = TestWorkspaces.incident(dir, 2_000)) {
            SliceBarViewModel vm = new SliceBarViewModel(new LanguageFilterChecker());
            vm.attach(new DirectTaskRunner(ws::connection));
            SliceSide cur = vm.current();
            cur.filterProperty().set(""); // the first preset's text cleared: the pickers alone write the filter
            cur.versionProperty().set("v2");
            cur.fromDayProperty().set(LocalDate.of(2026, 9, 10));
            cur.toDayProperty().set(LocalDate.of(2026, 9, 12));
            cur.categoryColumnProperty().set("region");
            cur.categoryValues().setAll("EU", "US");
            cur.applyPickers();
            assertEquals("model_version = 'v2' AND \"timestamp\" >= TIMESTAMP '2026-09-10 00:00:00' AND \"timestamp\""
                    + " < TIMESTAMP '2026-09-13 00:00:00' AND region IN ('EU', 'US')", cur.filterProperty().get());
            assertTrue(cur.checkProperty().get().valid(), cur.checkProperty().get().message());
            assertTrue(vm.apply());
            vm.narrowCurrent("region = 'EU'");
            assertTrue(vm.appliedProperty().get().currentWhere().endsWith(") AND region = 'EU'"));
        }
    }

    /** A value picked after a preset narrows the preset's slice instead of replacing its filter. */
    @Test
    void pickersAddToThePresetsTextAndEditingTheTextTakesThemIn() throws Exception {
        try (Workspace ws = TestWorkspaces.incident(dir, 2_000)) {
            SliceBarViewModel vm = new SliceBarViewModel(new LanguageFilterChecker());
            vm.attach(new DirectTaskRunner(ws::connection));
            SliceSide cur = vm.current();
            vm.usePreset(vm.presets().get(2));
            String preset = "model_version = 'v2' AND \"timestamp\" >= TIMESTAMP '2026-09-08 00:00:00'";
            assertEquals(preset, cur.filterProperty().get());
            cur.categoryColumnProperty().set("region");
            cur.categoryValues().setAll("EU");
            cur.applyPickers();
            assertEquals(preset + " AND region = 'EU'", cur.filterProperty().get());
            cur.categoryValues().setAll("EU", "US");
            cur.applyPickers();
            assertEquals(preset + " AND region IN ('EU', 'US')", cur.filterProperty().get(), "not appended twice");

            // typing takes the picked condition into the text and clears the picker
            cur.filterProperty().set("region = 'EU' OR region = 'US'");
            assertEquals(List.of(), cur.categoryValues());
            cur.versionProperty().set("v1");
            cur.applyPickers();
            assertEquals("(region = 'EU' OR region = 'US') AND model_version = 'v1'", cur.filterProperty().get());
            assertTrue(cur.checkProperty().get().valid(), cur.checkProperty().get().message());
        }
    }

    @Test
    void completesColumnsAndValues() throws Exception {
        try (Workspace ws = TestWorkspaces.incident(dir, 2_000)) {
            SliceBarViewModel vm = new SliceBarViewModel(new LanguageFilterChecker());
            vm.attach(new DirectTaskRunner(ws::connection));
            SliceSide cur = vm.current();
            cur.filterProperty().set("reg");
            FilterChecker.CompletionProposal columns = cur.complete(3);
            assertEquals(List.of("region"), columns.items().stream().map(FilterChecker.Item::label).toList());
            cur.filterProperty().set("region = ");
            FilterChecker.CompletionProposal values = cur.complete(9);
            assertEquals(List.of("'APAC'", "'EU'", "'US'"),
                    values.items().stream().map(FilterChecker.Item::insertText).toList());
        }
    }

    @Test
    void completesTheKeysOfAJsonColumnAndTheirValues() throws Exception {
        // JSON Lines with a nested object: the import keeps it as a JSON column
        Path file = dir.resolve("p.jsonl");
        java.nio.file.Files.writeString(file, "{\"id\": 1, \"score\": 0.5, \"ctx\": {\"device\": \"ios\", \"app.version\": 3}}\n"
                + "{\"id\": 2, \"score\": 0.7, \"ctx\": {\"device\": \"android\"}}\n");
        try (Workspace ws = Workspace.open(dir.resolve("w.duckdb"))) {
            new org.inquest.connectors.ingest.Importer(ws).run(new org.inquest.connectors.ingest.ImportRequest("p",
                    null, List.of(), List.of(file)), org.inquest.connectors.ingest.ImportListener.NONE,
                    new org.inquest.connectors.ingest.CancelHandle());
            SliceBarViewModel vm = new SliceBarViewModel(new LanguageFilterChecker());
            vm.attach(new DirectTaskRunner(ws::connection));
            SliceSide cur = vm.current();
            cur.set("p", "ctx['");
            int[] told = new int[1];
            FilterChecker.CompletionProposal keys = cur.complete(5, () -> told[0]++);
            assertEquals(List.of("'app.version']", "'device']"),
                    keys.items().stream().map(FilterChecker.Item::insertText).toList());
            assertEquals(1, told[0], "the keys were read (at once, on this runner) and the field told");
            cur.filterProperty().set("ctx['device'] = ");
            assertEquals(List.of("'android'", "'ios'"), cur.complete(16).items().stream()
                    .map(FilterChecker.Item::insertText).toList());
            cur.filterProperty().set("ctx['app.version'] = ");
            assertEquals(List.of("3"), cur.complete(21).items().stream().map(FilterChecker.Item::insertText)
                    .toList());
        }
    }
}
