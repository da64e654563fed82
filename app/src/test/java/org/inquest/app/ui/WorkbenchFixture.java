package org.inquest.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.inquest.connectors.workspace.Workspace;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What every workbench TestFX class needs before its first test: a temporary folder, the user data folder inside it
 * (so recent workspaces and the demo never touch the real one), a workspace made once for the class, and a
 * {@link Workbench} on that workspace in each test's stage. Register it with
 * {@code @RegisterExtension static final WorkbenchFixture fixture = new WorkbenchFixture(TestWorkspaces::small);}
 * and open the window from the class's {@code @Start} method with {@link #open(Stage)}. Also the robot helpers those
 * classes share.
 */
public final class WorkbenchFixture implements BeforeAllCallback, AfterAllCallback {
    /** Seconds a step may take on a loaded machine before the test gives up. */
    public static final int WAIT = 60;
    private static final String DATA_DIR = "inquest.data.dir";

    /** Makes the class's workspace in a folder of its own; the fixture closes it before the workbench opens it. */
    @FunctionalInterface
    public interface WorkspaceMaker {
        Workspace make(Path dir) throws Exception;
    }

    private final WorkspaceMaker maker;
    private Path dir;
    private Path workspaceFile;

    public WorkbenchFixture(WorkspaceMaker maker) {
        this.maker = maker;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("inquest-ui-");
        System.setProperty(DATA_DIR, dir.resolve("data").toString());
        try (Workspace ws = maker.make(dir)) {
            workspaceFile = ws.file();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        System.clearProperty(DATA_DIR);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p); // best effort: a file still open elsewhere stays for the OS to clear
            }
        } catch (IOException e) {
            // a temporary folder left behind is not a test failure
        }
    }

    /** A workbench on the class's workspace, in {@code stage}. */
    public Workbench open(Stage stage) {
        Workbench workbench = new Workbench(stage);
        workbench.start(workspaceFile);
        return workbench;
    }

    public Path workspaceFile() {
        return workspaceFile;
    }

    public Path dir() {
        return dir;
    }

    /**
     * The node with CSS selector {@code id}, as the type the caller expects, once it is in the window (a tab's
     * content joins the scene graph when the tab is first shown, which a loaded machine can delay).
     */
    @SuppressWarnings("unchecked")
    public static <T> T lookup(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery().isPresent());
        return (T) robot.lookup(id).query();
    }

    /**
     * The cell showing item {@code index} of {@code items}, once laid out: cells are recycled, and right after the
     * items change a cell of the previous layout can still carry that index until the next pulse.
     */
    public static Node row(FxRobot robot, Node list, List<?> items, String cellClass, int index) throws Exception {
        Supplier<Optional<IndexedCell>> find = () -> robot.from(list).lookup(cellClass)
                .queryAllAs(IndexedCell.class).stream()
                .filter(c -> c.getIndex() == index && c.getScene() != null && c.isVisible() && index < items.size()
                        && c.getItem() == items.get(index)).findFirst();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> find.get().isPresent());
        return find.get().orElseThrow();
    }

    /** Applies {@code table} where {@code reference} against {@code table} where {@code current}, as the slice bar would. */
    public static void applySlices(FxRobot robot, Workbench workbench, String table, String reference,
            String current) {
        robot.interact(() -> {
            workbench.slices().reference().set(table, reference);
            workbench.slices().current().set(table, current);
            workbench.slices().apply();
        });
    }

    /** Moves there, then presses and releases (a plain clickOn on a freshly laid-out row can miss it). */
    public static void click(FxRobot robot, Node node) {
        robot.moveTo(node);
        robot.press(MouseButton.PRIMARY).release(MouseButton.PRIMARY);
    }

    /**
     * Types {@code text} into {@code field}, then gives the focus to {@code next} and closes any completion list the
     * typing opened: a list still showing would take the next click as the click that closes it (and a lookup
     * arriving late shows it again only while the field has the focus).
     */
    public static void type(FxRobot robot, TextInputControl field, String text, Node next) throws Exception {
        robot.clickOn(field);
        robot.write(text);
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> text.equals(field.getText()));
        robot.interact(() -> {
            next.requestFocus();
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w instanceof ContextMenu menu) {
                    menu.hide();
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The row of a request view's fields table whose field (second cell) is {@code name}. */
    public static List<Object> field(TableView<List<Object>> fields, String name) {
        return fields.getItems().stream().filter(r -> name.equals(r.get(1))).findFirst().orElseThrow();
    }
}
