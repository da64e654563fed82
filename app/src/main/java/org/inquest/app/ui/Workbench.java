package org.inquest.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.inquest.app.ui.analysis.IncidentViewModel;
import org.inquest.app.ui.calibration.CalibrationView;
import org.inquest.app.ui.drift.DriftView;
import org.inquest.app.ui.fairness.FairnessView;
import org.inquest.app.ui.fairness.FairnessViewModel;
import org.inquest.app.ui.performance.PerformanceView;
import org.inquest.app.ui.performance.PerformanceViewModel;
import org.inquest.app.ui.quality.QualityView;
import org.inquest.app.ui.quality.QualityViewModel;
import org.inquest.app.ui.report.ReportView;
import org.inquest.app.ui.report.ReportViewModel;
import org.inquest.app.ui.segments.SegmentsView;
import org.inquest.app.ui.segments.SegmentsViewModel;
import org.inquest.app.ui.versions.VersionsView;
import org.inquest.app.ui.versions.VersionsViewModel;
import org.inquest.app.ui.drift.DriftViewModel;
import org.inquest.app.ui.explorer.ExplorerView;
import org.inquest.app.ui.importing.ImportDialog;
import org.inquest.app.ui.importing.ImportViewModel;
import org.inquest.app.ui.explorer.ExplorerViewModel;
import org.inquest.app.ui.explorer.QuarantineView;
import org.inquest.app.ui.overview.OverviewView;
import org.inquest.app.ui.overview.OverviewViewModel;
import org.inquest.app.ui.session.AppDirs;
import org.inquest.app.ui.session.DemoIncident;
import org.inquest.connectors.workspace.Workspace;
import org.inquest.app.ui.session.RecentWorkspaces;
import org.inquest.app.ui.session.WorkbenchViewModel;
import org.inquest.app.ui.slice.LanguageFilterChecker;
import org.inquest.app.ui.slice.SliceBarView;
import org.inquest.app.ui.slice.SliceBarViewModel;
import org.inquest.app.ui.sql.SqlConsoleView;
import org.inquest.app.ui.sql.SqlConsoleViewModel;
import org.inquest.app.ui.task.FxTaskRunner;
import org.inquest.app.ui.task.StatusModel;
import org.inquest.app.ui.task.TaskRunner;

/**
 * Composes the workbench: creates the view models, builds the window around them and wires each newly opened
 * workspace's task runner into every view model. Used by {@link WorkbenchApp} and by the UI tests.
 */
public final class Workbench {
    /** Worker threads for DuckDB work; DuckDB parallelises each query itself, so two are plenty. */
    static final int WORKERS = 2;
    /** Prediction rows of the demo generated on first run (the generator's default). */
    static final long DEMO_ROWS = org.inquest.connectors.demo.DemoScenario.DEFAULT_ROWS;

    private final Stage stage;
    private final StatusModel status = new StatusModel();
    /** Opens workspaces and imports; DuckDB's own threads start here (ADR 0110). */
    private final ExecutorService opener = Executors.newSingleThreadExecutor(
            r -> org.inquest.app.ui.task.BackgroundWork.thread(r, "inquest-open"));
    private final WorkbenchViewModel vm;
    private final ExplorerViewModel explorer = new ExplorerViewModel();
    private final SqlConsoleViewModel sql = new SqlConsoleViewModel();
    private final SliceBarViewModel slices = new SliceBarViewModel(new LanguageFilterChecker());
    private final IncidentViewModel incident = new IncidentViewModel();
    private final OverviewViewModel overview = new OverviewViewModel();
    private final DriftViewModel drift = new DriftViewModel();
    private final QualityViewModel quality = new QualityViewModel();
    private final PerformanceViewModel performance = new PerformanceViewModel();
    private final FairnessViewModel fairness = new FairnessViewModel();
    private final VersionsViewModel versions = new VersionsViewModel();
    private final SegmentsViewModel segments = new SegmentsViewModel();
    private final ReportViewModel report = new ReportViewModel();
    private final org.inquest.app.ui.traces.TracesViewModel traces = new org.inquest.app.ui.traces.TracesViewModel();
    private final org.inquest.app.ui.replay.ReplayViewModel replay = new org.inquest.app.ui.replay.ReplayViewModel();
    private final org.inquest.app.ui.request.RequestViewModel request;
    private final org.inquest.app.ui.request.SegmentExamplesViewModel examples;
    private final TabPane tabs = new TabPane();
    /** How each tab shows a new snapshot; a tab not on screen is brought up to date when it is selected. */
    private final java.util.Map<String, java.util.function.Consumer<org.inquest.app.ui.analysis.IncidentSnapshot>>
            showers = new java.util.LinkedHashMap<>();
    private final java.util.Set<String> stale = new java.util.HashSet<>();
    private final Scene scene;

    public Workbench(Stage stage) {
        this.stage = stage;
        this.vm = new WorkbenchViewModel(opener, Platform::runLater,
                ws -> new FxTaskRunner(WORKERS,
                        () -> org.inquest.app.ui.task.BackgroundWork.configured(ws.newConnection()), status),
                new RecentWorkspaces(AppDirs.recentFile()), status);
        vm.runnerProperty().addListener((o, old, runner) -> attach(runner));
        // the JIT compilers warm up the window's code during the first filter changes: not before the window (ADR 0125)
        opener.execute(org.inquest.app.ui.task.ThreadNice::lowerJitCompilers);
        request = new org.inquest.app.ui.request.RequestViewModel(() -> vm.runnerProperty().get(),
                () -> incident.snapshotProperty().get() == null ? null
                        : incident.snapshotProperty().get().current().table().name(),
                () -> traces.tableProperty().get(),
                () -> incident.snapshotProperty().get() == null ? null : incident.snapshotProperty().get().reference());
        examples = new org.inquest.app.ui.request.SegmentExamplesViewModel(() -> vm.runnerProperty().get());
        traces.stageStats().setSlices(() -> slices.appliedProperty().get());
        // the explorer shows each table's saved trace links: a search that saved a new one changes that text
        traces.linksSavedProperty().addListener((o, a, b) -> explorer.refresh());
        slices.appliedProperty().addListener((o, a, spec) -> incident.compute(spec));
        CalibrationView calibrationView = new CalibrationView();
        showers.put("tab-quality", quality::show);
        showers.put("tab-drift", drift::show);
        showers.put("tab-performance", performance::show);
        showers.put("tab-fairness", fairness::show);
        showers.put("tab-versions", versions::show);
        showers.put("tab-segments", segments::show);
        showers.put("tab-report", report::show);
        showers.put("tab-calibration", calibrationView::show);
        incident.snapshotProperty().addListener((o, a, snap) -> {
            overview.show(snap);
            stale.addAll(showers.keySet());
            replay.show(snap); // cheap (no DuckDB work): stops a running playback of the old slice at once
            loadVisibleTab();
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            traces.setShown(t != null && "tab-traces".equals(t.getId()));
            loadVisibleTab();
        });

        BorderPane root = new BorderPane();
        root.setId("workbench");
        tabs.setId("tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().add(tab("Overview", "tab-overview", new OverviewView(overview, incident, this::openTab)));
        tabs.getTabs().add(tab("Data quality", "tab-quality", new QualityView(quality)));
        tabs.getTabs().add(tab("Drift", "tab-drift", new DriftView(drift)));
        tabs.getTabs().add(tab("Versions", "tab-versions", new VersionsView(versions)));
        tabs.getTabs().add(tab("Performance", "tab-performance", new PerformanceView(performance)));
        tabs.getTabs().add(tab("Calibration", "tab-calibration", calibrationView));
        tabs.getTabs().add(tab("Fairness", "tab-fairness", new FairnessView(fairness)));
        SegmentsView segmentsView = new SegmentsView(segments, this::applySegment);
        segmentsView.onSelect(i -> {
            var snap = incident.snapshotProperty().get();
            examples.load(snap == null ? null : snap.current(), snap == null || i < 0 ? null
                    : segments.condition(i, snap.current().table()));
        });
        segmentsView.setBottom(new org.inquest.app.ui.request.SegmentExamplesView(examples, this::openRequest));
        tabs.getTabs().add(tab("Segments", "tab-segments", segmentsView));
        tabs.getTabs().add(tab("Traces", "tab-traces", new org.inquest.app.ui.traces.TracesView(traces,
                id -> openRequest(org.inquest.app.ui.request.RequestKey.trace(id)))));
        tabs.getTabs().add(tab("Replay", "tab-replay", new org.inquest.app.ui.replay.ReplayView(replay,
                this::openTrace)));
        tabs.getTabs().add(tab("Request", "tab-request", new org.inquest.app.ui.request.RequestPane(request,
                this::showTrace)));
        tabs.getTabs().add(tab("SQL", "tab-sql", new SqlConsoleView(sql, (columns, row) ->
                org.inquest.app.ui.request.RequestKey.fromRow(columns, row).ifPresentOrElse(this::openRequest,
                        () -> status.say("This row has no id or trace_id column to open a request from.")))));
        tabs.getTabs().add(tab("Report", "tab-report", new ReportView(report, this::openFile)));

        Tab first = tabs.getSelectionModel().getSelectedItem();
        traces.setShown(first != null && "tab-traces".equals(first.getId()));

        ExplorerView explorerView = new ExplorerView(explorer,
                table -> QuarantineView.show(stage, explorer, table));
        SplitPane split = new SplitPane(explorerView, tabs);
        split.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(explorerView, false);

        SliceBarView sliceBar = new SliceBarView(slices);
        MenuBar menus = menuBar();
        HBox menuLine = new HBox(menus, sliceBar.actions());
        HBox.setHgrow(menus, javafx.scene.layout.Priority.ALWAYS);
        menuLine.getStyleClass().add("menu-line");
        VBox top = new VBox(menuLine, sliceBar);
        root.setTop(top);
        root.setCenter(split);
        root.setBottom(new StatusBarView(status));

        Label empty = new Label("Open a workspace (File ▸ Open, Ctrl+O) or import data (Ctrl+I).");
        empty.setPadding(new Insets(20));

        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
        });
        root.setOnDragDropped(e -> {
            if (e.getDragboard().hasFiles()) {
                openImport(e.getDragboard().getFiles().stream().map(File::toPath).toList());
                e.setDropCompleted(true);
            }
        });
        scene = new Scene(root, 1366, 768);
        Theme.apply(scene, false);
        vm.darkProperty().addListener((o, a, dark) -> Theme.apply(scene, dark));
        stage.titleProperty().bind(vm.titleProperty());
        stage.setScene(scene);
        stage.setOnHidden(e -> close());
    }

    private void attach(TaskRunner runner) {
        if (runner == null) {
            return;
        }
        explorer.attach(runner);
        sql.attach(runner);
        incident.attach(runner);
        drift.attach(runner);
        quality.attach(runner);
        performance.attach(runner);
        fairness.attach(runner);
        versions.attach(runner);
        segments.attach(runner);
        report.attach(runner, vm.pathProperty().get());
        traces.attach(runner);
        replay.attach(runner);
        overview.show(null);
        explorer.refresh();
        slices.attach(runner);
    }

    private MenuBar menuBar() {
        MenuItem newWs = item("New workspace…", "Shortcut+N", this::newWorkspace);
        MenuItem open = item("Open workspace…", "Shortcut+O", this::openWorkspace);
        Menu recent = new Menu("Open recent");
        recent.setId("menu-recent");
        recent.setOnShowing(e -> fillRecent(recent));
        fillRecent(recent);
        vm.recent().addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecent(recent));
        MenuItem importData = item("Import data…", "Shortcut+I", () -> openImport(List.of()));
        MenuItem quit = item("Quit", "Shortcut+Q", stage::close);
        Menu file = new Menu("File", null, newWs, open, recent, new SeparatorMenuItem(), importData,
                new SeparatorMenuItem(), quit);

        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        dark.selectedProperty().bindBidirectional(vm.darkProperty());
        MenuItem refresh = item("Refresh", "F5", () -> {
            incident.invalidate();
            explorer.refresh();
            slices.reload(false);
            slices.apply();
        });
        MenuItem apply = item("Apply slices", "Shortcut+Enter", slices::apply);
        Menu view = new Menu("View", null, dark, refresh, apply, new SeparatorMenuItem());
        String[] tabIds = {"tab-overview", "tab-quality", "tab-drift", "tab-versions", "tab-performance",
            "tab-calibration", "tab-fairness", "tab-segments", "tab-sql", "tab-report", "tab-traces", "tab-replay",
            "tab-request"};
        String[] tabNames = {"Overview", "Data quality", "Drift", "Versions", "Performance", "Calibration",
            "Fairness", "Segments", "SQL console", "Report", "Traces", "Replay", "Request"};
        // Shortcut+1 … Shortcut+0 for the first ten (as before); Traces, Replay and Request take Shortcut+Shift+T, R and E.
        String[] shortcuts = {"Shortcut+1", "Shortcut+2", "Shortcut+3", "Shortcut+4", "Shortcut+5", "Shortcut+6",
            "Shortcut+7", "Shortcut+8", "Shortcut+9", "Shortcut+0", "Shortcut+Shift+T", "Shortcut+Shift+R",
            "Shortcut+Shift+E"};
        for (int i = 0; i < tabIds.length; i++) {
            String id = tabIds[i];
            view.getItems().add(item(tabNames[i], shortcuts[i], () -> openTab(id)));
        }
        MenuBar bar = new MenuBar(file, view);
        bar.setId("menu-bar");
        return bar;
    }

    private void fillRecent(Menu recent) {
        List<MenuItem> items = new ArrayList<>();
        for (Path p : vm.recentList()) {
            MenuItem item = new MenuItem(p.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> vm.open(p));
            items.add(item);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            items.add(none);
        }
        recent.getItems().setAll(items);
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    /**
     * Brings the visible tab up to date with the snapshot (tabs not on screen wait until selected, so a filter change
     * costs the FX thread only the overview), and lets tabs with extra work of their own (drift over time,
     * segments) compute it when first shown.
     */
    private void loadVisibleTab() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t != null && stale.remove(t.getId())) {
            showers.get(t.getId()).accept(incident.snapshotProperty().get());
        }
        if (t == null || incident.snapshotProperty().get() == null) {
            return;
        }
        switch (t.getId()) {
            case "tab-drift" -> drift.loadWindows();
            case "tab-performance" -> performance.load();
            case "tab-fairness" -> fairness.load();
            case "tab-versions" -> versions.load();
            case "tab-segments" -> segments.load();
            case "tab-replay" -> replay.load();
            default -> { }
        }
    }

    /** Opens an exported file with the desktop's default program (HostServices). */
    private void openFile(Path file) {
        if (hostServices != null) {
            hostServices.showDocument(file.toUri().toString());
        }
    }

    private javafx.application.HostServices hostServices;

    public void setHostServices(javafx.application.HostServices services) {
        this.hostServices = services;
    }

    public ReportViewModel report() {
        return report;
    }

    /** Opens the import dialog on the open workspace (files dropped on the window are preselected). */
    public Stage openImport(List<Path> files) {
        if (vm.workspaceProperty().get() == null || vm.runnerProperty().get() == null) {
            status.say("Open or create a workspace first (File ▸ New workspace).");
            return null;
        }
        ImportViewModel importVm = new ImportViewModel(vm.workspaceProperty().get(), vm.runnerProperty().get(), opener,
                Platform::runLater);
        return ImportDialog.show(stage, importVm, files, table -> QuarantineView.show(stage, explorer, table), () -> {
            incident.invalidate();
            explorer.refresh();
            slices.reload(false);
        });
    }

    /** Applies segment row {@code index} as a filter to both slices and shows the overview. */
    void applySegment(int index) {
        var snap = incident.snapshotProperty().get();
        String condition = snap == null ? null : segments.condition(index, snap.current().table());
        if (condition != null) {
            slices.narrowBoth(condition);
            status.say("Applied segment " + condition);
            openTab("tab-overview");
        }
    }

    /** Shows trace {@code traceId} of spans table {@code table} in the Traces tab's waterfall (from the replay). */
    void openTrace(String table, String traceId) {
        traces.tableProperty().set(table);
        traces.open(traceId);
        openTab("tab-traces");
    }

    public org.inquest.app.ui.replay.ReplayViewModel replay() {
        return replay;
    }

    /** Opens the request view on {@code key} (a prediction id or a trace id). */
    public void openRequest(org.inquest.app.ui.request.RequestKey key) {
        request.open(key);
        openTab("tab-request");
    }

    /** Shows trace {@code traceId} in the Traces tab. */
    void showTrace(String traceId) {
        openTab("tab-traces");
        traces.open(traceId);
    }

    public org.inquest.app.ui.request.RequestViewModel request() {
        return request;
    }

    /** Selects the tab with {@code id} (cards and shortcuts use this). */
    public void openTab(String id) {
        tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /**
     * A tab whose content enters the scene when the tab is first selected: a view's skins, CSS and first layout cost
     * the FX thread only then, so the window's first frame pays for the overview alone.
     */
    private static Tab tab(String title, String id, Node content) {
        Tab tab = new Tab(title);
        tab.setId(id);
        if (tab.isSelected()) {
            tab.setContent(content);
        }
        tab.selectedProperty().addListener((o, was, selected) -> {
            if (selected && tab.getContent() == null) {
                tab.setContent(content);
            }
        });
        return tab;
    }

    private void newWorkspace() {
        FileChooser chooser = workspaceChooser("New workspace");
        chooser.setInitialFileName("investigation.duckdb");
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            vm.open(file.toPath());
        }
    }

    private void openWorkspace() {
        File file = workspaceChooser("Open workspace").showOpenDialog(stage);
        if (file != null) {
            vm.open(file.toPath());
        }
    }

    private static FileChooser workspaceChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Inquest workspace (DuckDB)", "*.duckdb"));
        return chooser;
    }

    /**
     * Shows the window, then opens {@code workspace} (the demo incident when null). Opening starts only after the
     * window's first frame: DuckDB's start (loading its native library, reading the catalog) and the first queries
     * would otherwise compete with the first frame for the same cores.
     */
    public void start(Path workspace) {
        Runnable[] afterFirstFrame = new Runnable[1];
        afterFirstFrame[0] = () -> {
            scene.removePostLayoutPulseListener(afterFirstFrame[0]);
            Platform.runLater(() -> open(workspace));
        };
        scene.addPostLayoutPulseListener(afterFirstFrame[0]);
        stage.show();
        Platform.requestNextPulse();
    }

    private void open(Path workspace) {
        if (workspace != null) {
            vm.open(workspace);
        } else {
            Path demo = AppDirs.demoWorkspace();
            vm.openWith(demo, java.nio.file.Files.isRegularFile(demo) ? "Opening the demo incident"
                    : "Preparing the demo incident (first run, about a minute)", () -> Workspace.open(
                            DemoIncident.ensure(demo, DEMO_ROWS, line -> Platform.runLater(() -> status.say(line)))));
        }
    }

    public void close() {
        vm.close();
        opener.shutdownNow();
    }

    public WorkbenchViewModel viewModel() {
        return vm;
    }

    public Scene scene() {
        return scene;
    }

    public TabPane tabs() {
        return tabs;
    }

    public org.inquest.app.ui.traces.TracesViewModel traces() {
        return traces;
    }

    public ExplorerViewModel explorer() {
        return explorer;
    }

    public SliceBarViewModel slices() {
        return slices;
    }

    public IncidentViewModel incident() {
        return incident;
    }

    public OverviewViewModel overview() {
        return overview;
    }

    public StatusModel status() {
        return status;
    }
}
