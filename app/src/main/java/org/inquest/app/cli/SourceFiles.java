package org.inquest.app.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.inquest.connectors.error.InputException;

/**
 * Expands the FILE arguments of {@code import}: a path that exists is taken as is; one with glob characters in its
 * file name ({@code *}, {@code ?}, {@code [..]}, {@code {a,b}}) is matched in its folder, sorted by name, for shells
 * that pass a quoted glob through. A glob that matches nothing is an input error naming it.
 */
final class SourceFiles {
    private SourceFiles() {
    }

    static List<Path> expand(List<String> arguments) {
        List<Path> files = new ArrayList<>();
        for (String argument : arguments) {
            Path path = Path.of(argument);
            if (Files.exists(path) || !isGlob(path.getFileName() == null ? "" : path.getFileName().toString())) {
                files.add(path);
                continue;
            }
            Path folder = path.getParent() == null ? Path.of(".") : path.getParent();
            List<Path> matches = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, path.getFileName().toString())) {
                for (Path match : stream) {
                    if (Files.isRegularFile(match)) {
                        matches.add(path.getParent() == null ? match.getFileName() : match);
                    }
                }
            } catch (IOException e) {
                throw new InputException(argument + ": cannot list " + folder + ": " + e.getMessage(), e);
            }
            if (matches.isEmpty()) {
                throw new InputException(argument + ": no file matches");
            }
            matches.sort(null);
            files.addAll(matches);
        }
        return files;
    }

    private static boolean isGlob(String name) {
        return name.indexOf('*') >= 0 || name.indexOf('?') >= 0 || name.indexOf('[') >= 0 || name.indexOf('{') >= 0;
    }
}
