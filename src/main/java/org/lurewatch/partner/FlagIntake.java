package org.lurewatch.partner;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.lurewatch.access.AuditEvent;
import org.lurewatch.access.AuditLog;
import org.lurewatch.access.Principal;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.KeyValueLine;
import org.lurewatch.ops.PartnerApiMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a partner's valid flags to its flag topic, once per (partner, post). How a duplicate is recognised across
 * retries, restarts and instances:
 * <ol>
 *   <li>The partner's topic is the record. Before deciding, this instance's {@link FlagLedger} reads the topic up to
 *       its current end (the read-your-writes barrier), so it knows every flag written before the request, by any
 *       instance or by the partner's own Kafka client.</li>
 *   <li>A post key already there, or earlier in the same request, is a {@code duplicate}; nothing is written.</li>
 *   <li>The others are written (key {@code source:id}, so one post always lands on one partition), and the ledger
 *       reads up to them. Two instances that got the same new post at the same moment both write it; every reader sees
 *       the same first offset, so exactly one answers {@code accepted} and the other {@code duplicate}. The second
 *       copy stays in the topic: ingest scores the post twice, which changes nothing downstream (the alert ids are
 *       deterministic, campaigns key posts by id).</li>
 * </ol>
 * Within an instance a partner's requests take turns (a lock per partner), so the race above needs two instances.
 * Flags stay duplicates for {@code partner.flags.dedupe.days}; keep it at most the topic's retention.
 */
final class FlagIntake {
    private static final Logger LOG = LoggerFactory.getLogger(FlagIntake.class);
    private static final Pattern AUDIT_POST = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,190}");

    private final Topics topics;
    private final FlagChecks checks;
    private final FlagLedger ledger;
    private final Producer<byte[], byte[]> producer;
    private final Admin admin;
    private final Duration timeout;
    private final AuditLog audit;
    private final PartnerApiMetrics metrics;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    FlagIntake(Topics topics, FlagChecks checks, FlagLedger ledger, Producer<byte[], byte[]> producer, Admin admin,
               Duration timeout, AuditLog audit, PartnerApiMetrics metrics) {
        this.topics = topics;
        this.checks = checks;
        this.ledger = ledger;
        this.producer = producer;
        this.admin = admin;
        this.timeout = timeout;
        this.audit = audit;
        this.metrics = metrics;
    }

    /** One result per item, in order; a 503 problem when Kafka cannot confirm in time (then retry: it is safe). */
    List<FlagResult> submit(Principal partner, List<FlagRequests.Item> items, String via) {
        FlagResult[] results = new FlagResult[items.size()];
        Map<Integer, FlagChecks.Valid> valid = new HashMap<>();
        for (FlagRequests.Item item : items) {
            FlagChecks.Outcome outcome = checks.check(item.json(), partner);
            if (outcome instanceof FlagChecks.Invalid invalid) {
                results[item.index()] = FlagResult.rejected(item, invalid);
            } else {
                valid.put(item.index(), (FlagChecks.Valid) outcome);
            }
        }
        if (!valid.isEmpty()) {
            ReentrantLock lock = locks.computeIfAbsent(partner.id(), p -> new ReentrantLock());
            lock.lock();
            try {
                write(partner, items, valid, results);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw PartnerProblems.unavailable(PartnerProblems.FLAGS_UNAVAILABLE, "interrupted; send the request again");
            } finally {
                lock.unlock();
            }
        }
        List<FlagResult> all = List.of(results);
        record(partner, all, via);
        return all;
    }

    private void write(Principal partner, List<FlagRequests.Item> items, Map<Integer, FlagChecks.Valid> valid,
                       FlagResult[] results) throws InterruptedException {
        String topic = topics.partnerFlags(partner.id());
        List<TopicPartition> partitions = ledger.partitions(topic);
        if (partitions.isEmpty()) {
            throw PartnerProblems.unavailable(PartnerProblems.FLAGS_UNAVAILABLE, "flags of this partner cannot be taken "
                    + "yet (its flag topic is not ready); try again shortly");
        }
        if (!ledger.await(endOffsets(partitions), timeout)) {
            throw unconfirmed();
        }
        Set<String> inRequest = new HashSet<>();
        List<Map.Entry<Integer, Future<RecordMetadata>>> sent = new ArrayList<>();
        for (FlagRequests.Item item : items) {
            FlagChecks.Valid flag = valid.get(item.index());
            if (flag == null) {
                continue;
            }
            if (!inRequest.add(flag.postKey()) || ledger.first(topic, flag.postKey()).isPresent()) {
                results[item.index()] = FlagResult.of(item, FlagResult.DUPLICATE, flag);
                continue;
            }
            sent.add(Map.entry(item.index(), producer.send(new ProducerRecord<>(topic,
                    flag.postKey().getBytes(StandardCharsets.UTF_8), flag.envelope()))));
        }
        producer.flush();
        Map<Integer, RecordMetadata> written = new HashMap<>();
        Map<TopicPartition, Long> through = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Map.Entry<Integer, Future<RecordMetadata>> entry : sent) {
            try {
                RecordMetadata metadata = entry.getValue().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                written.put(entry.getKey(), metadata);
                through.merge(new TopicPartition(metadata.topic(), metadata.partition()), metadata.offset() + 1, Math::max);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("{}", KeyValueLine.event("flag_write_failed").with("partner", partner.id())
                        .with("error", e.getCause() == null ? e.toString() : e.getCause().toString()));
                throw unconfirmed();
            }
        }
        if (!ledger.await(through, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
            throw unconfirmed();
        }
        for (FlagRequests.Item item : items) {
            RecordMetadata metadata = written.get(item.index());
            if (metadata == null) {
                continue;
            }
            FlagChecks.Valid flag = valid.get(item.index());
            boolean first = ledger.first(topic, flag.postKey())
                    .map(claim -> claim.partition() == metadata.partition() && claim.offset() == metadata.offset())
                    .orElse(true);
            results[item.index()] = FlagResult.of(item, first ? FlagResult.ACCEPTED : FlagResult.DUPLICATE, flag);
        }
    }

    private Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest,
                    new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> offsets = new HashMap<>();
            ends.forEach((partition, info) -> offsets.put(partition, info.offset()));
            return offsets;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("{}", KeyValueLine.event("flag_topic_unreachable").with("error", e.toString()));
            throw unconfirmed();
        }
    }

    private void record(Principal partner, List<FlagResult> results, String via) {
        Map<String, Integer> counts = new HashMap<>();
        Instant now = Instant.now();
        for (FlagResult result : results) {
            counts.merge(result.status(), 1, Integer::sum);
            if (result.status().equals(FlagResult.ACCEPTED)) {
                audit.record(new AuditEvent(now, partner.name(), "flag.submit", auditObject(result.postKey()),
                        AuditEvent.Outcome.OK, via));
            }
        }
        counts.forEach((status, count) -> metrics.flags(partner.id(), status, count));
    }

    /** {@code post:<source>:<id>}, or the id's hash when it holds characters an audit line does not take. */
    static String auditObject(String postKey) {
        if (AUDIT_POST.matcher(postKey).matches()) {
            return "post:" + postKey;
        }
        int colon = postKey.indexOf(':');
        return "post:" + postKey.substring(0, colon) + ":sha256-"
                + org.lurewatch.signal.Signal.idOf(postKey.substring(colon + 1)).substring(4);
    }

    private static org.lurewatch.web.ProblemException unconfirmed() {
        return PartnerProblems.unavailable(PartnerProblems.FLAGS_UNAVAILABLE, "Kafka did not confirm the flags in time; "
                + "send the same request again: flags already taken come back as duplicate");
    }
}
