package org.inquest.app.ui.bench;

import java.nio.file.Path;
import org.inquest.app.ui.session.DemoIncident;

/**
 * Generates the demo incident workspace the workbench benchmark opens, exactly as the workbench's first run does
 * ({@link DemoIncident}). Usage: {@code BenchData WORKSPACE ROWS}.
 */
public final class BenchData {
    private BenchData() {
    }

    public static void main(String[] args) {
        DemoIncident.ensure(Path.of(args[0]), Long.parseLong(args[1]), System.err::println);
    }
}
