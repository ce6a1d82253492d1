package org.lurewatch.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.lurewatch.config.ConfigException;
import org.lurewatch.config.LurewatchConfig;

/**
 * The stable id an instance joins its group with ({@code group.instance.id}, static membership): a restarted
 * instance that comes back under the same id gets its partitions back at once, without waiting for its dead
 * predecessor's session to time out or a rebalance. {@code instance.id} sets it; otherwise an instance with a
 * configured {@code state.dir} keeps a generated one in {@code <state.dir>/lurewatch-instance-id}, so it survives
 * restarts exactly as long as the instance's state does. A temporary state directory means no static membership.
 */
final class InstanceIdentity {
    static final String FILE = "lurewatch-instance-id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    private InstanceIdentity() {
    }

    static Optional<String> resolve(LurewatchConfig config, Path stateDir) {
        if (config.cluster().instanceId().isPresent()) {
            String id = config.cluster().instanceId().get();
            if (!VALID.matcher(id).matches()) {
                throw new ConfigException("bad value for 'instance.id': '" + id + "'; expected letters, digits, '.', "
                        + "'_' and '-', at most 200");
            }
            return Optional.of(id);
        }
        if (config.stateDir().isEmpty()) {
            return Optional.empty();
        }
        Path file = stateDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (VALID.matcher(id).matches()) {
                    return Optional.of(id);
                }
            }
            Files.createDirectories(stateDir);
            byte[] random = new byte[6];
            new SecureRandom().nextBytes(random);
            String id = "lw-" + HexFormat.of().formatHex(random);
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
            return Optional.of(id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the instance id in " + file + "; set instance.id", e);
        }
    }
}
