package org.lurewatch.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rocksdb.NativeLibraryLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where RocksDB's native library goes. By default RocksDB copies its 15 MB library into the system temporary
 * directory under a new random name at every start and deletes it only on a normal exit, so each {@code kill -9}
 * leaves one more copy behind. Loaded first from here, it goes to {@code <state.dir>/rocksdb-native/} under one fixed
 * name that each start replaces: a crash leaves at most that one file, inside the instance's own directory.
 */
final class RocksDbNativeLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(RocksDbNativeLibrary.class);
    static final String DIRECTORY = "rocksdb-native";

    private RocksDbNativeLibrary() {
    }

    /** Loads the library into {@code stateDir}; once per JVM (later calls, and RocksDB's own loader, do nothing). */
    static synchronized void loadInto(Path stateDir) {
        Path dir = stateDir.resolve(DIRECTORY);
        try {
            Files.createDirectories(dir);
            NativeLibraryLoader.getInstance().loadLibrary(dir.toAbsolutePath().toString());
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            // RocksDB then loads itself the usual way, from the temporary directory: worse hygiene, same function.
            LOG.warn("event=rocksdb_native_fallback dir={} error=\"{}\"", dir, e.getMessage());
        }
    }
}
