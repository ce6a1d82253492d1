package org.lurewatch.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

/**
 * The audit log as a file of JSON lines, one {@link AuditEvent} per line
 * ({@code {"at":"...","actor":"analyst:ana","action":"login","object":"account:ana","outcome":"ok","via":"http:127.0.0.1"}}),
 * appended and flushed per line, owner-only. Give each instance its own file ({@code access.audit.file}): appends
 * from two hosts to one file on a network share can interleave.
 */
public final class FileAuditLog implements AuditLog, AutoCloseable {
    private final Path file;
    private FileChannel channel;

    private FileAuditLog(Path file) {
        this.file = file;
    }

    /**
     * An audit log appending to {@code file}; the file (and its directory) is created owner-only at the first
     * event, so an instance that records nothing leaves nothing behind.
     */
    public static FileAuditLog at(Path file) {
        return new FileAuditLog(file.toAbsolutePath().normalize());
    }

    private static FileChannel open(Path absolute) {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (!Files.isDirectory(absolute.getParent())) {
                Files.createDirectories(absolute.getParent(), posix
                        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                        : new FileAttribute<?>[0]);
            }
            FileAttribute<?>[] ownerOnly = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                    : new FileAttribute<?>[0];
            FileChannel channel = FileChannel.open(absolute,
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND), ownerOnly);
            return channel;
        } catch (IOException e) {
            throw new AccessStoreException("cannot open the audit log " + absolute + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return file;
    }

    @Override
    public synchronized void record(AuditEvent event) {
        byte[] json;
        try {
            json = CredentialFile.JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit event is always serialisable", e);
        }
        byte[] line = Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        if (channel == null) {
            channel = open(file);
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw new AccessStoreException("cannot write the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
            channel = null;
        } catch (IOException e) {
            throw new AccessStoreException("cannot close the audit log " + file + ": " + e.getMessage(), e);
        }
    }
}
