package org.lurewatch.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One JSON credential file under {@code access.dir}, shared by the CLI that writes it and every instance that reads
 * it:
 * <ul>
 *   <li>reads are cached and reloaded when the file changes (its inode, size or modification time), checked on every
 *       read, so an {@code accounts disable} in another process takes effect at the next request;</li>
 *   <li>writes are read-modify-write under a lock (a lock file across processes, a lock within this JVM), written to
 *       a temporary file, forced to disk and renamed over the old one, so a reader sees the old file or the new one,
 *       never half of one;</li>
 *   <li>files and the directory are owner-only ({@code rw-------}, {@code rwx------}); a file others can read or
 *       write is refused with the {@code chmod} that fixes it;</li>
 *   <li>a file that is not valid JSON of the expected form is refused with its path and the parser's reason: the
 *       caller fails closed.</li>
 * </ul>
 *
 * @param <T> the document type (a record that checks itself in its constructor)
 */
final class CredentialFile<T> {
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final long RECHECK_NANOS = 2_000_000_000L;
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Class<T> type;
    private final Supplier<T> empty;
    private volatile Snapshot<T> snapshot;

    CredentialFile(Path file, Class<T> type, Supplier<T> empty) {
        this.file = file.toAbsolutePath().normalize();
        this.type = Objects.requireNonNull(type, "type");
        this.empty = Objects.requireNonNull(empty, "empty");
    }

    Path path() {
        return file;
    }

    /**
     * The current document: cached, reloaded when the file changed; empty while the file does not exist. Besides the
     * stamp (inode, size, modification time), the bytes are compared at least every {@link #RECHECK_NANOS}, so even a
     * change the stamp cannot see (a coarse clock, a reused inode) is picked up within two seconds.
     */
    T read() {
        Stamp stamp = stamp();
        checkPermissions(stamp);
        Snapshot<T> current = snapshot;
        if (current != null && Objects.equals(current.stamp(), stamp) && System.nanoTime() - current.checkedAt() < RECHECK_NANOS) {
            return current.value();
        }
        synchronized (this) {
            current = snapshot;
            if (stamp == null) {
                T value = empty.get();
                snapshot = new Snapshot<>(null, new byte[0], value, System.nanoTime());
                return value;
            }
            // Stamp first, content second: if the file is replaced in between, the next read sees a new stamp and
            // loads again, so a change is never missed.
            byte[] bytes = readBytes();
            T value = current != null && Arrays.equals(current.bytes(), bytes) ? current.value() : parse(bytes);
            snapshot = new Snapshot<>(stamp, bytes, value, System.nanoTime());
            return value;
        }
    }

    /**
     * Applies {@code change} to the document as it is on disk now and writes the result, under the file lock.
     * Returns the new document.
     */
    T update(UnaryOperator<T> change) {
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(file, path -> new ReentrantLock());
        jvmLock.lock();
        try {
            ensureDirectory();
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    ownerOnly(OWNER_FILE));
                 FileLock ignored = channel.lock()) {
                Stamp stamp = stamp();
                checkPermissions(stamp);
                T current = stamp == null ? empty.get() : parse(readBytes());
                T next = change.apply(current);
                byte[] bytes = write(next);
                snapshot = new Snapshot<>(stamp(), bytes, next, System.nanoTime());
                return next;
            }
        } catch (IOException e) {
            throw new AccessStoreException("cannot write " + file + ": " + describe(e), e);
        } finally {
            jvmLock.unlock();
        }
    }

    private byte[] write(T document) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(document);
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp", ownerOnly(OWNER_FILE));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return bytes;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void ensureDirectory() throws IOException {
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, ownerOnly(OWNER_DIR));
        }
    }

    private byte[] readBytes() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AccessStoreException("cannot read " + file + ": " + describe(e), e);
        }
    }

    private T parse(byte[] bytes) {
        try {
            T value = JSON.readValue(bytes, type);
            if (value == null) {
                throw new AccessStoreException(file + " is corrupt: it holds no document; restore it from a backup");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new AccessStoreException(file + " is corrupt and was not used: " + e.getOriginalMessage()
                    + " (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                    + "); restore it from a backup or fix it by hand", e);
        } catch (IOException e) {
            throw new AccessStoreException("cannot read " + file + ": " + describe(e), e);
        }
    }

    private void checkPermissions(Stamp stamp) {
        if (stamp == null || stamp.permissions() == null) {
            return;
        }
        if (!OWNER_FILE.containsAll(stamp.permissions())) {
            throw new AccessStoreException(file + " is open to other users ("
                    + PosixFilePermissions.toString(stamp.permissions()) + ") and was not used; it holds credentials: "
                    + "run `chmod 600 " + file + "`");
        }
    }

    private Stamp stamp() {
        try {
            if (POSIX) {
                PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class);
                return new Stamp(attributes.fileKey(), attributes.lastModifiedTime().toInstant(), attributes.size(),
                        attributes.permissions());
            }
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.fileKey(), attributes.lastModifiedTime().toInstant(), attributes.size(), null);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new AccessStoreException("cannot read " + file + ": " + describe(e), e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** What a stat call tells: enough to see a replaced file, and its permissions (null off POSIX). */
    private record Stamp(Object fileKey, Instant modified, long size, Set<PosixFilePermission> permissions) {
    }

    private record Snapshot<T>(Stamp stamp, byte[] bytes, T value, long checkedAt) {
    }
}
