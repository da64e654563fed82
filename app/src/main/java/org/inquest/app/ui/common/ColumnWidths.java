package org.inquest.app.ui.common;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Sizes a table's columns so that neither a header nor a cell is cut to "…": each column gets the wider of its
 * header text and its widest cell text, measured with {@link Text} in the fonts the table's CSS gives its header
 * labels and cells (what JavaFX's own fit-to-content on a header double-click measures), plus their padding; cells
 * are held between {@link #MIN} and {@link #MAX} (a longer text is cut, a header never), and the table scrolls
 * sideways when the columns are wider than it.
 *
 * <p>It runs when the table's rows change, on the FX thread, so it is kept cheap: only the first
 * {@link #SAMPLE_ROWS} rows are measured (every row of the workbench's analysis tables), and each distinct text is
 * measured once per font. The fonts are read from the table's own header label and cell once they exist (after
 * the table's first layout); until then an estimate from the last table measured, or the default font, is used and
 * the columns are fitted again once the real ones can be read.
 */
public final class ColumnWidths<T> {
    public static final double MIN = 48;
    public static final double MAX = 340;
    public static final int SAMPLE_ROWS = 200;
    /** Room for the sort arrow (and a sort-order digit) next to a header's text, so sorting never cuts it. */
    static final double SORT_ARROW = 20;
    /** Rounding of the text layout: without it a text measured to the pixel can still lose its last letter. */
    static final double SLACK = 3;
    private static final int CACHE_LIMIT = 4096;
    private static final String FITTED = ColumnWidths.class.getName() + ".fitted";
    private static final String CELL_TEXT = ColumnWidths.class.getName() + ".cellText";

    /** The fonts and paddings headers and cells are drawn with. */
    record Style(Font header, double headerPadding, Font cell, double cellPadding, boolean fromCss) {
        static Style estimate() {
            Font base = Font.getDefault();
            double em = base.getSize();
            return new Style(Font.font(base.getFamily(), FontWeight.BOLD, em), em + 1, base, em + 1, false);
        }
    }

    /** The style the last table read (all share the theme): a better first estimate for tables shown later. */
    private static Style lastRead;

    private final TableView<T> table;
    private final Function<Object, String> text;
    private final Text probe = new Text();
    private final Map<String, Double> headerWidths = new HashMap<>();
    private final Map<String, Double> cellWidths = new HashMap<>();
    private Style style;
    private Runnable pendingRead;

    private ColumnWidths(TableView<T> table, Function<Object, String> text) {
        this.table = table;
        this.text = text;
        Style last = lastRead;
        this.style = last == null ? Style.estimate() : last;
    }

    /**
     * Fits {@code table}'s columns whenever the rows of its list change (drift's features, the explorer's columns),
     * and again once its real fonts can be read; {@code text} is what a cell shows for a value. A table that
     * replaces its columns or its list ({@link Grids#show}) calls {@link #fit(TableView)} after doing so. A column
     * the user has resized keeps its width.
     */
    public static <T> ColumnWidths<T> install(TableView<T> table, Function<Object, String> text) {
        ColumnWidths<T> widths = new ColumnWidths<>(table, text);
        table.getProperties().put(ColumnWidths.class, widths);
        ListChangeListener<T> rowsChanged = c -> widths.fit();
        table.itemsProperty().addListener((o, old, now) -> {
            if (old != null) {
                old.removeListener(rowsChanged);
            }
            if (now != null) {
                now.addListener(rowsChanged);
            }
        });
        if (table.getItems() != null) {
            table.getItems().addListener(rowsChanged);
        }
        table.sceneProperty().addListener((o, old, scene) -> widths.readStyleAfterLayout());
        widths.fit();
        return widths;
    }

    /** How {@code column}'s cells show a value, when its cell factory formats it differently from the table's. */
    public static void cellText(TableColumn<?, ?> column, Function<Object, String> text) {
        column.getProperties().put(CELL_TEXT, text);
    }

    /** Fits the columns of {@code table} if it has column widths installed. */
    public static void fit(TableView<?> table) {
        if (table.getProperties().get(ColumnWidths.class) instanceof ColumnWidths<?> widths) {
            widths.fit();
        }
    }

    /** Sets each column's preferred width from its header and the sampled rows' texts. */
    public void fit() {
        if (!style.fromCss()) {
            readStyleAfterLayout();
        }
        List<? extends TableColumn<T, ?>> columns = table.getColumns();
        ObservableList<T> items = table.getItems();
        int rows = items == null ? 0 : Math.min(items.size(), SAMPLE_ROWS);
        for (int i = 0; i < columns.size(); i++) {
            TableColumn<T, ?> column = columns.get(i);
            Object fitted = column.getProperties().get(FITTED);
            if (fitted != null && !fitted.equals(column.getPrefWidth())) {
                continue; // resized by hand
            }
            Function<Object, String> shown = textOf(column);
            double cells = 0;
            for (int r = 0; r < rows; r++) {
                cells = Math.max(cells, measure(cellWidths, style.cell(), shown.apply(column.getCellData(items.get(r)))));
            }
            double w = width(measure(headerWidths, style.header(), column.getText()), cells, style);
            column.setPrefWidth(w);
            column.getProperties().put(FITTED, w);
        }
    }

    @SuppressWarnings("unchecked")
    private Function<Object, String> textOf(TableColumn<T, ?> column) {
        Object own = column.getProperties().get(CELL_TEXT);
        return own instanceof Function<?, ?> f ? (Function<Object, String>) f : text;
    }

    /** The column width for a header text and widest cell text of these widths (in pixels, padding excluded). */
    static double width(double headerText, double widestCellText, Style style) {
        double header = Math.ceil(headerText + style.headerPadding() + SORT_ARROW + SLACK);
        double cells = Math.ceil(widestCellText + style.cellPadding() + SLACK);
        return Math.max(header, Math.min(MAX, Math.max(MIN, cells)));
    }

    private double measure(Map<String, Double> cache, Font font, String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        Double known = cache.get(s);
        if (known != null) {
            return known;
        }
        if (cache.size() > CACHE_LIMIT) {
            cache.clear();
        }
        probe.setFont(font);
        probe.setText(s);
        double w = probe.getLayoutBounds().getWidth();
        cache.put(s, w);
        return w;
    }

    /**
     * Reads the header and cell fonts from the table's nodes after the next layout (when they exist and have their
     * CSS), and fits again if they differ from the estimate used so far. Only a table in a scene with columns waits
     * for them, and only until it has read them.
     */
    private void readStyleAfterLayout() {
        Scene scene = table.getScene();
        if (style.fromCss() || pendingRead != null || scene == null || table.getColumns().isEmpty()) {
            return;
        }
        Runnable read = new Runnable() {
            @Override
            public void run() {
                Style read = readStyle();
                if (read == null && table.getScene() == scene && !table.getColumns().isEmpty()) {
                    return; // its headers are not made yet (not laid out, not shown): try after the next layout
                }
                // a pulse listener may not remove itself while the pulse runs the listeners
                Platform.runLater(() -> scene.removePostLayoutPulseListener(this));
                pendingRead = null;
                if (read != null) {
                    lastRead = read;
                    boolean changed = !read.equals(style);
                    style = read;
                    headerWidths.clear();
                    cellWidths.clear();
                    if (changed) {
                        fit();
                    }
                }
            }
        };
        pendingRead = read;
        scene.addPostLayoutPulseListener(read);
    }

    /** The fonts and paddings of the table's header label and cell; null while it has no header label. */
    private Style readStyle() {
        // the first header with text: the invisible root header (a column header too) has an empty label
        Labeled header = null;
        for (Node n : table.lookupAll(".column-header > .label")) {
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()
                    && l.getParent() instanceof Region) {
                header = l;
                break;
            }
        }
        if (header == null) {
            return null;
        }
        Region headerBox = (Region) header.getParent();
        double headerPadding = horizontal(header.getInsets()) + horizontal(headerBox.getInsets());
        Node cellNode = table.lookup(".table-row-cell > .table-cell");
        if (cellNode instanceof Labeled cell) {
            return new Style(header.getFont(), headerPadding, cell.getFont(), horizontal(cell.getInsets()), true);
        }
        // no row yet: cells are drawn in the header's font without its weight, with the header label's padding
        Font font = header.getFont();
        Font plain = Font.font(font.getFamily(), FontWeight.NORMAL, font.getSize());
        return new Style(font, headerPadding, plain, horizontal(header.getInsets()) + 1, false);
    }

    private static double horizontal(Insets insets) {
        return insets.getLeft() + insets.getRight();
    }
}
