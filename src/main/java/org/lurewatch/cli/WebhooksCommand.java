package org.lurewatch.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.lurewatch.access.Access;
import org.lurewatch.access.IssuedWebhookSecret;
import org.lurewatch.access.Principal;
import org.lurewatch.access.WebhookEndpoint;
import org.lurewatch.access.WebhookEvent;
import org.lurewatch.config.ConfigException;
import org.lurewatch.config.ConfigLoader;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.delivery.Redelivery;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.Topics;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lurewatch webhooks}: webhook endpoints of hotlines and partners, in {@code <access.dir>/webhooks.json}. */
@Command(name = "webhooks", mixinStandardHelpOptions = true,
        description = {"Webhook endpoints of hotlines and partners: where their alerts (and, if they want, the signal "
                + "feed) are POSTed, signed the Standard Webhooks way (webhook-id, webhook-timestamp, webhook-signature). "
                + "Stored with their signing secrets in <access.dir>/webhooks.json (owner-only); running instances "
                + "follow changes within seconds.",
                "Exit codes: 0 done, 2 bad input (unknown hotline, partner or endpoint, a bad URL, ...), 1 the file "
                        + "cannot be read or written, or a redelivery failed again."},
        subcommands = {WebhooksCommand.Add.class, WebhooksCommand.ListEndpoints.class, WebhooksCommand.Rotate.class,
                WebhooksCommand.Remove.class, WebhooksCommand.Redeliver.class})
final class WebhooksCommand extends CommandGroup {

    /** Exactly one of --hotline and --partner. */
    static final class Owner {
        @Option(names = "--hotline", required = true, paramLabel = "ID", description = "A hotline of the routes.")
        String hotline;
        @Option(names = "--partner", required = true, paramLabel = "ID", description = "A partner of the routes.")
        String partner;

        Principal resolve(Access access) {
            return hotline != null ? access.identities().requireHotline(hotline) : access.identities().requirePartner(partner);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Register an endpoint and print its signing secret (once).")
    static final class Add extends AccessSubcommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Owner owner;
        @Option(names = "--url", required = true, paramLabel = "URL", description = "Where to POST: https://...")
        String url;
        @Option(names = "--events", paramLabel = "LIST", defaultValue = "alerts",
                description = "alerts (the owner's own alerts), signals (confirmed recruiter contacts) or both, "
                        + "comma-separated (default: ${DEFAULT-VALUE}).")
        String events;
        @Option(names = "--allow-http", description = "Accept a plain http:// URL (a receiver on a trusted network only).")
        boolean allowHttp;

        @Override
        int run(Access access, PrintWriter out) {
            Set<WebhookEvent> wanted = new LinkedHashSet<>();
            try {
                Arrays.stream(events.split(",")).map(String::trim).filter(e -> !e.isEmpty()).map(WebhookEvent::fromWire)
                        .forEach(wanted::add);
            } catch (IllegalArgumentException e) {
                throw new UserFacingException("--events: " + e.getMessage());
            }
            IssuedWebhookSecret issued = access.webhooks().add(owner.resolve(access), url, wanted, allowHttp);
            WebhookEndpoint endpoint = issued.endpoint();
            audit(access, "webhook.add", "webhook:" + endpoint.endpointId());
            out.printf(Locale.ROOT, "added endpoint %s for %s: %s (%s)%n", endpoint.endpointId(), endpoint.owner(),
                    endpoint.url(), events(endpoint));
            printSecret(out, issued);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List endpoints (never a secret).")
    static final class ListEndpoints extends AccessSubcommand {
        @ArgGroup(exclusive = true)
        Owner owner;
        @Option(names = "--json", description = "One JSON object per line.")
        boolean json;

        @Override
        int run(Access access, PrintWriter out) {
            List<WebhookEndpoint> endpoints = access.webhooks().list(Optional.ofNullable(owner).map(o -> o.resolve(access)));
            Instant now = Instant.now();
            if (json) {
                endpoints.forEach(e -> {
                    var line = Json.mapper().createObjectNode().put("endpoint_id", e.endpointId()).put("owner", e.owner())
                            .put("url", e.url()).put("created_at", e.createdAt().toString());
                    var list = line.putArray("events");
                    e.events().forEach(event -> list.add(event.wireName()));
                    var secrets = line.putArray("secrets");
                    e.secrets().forEach(s -> secrets.addObject().put("secret_id", s.secretId())
                            .put("created_at", s.createdAt().toString())
                            .put("expires_at", s.expiresAt() == null ? null : s.expiresAt().toString())
                            .put("in_use", s.usable(now)));
                    out.println(line);
                });
                return 0;
            }
            if (endpoints.isEmpty()) {
                out.println("no webhook endpoints in " + access.webhooks().path() + "; add one with `lurewatch webhooks add "
                        + "--hotline ID --url https://...`");
                return 0;
            }
            out.printf(Locale.ROOT, "%-12s %-22s %-15s %-21s %-8s %s%n", "ENDPOINT", "OWNER", "EVENTS", "CREATED", "SECRETS", "URL");
            for (WebhookEndpoint e : endpoints) {
                out.printf(Locale.ROOT, "%-12s %-22s %-15s %-21s %-8s %s%n", e.endpointId(), e.owner(), events(e),
                        ApiKeysCommand.time(e.createdAt()), e.signingSecrets(now).size(), e.url());
            }
            return 0;
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Make a new signing secret and print it (once); the endpoint's older secrets keep signing "
                    + "for the overlap (every delivery carries one signature per secret), then stop."})
    static final class Rotate extends AccessSubcommand {
        @Parameters(index = "0", paramLabel = "ENDPOINT_ID", description = "The endpoint id from `webhooks list`.")
        String endpointId;
        @Option(names = "--overlap", paramLabel = "DURATION", defaultValue = "24h", converter = ApiKeysCommand.DurationConverter.class,
                description = "How long the old secrets keep signing: 0, 90m, 24h, 7d (at most 30d; default ${DEFAULT-VALUE}).")
        Duration overlap;

        @Override
        int run(Access access, PrintWriter out) {
            IssuedWebhookSecret issued = access.webhooks().rotate(endpointId, overlap);
            audit(access, "webhook.rotate", "webhook:" + endpointId);
            out.printf(Locale.ROOT, "rotated the secret of endpoint %s (%s)%n", endpointId, issued.endpoint().owner());
            printSecret(out, issued);
            out.printf(Locale.ROOT, "older secrets stop signing at %s%n", ApiKeysCommand.time(issued.secret().createdAt().plus(overlap)));
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an endpoint; deliveries to it stop within seconds.")
    static final class Remove extends AccessSubcommand {
        @Parameters(index = "0", paramLabel = "ENDPOINT_ID", description = "The endpoint id from `webhooks list`.")
        String endpointId;

        @Override
        int run(Access access, PrintWriter out) {
            WebhookEndpoint removed = access.webhooks().remove(endpointId);
            audit(access, "webhook.remove", "webhook:" + endpointId);
            out.printf(Locale.ROOT, "removed endpoint %s of %s (%s)%n", endpointId, removed.owner(), removed.url());
            return 0;
        }
    }

    @Command(name = "redeliver", mixinStandardHelpOptions = true,
            description = {"Send an endpoint's dead letters (deliveries that failed for good) again, signed with its "
                    + "current secrets and with their original webhook-id, once each, in order. Fix the receiver first.",
                    "Needs the Kafka cluster: --bootstrap-servers, or bootstrap.servers in --config."})
    static final class Redeliver implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        AccessOptions options;
        @Parameters(index = "0", paramLabel = "ENDPOINT_ID", description = "The endpoint id from `webhooks list`.")
        String endpointId;
        @Option(names = "--since", paramLabel = "TIME", defaultValue = "7d",
                description = "Dead letters written since: a duration back from now (90m, 24h, 7d) or a time "
                        + "(2026-12-01T00:00:00Z); default ${DEFAULT-VALUE}.")
        String since;
        @Option(names = "--dry-run", description = "Only list what would be sent.")
        boolean dryRun;
        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Kafka cluster.")
        String bootstrapServers;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            if (bootstrapServers != null) {
                options.settings.put("bootstrap.servers", bootstrapServers);
            }
            LurewatchConfig config = options.config();
            String servers = config.bootstrapServers().orElseThrow(() -> new ConfigException("'bootstrap.servers' is "
                    + "not set: give --bootstrap-servers, set it in --config, or set "
                    + ConfigLoader.envName("bootstrap.servers")));
            Instant from = parseSince(since);
            try (Access access = options.open()) {
                WebhookEndpoint endpoint = access.webhooks().find(endpointId).orElseThrow(() -> new UserFacingException(
                        "no webhook endpoint with id '" + endpointId + "'; `webhooks list` shows them"));
                Redelivery.Result result = new Redelivery(servers, config.kafkaClientSettings(), Topics.defaults().webhookDeadLetter(),
                        config.webhooks().timeout(), Clock.systemUTC()).redeliver(endpoint, from, dryRun, out);
                if (!dryRun) {
                    AccessSubcommand.audit(access, "webhook.redeliver", "webhook:" + endpointId);
                }
                out.printf(Locale.ROOT, "%d dead letters of endpoint %s since %s: %s%n", result.found(), endpointId, ApiKeysCommand.time(from),
                        dryRun ? "none sent (--dry-run)" : result.delivered() + " delivered, " + result.failed() + " failed again");
                out.flush();
                return result.failed() > 0 ? 1 : 0;
            }
        }

        private static Instant parseSince(String value) {
            try {
                return Instant.now().minus(new ApiKeysCommand.DurationConverter().convert(value));
            } catch (RuntimeException notADuration) {
                try {
                    return Instant.parse(value);
                } catch (DateTimeParseException e) {
                    throw new UserFacingException("--since '" + value + "' is neither a duration (24h, 7d) nor a time "
                            + "(2026-12-01T00:00:00Z)");
                }
            }
        }
    }

    private static String events(WebhookEndpoint endpoint) {
        return endpoint.events().stream().map(WebhookEvent::wireName).collect(Collectors.joining(","));
    }

    private static void printSecret(PrintWriter out, IssuedWebhookSecret issued) {
        out.println("signing secret (shown once; the receiver verifies webhook-signature with it): " + issued.secret().secret());
        out.flush();
    }
}
