package org.lurewatch.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lurewatch.access.Access;
import org.lurewatch.access.ApiKey;
import org.lurewatch.access.IssuedKey;
import org.lurewatch.kafka.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code lurewatch apikeys}: partner API keys, in {@code <access.dir>/apikeys.json}. */
@Command(name = "apikeys", mixinStandardHelpOptions = true,
        description = {"Partner API keys for the flag API and the signal feed. A key is lwk_<key id>_<secret>; the "
                + "partner comes from the key. Stored as SHA-256 hashes in <access.dir>/apikeys.json (owner-only).",
                "Exit codes: 0 done, 2 bad input (unknown partner, no such key, ...), 1 the file cannot be read or written."},
        subcommands = {ApiKeysCommand.Create.class, ApiKeysCommand.ListKeys.class, ApiKeysCommand.Rotate.class,
                ApiKeysCommand.Revoke.class})
final class ApiKeysCommand extends CommandGroup {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a key for a partner and print it (once); the partner's other keys keep working.")
    static final class Create extends AccessSubcommand {
        @Option(names = "--partner", required = true, paramLabel = "ID", description = "The partner (an id in the routes).")
        String partner;

        @Override
        int run(Access access, PrintWriter out) {
            IssuedKey issued = access.apiKeys().create(partner);
            audit(access, "apikey.create", "apikey:" + issued.key().keyId());
            printKey(out, issued, "created");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys (ids and states, never a secret).")
    static final class ListKeys extends AccessSubcommand {
        @Option(names = "--partner", paramLabel = "ID", description = "Only this partner's keys.")
        String partner;
        @Option(names = "--json", description = "One JSON object per line.")
        boolean json;

        @Override
        int run(Access access, PrintWriter out) {
            List<ApiKey> keys = access.apiKeys().list(Optional.ofNullable(partner));
            Instant now = Instant.now();
            if (json) {
                keys.forEach(k -> out.println(Json.mapper().createObjectNode().put("key_id", k.keyId())
                        .put("partner", k.partner()).put("state", k.state(now).wireName())
                        .put("created_at", k.createdAt().toString())
                        .put("expires_at", k.expiresAt() == null ? null : k.expiresAt().toString())
                        .put("revoked_at", k.revokedAt() == null ? null : k.revokedAt().toString())));
                return 0;
            }
            if (keys.isEmpty()) {
                out.println("no API keys in " + access.apiKeys().path() + "; create one with `lurewatch apikeys "
                        + "create --partner ID`");
                return 0;
            }
            out.printf(Locale.ROOT, "%-12s %-16s %-9s %-21s %s%n", "KEY ID", "PARTNER", "STATE", "CREATED", "ENDS");
            for (ApiKey k : keys) {
                Instant end = k.revokedAt() != null ? k.revokedAt() : k.expiresAt();
                out.printf(Locale.ROOT, "%-12s %-16s %-9s %-21s %s%n", k.keyId(), k.partner(), k.state(now).wireName(),
                        time(k.createdAt()), end == null ? "-" : time(end));
            }
            return 0;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Create a new key for a partner and print it (once); the partner's other keys keep working "
                    + "for the overlap, then stop."})
    static final class Rotate extends AccessSubcommand {
        @Option(names = "--partner", required = true, paramLabel = "ID", description = "The partner (an id in the routes).")
        String partner;
        @Option(names = "--overlap", paramLabel = "DURATION", defaultValue = "24h", converter = DurationConverter.class,
                description = "How long the old keys keep working: 0, 90m, 24h, 7d (at most 30d; default ${DEFAULT-VALUE}).")
        Duration overlap;

        @Override
        int run(Access access, PrintWriter out) {
            IssuedKey issued = access.apiKeys().rotate(partner, overlap);
            audit(access, "apikey.rotate", "apikey:" + issued.key().keyId());
            printKey(out, issued, "rotated");
            out.printf(Locale.ROOT, "the partner's older keys stop at %s%n",
                    time(issued.key().createdAt().plus(overlap)));
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Stop a key at once.")
    static final class Revoke extends AccessSubcommand {
        @Parameters(index = "0", paramLabel = "KEY_ID", description = "The key id from `apikeys list`.")
        String keyId;

        @Override
        int run(Access access, PrintWriter out) {
            ApiKey revoked = access.apiKeys().revoke(keyId);
            audit(access, "apikey.revoke", "apikey:" + keyId);
            out.printf(Locale.ROOT, "revoked key %s of partner '%s'%n", keyId, revoked.partner());
            return 0;
        }
    }

    /** {@code 0}, {@code 90m}, {@code 24h}, {@code 7d}, {@code 45s}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern FORM = Pattern.compile("(\\d{1,6})([smhd]?)");

        @Override
        public Duration convert(String value) {
            Matcher m = FORM.matcher(value.trim());
            if (!m.matches() || (m.group(2).isEmpty() && !m.group(1).equals("0"))) {
                throw new TypeConversionException("'" + value + "' is not a duration; use 0, 90m, 24h or 7d");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ZERO;
            };
        }
    }

    private static void printKey(PrintWriter out, IssuedKey issued, String verb) {
        out.printf(Locale.ROOT, "%s key %s for partner '%s'%n", verb, issued.key().keyId(), issued.key().partner());
        out.println("API key (shown once; send it as 'Authorization: Bearer <key>'): " + issued.secret());
        out.flush();
    }

    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

}
