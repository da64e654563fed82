package org.inquest.app.ui.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The most recently opened workspaces, newest first, kept as one path per line in a small text file. */
public final class RecentWorkspaces {
    static final int MAX = 8;
    private final Path file;

    public RecentWorkspaces(Path file) {
        this.file = file;
    }

    public List<Path> list() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<Path> paths = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    paths.add(Path.of(line.trim()));
                }
            }
            return paths;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Moves {@code workspace} to the front (adding it), keeping at most {@value #MAX}; returns the new list. */
    public List<Path> remember(Path workspace) {
        Path absolute = workspace.toAbsolutePath().normalize();
        List<Path> paths = new ArrayList<>(list());
        paths.remove(absolute);
        paths.add(0, absolute);
        while (paths.size() > MAX) {
            paths.remove(paths.size() - 1);
        }
        try {
            Files.createDirectories(file.getParent());
            List<String> lines = paths.stream().map(Path::toString).toList();
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return paths;
    }
}
