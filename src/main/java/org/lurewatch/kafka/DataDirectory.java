package org.lurewatch.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A broker's data directory and whether the broker owns it. A directory the broker created is
 * temporary and deleted on close; one the caller supplied is the caller's and is kept.
 */
record DataDirectory(Path path, boolean temporary) {

    static DataDirectory createTemporary(String prefix) {
        try {
            return new DataDirectory(Files.createTempDirectory(prefix), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for a Kafka broker", e);
        }
    }

    static DataDirectory supplied(Path path) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka data directory " + path, e);
        }
        return new DataDirectory(path, false);
    }

    /** Deletes the directory and everything in it if the broker created it; keeps a supplied one. */
    void deleteIfTemporary() {
        if (!temporary) {
            return;
        }
        try {
            deleteRecursively(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete Kafka data directory " + path, e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                // A file the broker removed while we walked (a deleted segment) is already gone.
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
