package org.lurewatch.access;

import static org.apache.kafka.common.acl.AclOperation.ALL;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.lurewatch.alert.Routes;
import org.lurewatch.kafka.Topics;

/**
 * Every identity Lurewatch knows, derived from the routes and nothing else: the app, the operator, the feed
 * connectors, one hotline per hotline route and one partner per partner route. The ACL generator, the console, the
 * flag API and the webhooks all take their principals from here, so a name is spelled once.
 *
 * <p>Route ids are unique across hotlines and partners (the routes loader checks it), so a Kafka user name
 * identifies one principal.
 */
public final class Identities {
    /** Consumer groups of a hotline or partner start with its Kafka user and this separator: {@code hotline-id.inbox}. */
    public static final String GROUP_SEPARATOR = ".";

    private final Principal app = Principal.singleton(PrincipalKind.APP);
    private final Principal operator = Principal.singleton(PrincipalKind.OPERATOR);
    private final Principal feeds = Principal.singleton(PrincipalKind.FEEDS);
    private final Map<String, Principal> hotlines = new LinkedHashMap<>();
    private final Map<String, Principal> partners = new LinkedHashMap<>();

    private Identities(Routes routes) {
        routes.hotlineIds().forEach(id -> hotlines.put(id, Principal.hotline(id)));
        routes.partnerIds().forEach(id -> partners.put(id, Principal.partner(id)));
    }

    public static Identities of(Routes routes) {
        return new Identities(Objects.requireNonNull(routes, "routes"));
    }

    public Principal app() {
        return app;
    }

    public Principal operator() {
        return operator;
    }

    public Principal feeds() {
        return feeds;
    }

    public List<Principal> hotlines() {
        return List.copyOf(hotlines.values());
    }

    public List<Principal> partners() {
        return List.copyOf(partners.values());
    }

    public Optional<Principal> hotline(String id) {
        return Optional.ofNullable(hotlines.get(id));
    }

    public Optional<Principal> partner(String id) {
        return Optional.ofNullable(partners.get(id));
    }

    /** The hotline with this id, or an {@link AccessException} that lists the hotlines the routes declare. */
    public Principal requireHotline(String id) {
        return hotline(id).orElseThrow(() -> new AccessException("unknown hotline '" + id
                + "'; the routes declare: " + String.join(", ", hotlines.keySet())));
    }

    /** The partner with this id, or an {@link AccessException} that lists the partners the routes declare. */
    public Principal requirePartner(String id) {
        return partner(id).orElseThrow(() -> new AccessException("unknown partner '" + id
                + "'; the routes declare: " + String.join(", ", partners.keySet())));
    }

    /** An analyst of a declared hotline; the username must follow {@link Principal#ID}. */
    public Principal analyst(String username, String hotlineId) {
        requireHotline(hotlineId);
        try {
            return Principal.analyst(username, hotlineId);
        } catch (IllegalArgumentException e) {
            throw new AccessException("bad username: " + e.getMessage());
        }
    }

    /** Every principal that has a Kafka identity: app, operator, feeds, hotlines, partners. */
    public List<Principal> kafkaPrincipals() {
        return Stream.concat(Stream.of(app, operator, feeds), Stream.concat(hotlines.values().stream(),
                partners.values().stream())).toList();
    }

    /** The principal behind a Kafka principal name such as {@code User:partner-tiktok}. */
    public Optional<Principal> byKafkaPrincipal(String kafkaPrincipal) {
        return kafkaPrincipals().stream().filter(p -> p.kafkaPrincipal().orElseThrow().equals(kafkaPrincipal)).findFirst();
    }

    /**
     * Principals the broker treats as super users ({@code super.users}): only the operator, who creates topics and
     * writes ACLs. The app is not among them.
     */
    public List<Principal> superUsers() {
        return List.of(operator);
    }

    /**
     * The Kafka access table: what each principal may do, everything else denied. {@code docs/identity.md} shows it
     * for the bundled routes. Per-partner flag topics and per-hotline feedback topics are the ones a principal may
     * write, so the partner of a flag and the hotline of a verdict come from the topic, never from the payload.
     *
     * @param topics        the topic names in use
     * @param applicationId the Streams {@code application.id}: its group, internal topics and transactional ids
     */
    public List<AccessGrant> grants(Topics topics, String applicationId) {
        List<AccessGrant> grants = new ArrayList<>();
        Set<AclOperation> read = Set.of(READ, DESCRIBE);
        Set<AclOperation> write = Set.of(WRITE, DESCRIBE);
        Set<AclOperation> readWrite = Set.of(READ, WRITE, DESCRIBE);

        for (String feed : List.of(topics.jobAds(), topics.social())) {
            grants.add(topic(app, feed, read, "ingest reads the raw feeds"));
            grants.add(topic(feeds, feed, write, "feed connectors write the raw feeds"));
        }
        for (String internal : List.of(topics.scored(), topics.campaigns(), topics.campaignCommands(), topics.watchlist())) {
            grants.add(topic(app, internal, readWrite, "pipeline topic, written and read by the app only"));
        }
        grants.add(topic(app, topics.deadLetter(), write, "bad input goes here; only operators read it"));
        grants.add(topic(app, topics.labelled(), readWrite,
                "resolved verdicts: kept for training, read by the signals step; no outsider reads it"));
        grants.add(topic(app, topics.signals(), readWrite,
                "confirmed recruiter contacts: the signals step writes; the signal feed and webhooks read"));
        grants.add(topic(app, topics.webhookDeadLetter(), readWrite,
                "webhook deliveries that failed for good; written by delivery, read by `webhooks redeliver`"));
        grants.add(topic(app, topics.modelsShadow(), write, "a shadow model's sampled disagreements; only operators read it"));
        grants.add(topic(app, topics.consoleReads(), readWrite, "console read marks (ids only), written and read by the app only"));
        for (Principal hotline : hotlines.values()) {
            String alerts = topics.hotlineAlerts(hotline.id());
            String feedback = topics.hotlineFeedback(hotline.id());
            grants.add(topic(app, alerts, readWrite, "alert routing writes; console and webhooks read"));
            grants.add(topic(app, feedback, readWrite, "console writes its analysts' verdicts; feedback reads"));
            grants.add(topic(hotline, alerts, read, "the hotline's own alerts, distress included"));
            grants.add(topic(hotline, feedback, write, "the hotline's own verdicts"));
            grants.add(group(hotline, "the hotline's own consumer groups"));
        }
        for (Principal partner : partners.values()) {
            String alerts = topics.partnerAlerts(partner.id());
            String flags = topics.partnerFlags(partner.id());
            grants.add(topic(app, alerts, readWrite, "alert routing writes; webhooks read"));
            grants.add(topic(app, flags, readWrite, "flag API writes for the key's partner; ingest reads"));
            grants.add(topic(partner, alerts, read, "the partner's own review requests"));
            grants.add(topic(partner, flags, write, "the partner's own flags"));
            grants.add(group(partner, "the partner's own consumer groups"));
        }
        grants.add(new AccessGrant(app, ResourceType.TOPIC, applicationId + "-", PatternType.PREFIXED, Set.of(ALL),
                "Kafka Streams internal topics (changelogs, repartitions), which Streams creates itself"));
        grants.add(new AccessGrant(app, ResourceType.GROUP, applicationId, PatternType.LITERAL, Set.of(READ, DESCRIBE),
                "the Kafka Streams consumer group"));
        grants.add(new AccessGrant(app, ResourceType.GROUP, applicationId + "-", PatternType.PREFIXED, Set.of(READ, DESCRIBE),
                "the app's other readers (console read model, webhook delivery)"));
        grants.add(new AccessGrant(app, ResourceType.GROUP, webhookGroupPrefix(applicationId), PatternType.PREFIXED,
                Set.of(READ, DESCRIBE), "webhook delivery: one consumer group per endpoint, this prefix and the endpoint id"));
        grants.add(new AccessGrant(app, ResourceType.TRANSACTIONAL_ID, applicationId + "-", PatternType.PREFIXED,
                Set.of(WRITE, DESCRIBE), "exactly_once_v2 producers"));
        return List.copyOf(grants);
    }

    /**
     * The consumer groups of webhook delivery: {@code <application.id>-webhooks.} and the endpoint id, one group per
     * endpoint, so each endpoint keeps its own committed position and a failing one delays no other.
     */
    public static String webhookGroupPrefix(String applicationId) {
        return applicationId + "-webhooks" + GROUP_SEPARATOR;
    }

    private static AccessGrant topic(Principal principal, String name, Set<AclOperation> operations, String reason) {
        return new AccessGrant(principal, ResourceType.TOPIC, name, PatternType.LITERAL, operations, reason);
    }

    private static AccessGrant group(Principal principal, String reason) {
        return new AccessGrant(principal, ResourceType.GROUP, principal.kafkaUser().orElseThrow() + GROUP_SEPARATOR,
                PatternType.PREFIXED, Set.of(READ, DESCRIBE), reason);
    }
}
