package org.inquest.app.ui;

import com.sun.javafx.scene.SceneHelper;
import com.sun.javafx.tk.TKClipboard;
import com.sun.javafx.tk.TKDropTargetListener;
import java.io.File;
import java.lang.reflect.Field;
import java.security.AccessControlContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * Drops files onto a window as the desktop does. No robot can drag a file in from outside the application, so this
 * calls the scene's drop target, the listener the windowing toolkit calls when the system delivers a drag (enter,
 * over, drop): JavaFX itself then picks the node under the point and dispatches DRAG_OVER and DRAG_DROPPED through
 * the scene graph to whichever handler is installed. Call on the FX thread.
 */
public final class FileDrop {
    private FileDrop() {
    }

    /**
     * Drags {@code files} over the centre of {@code target} and drops them there; the transfer mode the scene
     * accepted at the drop (null when no handler accepted it).
     */
    public static TransferMode drop(Node target, List<File> files) throws ReflectiveOperationException {
        Scene scene = target.getScene();
        Bounds b = target.localToScene(target.getLayoutBounds());
        double x = b.getCenterX();
        double y = b.getCenterY();
        double screenX = scene.getWindow().getX() + scene.getX() + x;
        double screenY = scene.getWindow().getY() + scene.getY() + y;
        TKClipboard dragboard = new FilesDragboard(files);
        TKDropTargetListener listener = dropTarget(scene);
        TransferMode entered = listener.dragEnter(x, y, screenX, screenY, TransferMode.COPY, dragboard);
        TransferMode over = listener.dragOver(x, y, screenX, screenY, TransferMode.COPY);
        if (entered == null && over == null) {
            listener.dragExit(x, y, screenX, screenY);
            return null;
        }
        return listener.drop(x, y, screenX, screenY, TransferMode.COPY);
    }

    /** What a file manager's drag carries: a list of files, offered to copy, move or link. */
    private static final class FilesDragboard implements TKClipboard {
        private final List<File> files;

        FilesDragboard(List<File> files) {
            this.files = List.copyOf(files);
        }

        @Override
        public void setSecurityContext(AccessControlContext context) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return Set.of(DataFormat.FILES);
        }

        @Override
        @SafeVarargs
        public final boolean putContent(Pair<DataFormat, Object>... content) {
            throw new UnsupportedOperationException("the drop target only reads");
        }

        @Override
        public Object getContent(DataFormat format) {
            return DataFormat.FILES.equals(format) ? files : null;
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return DataFormat.FILES.equals(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return EnumSet.of(TransferMode.COPY, TransferMode.MOVE, TransferMode.LINK);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offset) {
        }

        @Override
        public void setDragViewOffsetY(double offset) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }

    private static TKDropTargetListener dropTarget(Scene scene) throws ReflectiveOperationException {
        Object peer = SceneHelper.getPeer(scene);
        for (Class<?> c = peer.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField("dropTargetListener");
                f.setAccessible(true);
                return (TKDropTargetListener) f.get(peer);
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        throw new NoSuchFieldException("dropTargetListener of " + peer.getClass());
    }
}
