package org.inquest.app.ui.importing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.inquest.app.ui.common.Format;
import org.inquest.app.ui.common.ResultGrid;
import org.inquest.app.ui.task.Errors;
import org.inquest.app.ui.task.LatestOnly;
import org.inquest.app.ui.task.TaskRunner;
import org.inquest.connectors.catalog.ColumnRole;
import org.inquest.connectors.ingest.CancelHandle;
import org.inquest.connectors.ingest.FileOutcome;
import org.inquest.connectors.ingest.FormatDetector;
import org.inquest.connectors.ingest.ImportCancelledException;
import org.inquest.connectors.ingest.ImportKind;
import org.inquest.connectors.ingest.ImportListener;
import org.inquest.connectors.ingest.ImportRequest;
import org.inquest.connectors.ingest.ImportResult;
import org.inquest.connectors.ingest.Importer;
import org.inquest.connectors.ingest.RoleInference;
import org.inquest.connectors.ingest.RoleOverride;
import org.inquest.connectors.ingest.SourceFormat;
import org.inquest.connectors.workspace.Workspace;

/**
 * The import dialog: files, table name and kind, a preview of the first rows with each column's role (inferred as
 * the importer would, editable), then the import itself with rows/s and Cancel, and its summary. The import runs
 * through {@link Importer} on {@code importThread} (the thread that owns the workspace's connection); progress
 * comes back through {@code ui}.
 */
public final class ImportViewModel {
    static final int PREVIEW_ROWS = 20;

    /** One column of the preview with its role, editable in place. */
    public static final class RoleRow {
        private final String column;
        private final String type;
        private final StringProperty role;

        RoleRow(String column, String type, String role) {
            this.column = column;
            this.type = type;
            this.role = new SimpleStringProperty(role);
        }

        public String column() {
            return column;
        }

        public String type() {
            return type;
        }

        public StringProperty roleProperty() {
            return role;
        }
    }

    private final Workspace workspace;
    private final TaskRunner runner;
    private final Executor importThread;
    private final Executor ui;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final StringProperty table = new SimpleStringProperty("");
    private final ObjectProperty<ImportKind> kind = new SimpleObjectProperty<>(ImportKind.PREDICTIONS);
    private final ObjectProperty<ResultGrid> preview = new SimpleObjectProperty<>(ResultGrid.EMPTY);
    private final ObservableList<RoleRow> roles = FXCollections.observableArrayList();
    private final StringProperty progress = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final ObjectProperty<ImportResult> result = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final LatestOnly previewTask = new LatestOnly();
    private volatile CancelHandle cancel;

    public ImportViewModel(Workspace workspace, TaskRunner runner, Executor importThread, Executor ui) {
        this.workspace = workspace;
        this.runner = runner;
        this.importThread = importThread;
        this.ui = ui;
    }

    /** Sets the files to import; proposes a table name from the first and reads its preview. */
    public void setFiles(List<Path> chosen) {
        files.setAll(chosen);
        result.set(null);
        error.set("");
        progress.set("");
        if (chosen.isEmpty()) {
            return;
        }
        if (table.get() == null || table.get().isBlank()) {
            table.set(tableNameFor(chosen.get(0)));
        }
        Path first = chosen.get(0);
        previewTask.submit(runner, "Previewing " + first.getFileName(), ctx -> readPreview(ctx.connection(), first),
                this::showPreview, e -> error.set(Errors.oneLine(e)));
    }

    /** A valid table name from a file name: letters, digits and _ only, not starting with a digit. */
    static String tableNameFor(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        String base = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9_]", "_");
        return base.isEmpty() || Character.isDigit(base.charAt(0)) ? "t_" + base : base;
    }

    static ResultGrid readPreview(Connection c, Path file) throws Exception {
        SourceFormat format = FormatDetector.detect(file);
        String reader = switch (format) {
            case CSV -> "read_csv(?, header = true)";
            case PARQUET -> "read_parquet(?)";
            case JSON_LINES -> "read_json(?, format = 'newline_delimited')";
            case JSON -> "read_json(?)";
            default -> throw new org.inquest.connectors.error.UsageException(file.getFileName() + " is a "
                    + format.wireName() + " trace file: it imports as kind traces, without a tabular preview");
        };
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + reader + " LIMIT " + PREVIEW_ROWS)) {
            ps.setString(1, file.toAbsolutePath().toString());
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> names = new ArrayList<>();
                List<String> types = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    names.add(md.getColumnLabel(i));
                    types.add(md.getColumnTypeName(i));
                }
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= names.size(); i++) {
                        Object v = rs.getObject(i);
                        row.add(v == null || v instanceof Number || v instanceof String ? v : Format.value(v));
                    }
                    rows.add(row);
                }
                List<String> header = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    header.add(names.get(i) + "\u0000" + types.get(i));
                }
                return new ResultGrid(header, rows, false);
            }
        }
    }

    private void showPreview(ResultGrid raw) {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (String h : raw.columns()) {
            int sep = h.indexOf('\u0000');
            names.add(h.substring(0, sep));
            types.add(h.substring(sep + 1));
        }
        Map<String, ColumnRole> inferred = RoleInference.infer(names, Map.of(), List.of());
        List<RoleRow> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            ColumnRole r = inferred.getOrDefault(names.get(i), ColumnRole.FEATURE);
            rows.add(new RoleRow(names.get(i), types.get(i), r.wireName()));
        }
        roles.setAll(rows);
        preview.set(new ResultGrid(names, raw.rows(), false));
    }

    /** The roles the user changed from what the importer would infer, as overrides for the import. */
    List<RoleOverride> overrides() {
        List<String> names = roles.stream().map(RoleRow::column).toList();
        Map<String, ColumnRole> inferred = names.isEmpty() ? Map.of() : RoleInference.infer(names, Map.of(), List.of());
        List<RoleOverride> out = new ArrayList<>();
        for (RoleRow r : roles) {
            ColumnRole chosen = ColumnRole.fromWireName(r.roleProperty().get());
            if (chosen != inferred.getOrDefault(r.column(), ColumnRole.FEATURE)) {
                out.add(new RoleOverride(chosen, r.column()));
            }
        }
        return out;
    }

    /** Starts the import; {@code onDone} runs on the UI thread after success (e.g. refresh the explorer). */
    public void start(Runnable onDone) {
        if (files.isEmpty() || running.get()) {
            return;
        }
        CancelHandle handle = new CancelHandle();
        cancel = handle;
        running.set(true);
        error.set("");
        result.set(null);
        progress.set("Starting…");
        ImportRequest request;
        try {
            request = new ImportRequest(table.get().strip(), kind.get(), overrides(), List.copyOf(files));
        } catch (RuntimeException e) {
            running.set(false);
            error.set(Errors.oneLine(e));
            return;
        }
        Map<Path, Long> done = new LinkedHashMap<>();
        ImportListener listener = new ImportListener() {
            @Override
            public void progress(Path file, long rowsRead, double rowsPerSecond) {
                ui.execute(() -> progress.set(String.format(Locale.ROOT, "%s: %,d rows read, %,.0f rows/s",
                        file.getFileName(), rowsRead, rowsPerSecond)));
            }

            @Override
            public void fileFinished(Path file, FileOutcome outcome) {
                done.put(file, outcome.rowsAccepted());
                ui.execute(() -> progress.set(String.format(Locale.ROOT, "%s: %,d rows imported, %,d quarantined",
                        file.getFileName(), outcome.rowsAccepted(), outcome.rowsQuarantined())));
            }
        };
        importThread.execute(() -> {
            try {
                ImportResult r = new Importer(workspace).run(request, listener, handle);
                ui.execute(() -> {
                    running.set(false);
                    result.set(r);
                    progress.set(summary(r));
                    onDone.run();
                });
            } catch (ImportCancelledException e) {
                ui.execute(() -> {
                    running.set(false);
                    progress.set("Cancelled: nothing was imported from the file being read"
                            + (done.isEmpty() ? "." : " (" + done.size() + " earlier file(s) were committed)."));
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    running.set(false);
                    progress.set("");
                    error.set(Errors.oneLine(e));
                });
            }
        });
    }

    static String summary(ImportResult r) {
        long accepted = r.files().stream().mapToLong(FileOutcome::rowsAccepted).sum();
        long quarantined = r.files().stream().mapToLong(FileOutcome::rowsQuarantined).sum();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Imported %s into %s (%s) from %s; %s quarantined.", Format.count(accepted, "row"), r.table().name(),
                r.table().kind(), Format.count(r.files().size(), "file"), Format.count(quarantined, "row")));
        for (FileOutcome f : r.files()) {
            if (f.cutLine() > 0) {
                text.append(String.format(Locale.ROOT, " %s ends inside line %d (truncated JSON): that line is"
                        + " quarantined.", f.file().getFileName(), f.cutLine()));
            }
        }
        return text.toString();
    }

    public void cancel() {
        CancelHandle h = cancel;
        if (h != null && running.get()) {
            h.cancel();
            progress.set("Cancelling…");
        }
    }

    public long quarantined() {
        ImportResult r = result.get();
        return r == null ? 0 : r.files().stream().mapToLong(FileOutcome::rowsQuarantined).sum();
    }

    public ObservableList<Path> files() {
        return files;
    }

    public StringProperty tableProperty() {
        return table;
    }

    public ObjectProperty<ImportKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<ResultGrid> previewProperty() {
        return preview;
    }

    public ObservableList<RoleRow> roles() {
        return roles;
    }

    public StringProperty progressProperty() {
        return progress;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public ObjectProperty<ImportResult> resultProperty() {
        return result;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
