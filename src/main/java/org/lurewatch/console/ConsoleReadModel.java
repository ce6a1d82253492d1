package org.lurewatch.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.lurewatch.feedback.VerdictMessage;
import org.lurewatch.feedback.WatchlistEntry;
import org.lurewatch.kafka.Json;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.KeyValueLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's read side, one per instance: a consumer that reads, from the beginning and {@code read_committed},
 * every hotline's alert topic and verdicts topic, the watchlist and the console's read marks, and keeps what the pages
 * need in memory. Every instance holds everything, so two instances behind a load balancer answer alike with no call
 * between them; what one instance writes (a verdict, a read mark) reaches the other through Kafka within a poll.
 *
 * <p>Bounds: at most {@code maxAlertsPerHotline} alerts per hotline (the oldest leave the console first; the topic
 * keeps 30 days), campaign post references and verdicts as {@link HotlineState} says. A restarted instance reads the
 * topics again (about a second per 10,000 alerts); until it has caught up the inbox says so.
 *
 * <p>Queries take the hotline from the caller (the session), and each hotline's state is built only from that
 * hotline's topics, so a query cannot return another hotline's alert.
 */
public final class ConsoleReadModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleReadModel.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY_TOPICS = Duration.ofSeconds(10);
    private static final int WATCH_HISTORY = 20;

    private final Topics topics;
    private final Map<String, HotlineState> hotlines = new LinkedHashMap<>();
    private final Map<String, Deque<WatchView>> watchHistory = new TreeMap<>();
    private final Map<String, WatchView> watchlist = new TreeMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Condition progressed = lock.writeLock().newCondition();
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final Map<TopicPartition, Long> startEnds = new HashMap<>();
    private long sequence;
    private long skipped;

    private KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;
    private volatile boolean running;

    ConsoleReadModel(Topics topics, Collection<String> hotlineIds, int maxAlertsPerHotline) {
        this.topics = Objects.requireNonNull(topics, "topics");
        if (maxAlertsPerHotline < 1) {
            throw new IllegalArgumentException("maxAlertsPerHotline must be at least 1");
        }
        hotlineIds.forEach(id -> hotlines.put(id, new HotlineState(id, maxAlertsPerHotline)));
    }

    /**
     * Starts reading on a thread of its own.
     *
     * @param consumerConfig bootstrap servers and any client settings ({@code kafka.*} overrides: security)
     */
    public static ConsoleReadModel start(Map<String, Object> consumerConfig, Topics topics, Collection<String> hotlineIds,
                                         int maxAlertsPerHotline) {
        ConsoleReadModel model = new ConsoleReadModel(topics, hotlineIds, maxAlertsPerHotline);
        Map<String, Object> props = new HashMap<>(consumerConfig);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "lurewatch-console-reader");
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        // A hotline's alerts are one partition: fetch it in large pieces when catching up at start.
        props.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        model.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        model.running = true;
        model.thread = new Thread(model::run, "lurewatch-console-reader");
        model.thread.setDaemon(true);
        model.thread.start();
        return model;
    }

    /** The topics it reads: every hotline's alerts and verdicts, the watchlist and the read marks. */
    List<String> sourceTopics() {
        List<String> names = new ArrayList<>();
        hotlines.keySet().forEach(id -> names.add(topics.hotlineAlerts(id)));
        names.addAll(topics.hotlineFeedbackNames(hotlines.keySet()));
        names.add(topics.watchlist());
        names.add(topics.consoleReads());
        return names;
    }

    private void run() {
        Set<String> missing = new TreeSet<>(sourceTopics());
        long nextAssign = 0;
        while (running) {
            try {
                if (!missing.isEmpty() && System.nanoTime() >= nextAssign) {
                    assign(missing);
                    nextAssign = System.nanoTime() + RETRY_TOPICS.toNanos();
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                lock.writeLock().lock();
                try {
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        apply(record);
                    }
                    for (TopicPartition partition : consumer.assignment()) {
                        positions.put(partition, consumer.position(partition, Duration.ofSeconds(5)));
                    }
                    progressed.signalAll();
                } finally {
                    lock.writeLock().unlock();
                }
            } catch (WakeupException stopping) {
                return;
            } catch (KafkaException e) {
                LOG.warn("{}", KeyValueLine.event("console_reader_retry").with("error", e.toString()));
                awaitRetry();
            }
        }
    }

    private void assign(Set<String> missing) {
        List<TopicPartition> added = new ArrayList<>();
        for (String topic : List.copyOf(missing)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                continue;
            }
            partitions.forEach(p -> added.add(new TopicPartition(p.topic(), p.partition())));
            missing.remove(topic);
        }
        if (!missing.isEmpty()) {
            LOG.warn("{}", KeyValueLine.event("console_topics_missing").with("topics", String.join(",", missing)));
        }
        if (added.isEmpty()) {
            return;
        }
        Set<TopicPartition> all = new HashSet<>(consumer.assignment());
        all.addAll(added);
        consumer.assign(all);
        consumer.seekToBeginning(added);
        Map<TopicPartition, Long> ends = consumer.endOffsets(added, Duration.ofSeconds(10));
        lock.writeLock().lock();
        try {
            startEnds.putAll(ends);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void awaitRetry() {
        lock.writeLock().lock();
        try {
            progressed.await(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Applies one record of any source topic; a record it cannot read is logged and skipped, never fatal. */
    void apply(ConsumerRecord<byte[], byte[]> record) {
        lock.writeLock().lock();
        try {
            String topic = record.topic();
            if (topic.equals(topics.watchlist())) {
                applyWatch(record);
            } else if (topic.equals(topics.consoleReads())) {
                applyRead(record);
            } else if (topics.hotlineOfFeedback(topic).isPresent()) {
                applyVerdict(topics.hotlineOfFeedback(topic).get(), record);
            } else if (topic.startsWith(topics.hotlineAlertPrefix())) {
                applyAlert(topic.substring(topics.hotlineAlertPrefix().length()), record);
            }
        } catch (IOException | RuntimeException e) {
            skipped++;
            LOG.warn("{}", KeyValueLine.event("console_record_skipped").with("topic", record.topic())
                    .with("partition", Integer.toString(record.partition())).with("offset", Long.toString(record.offset()))
                    .with("reason", e.getClass().getSimpleName() + ": " + e.getMessage()));
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void applyAlert(String hotline, ConsumerRecord<byte[], byte[]> record) throws IOException {
        HotlineState state = hotlines.get(hotline);
        if (state == null || record.value() == null) {
            return;
        }
        JsonNode event = Json.mapper().readTree(record.value());
        Optional<AlertView> alert = AlertParser.alert(hotline, event, ++sequence);
        alert.ifPresent(a -> state.addAlert(a, event.path("data")));
    }

    private void applyVerdict(String hotline, ConsumerRecord<byte[], byte[]> record) throws IOException {
        HotlineState state = hotlines.get(hotline);
        if (state == null || record.value() == null) {
            return;
        }
        VerdictMessage message = Json.mapper().readValue(record.value(), VerdictMessage.class);
        Instant at = message.at() != null ? message.at() : Instant.ofEpochMilli(record.timestamp());
        state.addVerdict(new VerdictView(message.subject(), message.verdict().wireName(), message.analyst(),
                message.alertId(), message.note(), at, record.offset()));
    }

    private void applyWatch(ConsumerRecord<byte[], byte[]> record) throws IOException {
        String contact = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (contact == null) {
            return;
        }
        WatchView change;
        if (record.value() == null) {
            WatchView previous = watchlist.remove(contact);
            change = new WatchView(contact, null, previous == null ? null : previous.hotline(),
                    Instant.ofEpochMilli(record.timestamp()));
        } else {
            WatchlistEntry entry = Json.mapper().readValue(record.value(), WatchlistEntry.class);
            change = new WatchView(contact, entry.verdict().wireName(), entry.hotline(),
                    entry.at() != null ? entry.at() : Instant.ofEpochMilli(record.timestamp()));
            watchlist.put(contact, change);
        }
        Deque<WatchView> history = watchHistory.computeIfAbsent(contact, c -> new ArrayDeque<>());
        history.addLast(change);
        while (history.size() > WATCH_HISTORY) {
            history.removeFirst();
        }
    }

    private void applyRead(ConsumerRecord<byte[], byte[]> record) throws IOException {
        if (record.value() == null) {
            return;
        }
        ReadMark mark = Json.mapper().readValue(record.value(), ReadMark.class);
        HotlineState state = hotlines.get(mark.hotline());
        if (state != null) {
            state.markRead(mark.analyst(), mark.alertId());
        }
    }

    // ---- queries: each takes the hotline of the caller's session -------------------------------------------------

    /** One page of a hotline's inbox for one analyst: open distress first, then newest first. */
    public InboxResult inbox(String hotline, String analyst, InboxQuery query) {
        return read(hotline, state -> {
            List<AlertView> matching = new ArrayList<>();
            Set<String> languages = new TreeSet<>();
            Set<String> platforms = new TreeSet<>();
            int unread = 0;
            int openDistress = 0;
            for (AlertView alert : state.alerts.values()) {
                if (alert.language() != null) {
                    languages.add(alert.language());
                }
                platforms.addAll(alert.platforms());
                boolean read = state.isRead(analyst, alert.id());
                boolean open = state.latestVerdict(alert.verdictSubject()) == null;
                unread += read ? 0 : 1;
                openDistress += alert.distress() && open ? 1 : 0;
                if (matches(alert, query, read, open)) {
                    matching.add(alert);
                }
            }
            Set<String> openSubjects = new HashSet<>();
            for (AlertView alert : matching) {
                if (state.latestVerdict(alert.verdictSubject()) == null) {
                    openSubjects.add(alert.verdictSubject());
                }
            }
            matching.sort(Comparator.<AlertView>comparingInt(a -> a.distress() && openSubjects.contains(a.verdictSubject()) ? 0 : 1)
                    .thenComparing(AlertView::time, Comparator.reverseOrder())
                    .thenComparing(AlertView::sequence, Comparator.reverseOrder()));
            int pages = Math.max(1, (matching.size() + InboxQuery.PAGE_SIZE - 1) / InboxQuery.PAGE_SIZE);
            int page = Math.min(query.page(), pages);
            List<AlertView> rows = matching.subList((page - 1) * InboxQuery.PAGE_SIZE,
                    Math.min(matching.size(), page * InboxQuery.PAGE_SIZE));
            Set<String> read = new HashSet<>();
            Map<String, VerdictView> verdicts = new HashMap<>();
            for (AlertView row : rows) {
                if (state.isRead(analyst, row.id())) {
                    read.add(row.id());
                }
                VerdictView verdict = state.latestVerdict(row.verdictSubject());
                if (verdict != null) {
                    verdicts.put(row.verdictSubject(), verdict);
                }
            }
            return new InboxResult(List.copyOf(rows), matching.size(), page, pages, read, verdicts, List.copyOf(languages),
                    List.copyOf(platforms), unread, openDistress, state.alerts.size(), !caughtUpLocked());
        });
    }

    private static boolean matches(AlertView alert, InboxQuery query, boolean read, boolean open) {
        if (query.show() == InboxQuery.Show.UNREAD && read || query.show() == InboxQuery.Show.OPEN && !open) {
            return false;
        }
        if (query.kind() != null && alert.kind() != query.kind()) {
            return false;
        }
        if (query.band() != null && !query.band().equals(alert.band())) {
            return false;
        }
        if (query.language() != null && !query.language().equals(alert.language())) {
            return false;
        }
        if (query.platform() != null && !alert.platforms().contains(query.platform())) {
            return false;
        }
        var day = alert.time().atZone(ZoneOffset.UTC).toLocalDate();
        return (query.from() == null || !day.isBefore(query.from())) && (query.to() == null || !day.isAfter(query.to()));
    }

    /** An alert of this hotline; empty for an unknown id and for another hotline's alert alike. */
    public Optional<AlertView> alert(String hotline, String id) {
        return read(hotline, state -> Optional.ofNullable(state.alerts.get(id)));
    }

    /** A campaign of this hotline, following merges: the view's id may differ from the one asked for. */
    public Optional<CampaignView> campaign(String hotline, String id) {
        return read(hotline, state -> Optional.ofNullable(state.campaign(id)).filter(c -> c.summary != null)
                .map(HotlineState.Campaign::view));
    }

    /** The hotline's campaigns, most recently active first. */
    public List<CampaignView> campaigns(String hotline) {
        return read(hotline, state -> state.campaigns.values().stream().filter(c -> c.summary != null)
                .map(HotlineState.Campaign::view)
                .sorted(Comparator.comparing((CampaignView c) -> c.lastSeen() == null ? Instant.EPOCH : c.lastSeen())
                        .reversed())
                .toList());
    }

    /** The alerts of one campaign for this hotline, oldest first. */
    public List<AlertView> alertsOf(String hotline, CampaignView campaign) {
        return read(hotline, state -> campaign.alertIds().stream().map(state.alerts::get).filter(Objects::nonNull).toList());
    }

    /** A post an alert of this hotline carried with its text, if any did. */
    public Optional<PostView> post(String hotline, String key) {
        return read(hotline, state -> Optional.ofNullable(state.posts.get(key)));
    }

    /** The campaigns of this hotline that list a post, with its reference. */
    public Map<CampaignView, PostRefView> campaignsWithPost(String hotline, String key) {
        return read(hotline, state -> {
            Map<CampaignView, PostRefView> found = new LinkedHashMap<>();
            for (HotlineState.Campaign campaign : state.campaigns.values()) {
                PostRefView ref = campaign.posts.get(key);
                if (ref != null && campaign.summary != null) {
                    found.put(campaign.view(), ref);
                }
            }
            return found;
        });
    }

    /** The hotline's verdicts on a subject, oldest first (following campaign merges). */
    public List<VerdictView> verdicts(String hotline, String subject) {
        return read(hotline, state -> {
            List<VerdictView> all = new ArrayList<>(state.verdictsBySubject.getOrDefault(subject, List.of()));
            if (subject.startsWith("campaign:")) {
                HotlineState.Campaign campaign = state.campaign(subject.substring("campaign:".length()));
                if (campaign != null && campaign.summary != null) {
                    for (String merged : AlertParser.strings(campaign.summary.path("merged_ids"))) {
                        all.addAll(state.verdictsBySubject.getOrDefault("campaign:" + merged, List.of()));
                    }
                    all.addAll(state.verdictsBySubject.getOrDefault("campaign:" + campaign.id, List.of()).stream()
                            .filter(v -> !all.contains(v)).toList());
                }
            }
            all.sort(Comparator.comparingLong(VerdictView::offset));
            return List.copyOf(all);
        });
    }

    /** The hotline's most recent verdicts, newest first. */
    public List<VerdictView> recentVerdicts(String hotline, int limit) {
        return read(hotline, state -> {
            List<VerdictView> recent = new ArrayList<>();
            for (int i = state.verdicts.size() - 1; i >= 0 && recent.size() < limit; i--) {
                recent.add(state.verdicts.get(i));
            }
            return recent;
        });
    }

    /**
     * Every campaign whose contacts match the query and every post whose text contains it, among this hotline's alerts.
     * A handle matches with or without {@code @}; a phone number matches on its last nine digits in any format.
     */
    public SearchResult search(String hotline, String rawQuery) {
        ContactQuery query = ContactQuery.of(rawQuery);
        return read(hotline, state -> {
            List<CampaignView> campaigns = new ArrayList<>();
            for (HotlineState.Campaign campaign : state.campaigns.values()) {
                if (campaign.summary != null && campaign.contacts.stream().anyMatch(query::matchesContact)) {
                    campaigns.add(campaign.view());
                }
            }
            campaigns.sort(Comparator.comparing((CampaignView c) -> c.lastSeen() == null ? Instant.EPOCH : c.lastSeen())
                    .reversed());
            List<PostView> posts = new ArrayList<>();
            for (PostView post : state.posts.values()) {
                if (post.excerpt() != null && query.matchesText(post.excerpt())) {
                    posts.add(post);
                }
            }
            java.util.Collections.reverse(posts);
            return new SearchResult(query.display(), campaigns, posts);
        });
    }

    /** The watchlist, every hotline's verdicts, by contact; each with its recent history, newest last. */
    public List<WatchlistRow> watchlist() {
        lock.readLock().lock();
        try {
            List<WatchlistRow> rows = new ArrayList<>();
            watchHistory.forEach((contact, history) ->
                    rows.add(new WatchlistRow(contact, watchlist.get(contact), List.copyOf(history))));
            return rows;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The current watchlist entry of a contact, if it is listed. */
    public Optional<WatchView> watch(String contact) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(watchlist.get(contact));
        } finally {
            lock.readLock().unlock();
        }
    }

    public boolean isRead(String hotline, String analyst, String alertId) {
        return read(hotline, state -> state.isRead(analyst, alertId));
    }

    /** Marks an alert read here at once; the read mark written to Kafka tells the other instances. */
    public void markReadLocally(String hotline, String analyst, String alertId) {
        lock.writeLock().lock();
        try {
            HotlineState state = hotlines.get(hotline);
            if (state != null) {
                state.markRead(analyst, alertId);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Whether every topic has been read up to where it ended when the console started. */
    public boolean caughtUp() {
        lock.readLock().lock();
        try {
            return caughtUpLocked();
        } finally {
            lock.readLock().unlock();
        }
    }

    private boolean caughtUpLocked() {
        if (thread == null) {
            return true;
        }
        if (startEnds.isEmpty()) {
            return false;
        }
        return startEnds.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    /**
     * Waits until the record at {@code offset} of a topic partition has been read (read-your-writes after a verdict).
     *
     * @return whether it was read within the timeout
     */
    public boolean awaitRead(String topic, int partition, long offset, Duration timeout) throws InterruptedException {
        TopicPartition key = new TopicPartition(topic, partition);
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.writeLock().lock();
        try {
            while (positions.getOrDefault(key, 0L) <= offset) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progressed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Records that could not be read and were skipped (logged one by one). */
    public long skipped() {
        lock.readLock().lock();
        try {
            return skipped;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The hotlines it serves. */
    public Set<String> hotlineIds() {
        return hotlines.keySet();
    }

    private <T> T read(String hotline, Function<HotlineState, T> query) {
        HotlineState state = hotlines.get(hotline);
        if (state == null) {
            throw new IllegalArgumentException("unknown hotline " + hotline);
        }
        lock.readLock().lock();
        try {
            return query.apply(state);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
            try {
                if (thread != null) {
                    thread.join(Duration.ofSeconds(10).toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** The value of a record on {@code console.reads}. */
    record ReadMark(String hotline, String analyst, @com.fasterxml.jackson.annotation.JsonProperty("alert_id") String alertId,
                    Instant at) {
        ReadMark {
            Objects.requireNonNull(hotline, "hotline");
            Objects.requireNonNull(analyst, "analyst");
            Objects.requireNonNull(alertId, "alert_id");
        }

        String key() {
            return hotline + "/" + analyst + "/" + alertId;
        }
    }

    /** A contact on the watchlist: its current entry (null once removed) and its recent changes, oldest first. */
    public record WatchlistRow(String contact, WatchView current, List<WatchView> history) {
        public WatchlistRow {
            history = List.copyOf(history);
        }
    }

    /** What a search by contact found among one hotline's alerts. */
    public record SearchResult(String query, List<CampaignView> campaigns, List<PostView> posts) {
        public SearchResult {
            campaigns = List.copyOf(campaigns);
            posts = List.copyOf(posts);
        }
    }

    /** A contact typed by an analyst, normalised the way the pipeline keys contacts. */
    record ContactQuery(String text, String digits) {
        static ContactQuery of(String raw) {
            String text = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
            text = text.replaceFirst("^https?://", "").replaceFirst("^(t\\.me/|telegram\\.me/)", "").replaceFirst("^@", "");
            String digits = text.matches("[+0-9 ().-]{7,}") ? text.replaceAll("[^0-9]", "") : "";
            if (text.isEmpty()) {
                throw new IllegalArgumentException("type a contact to search for: a phone number, a handle or a link");
            }
            return new ContactQuery(text, digits);
        }

        String display() {
            return text;
        }

        boolean matchesContact(String key) {
            int colon = key.indexOf(':');
            String value = (colon < 0 ? key : key.substring(colon + 1)).toLowerCase(Locale.ROOT);
            if (!digits.isEmpty()) {
                String valueDigits = value.replaceAll("[^0-9]", "");
                return valueDigits.length() >= 7 && lastNine(valueDigits).equals(lastNine(digits));
            }
            value = value.replaceFirst("^https?://", "").replaceFirst("^@", "");
            return value.equals(text) || text.length() >= 4 && value.contains(text);
        }

        boolean matchesText(String body) {
            if (!digits.isEmpty()) {
                return body.replaceAll("[^0-9]", "").contains(lastNine(digits));
            }
            return text.length() >= 3 && body.toLowerCase(Locale.ROOT).contains(text);
        }

        private static String lastNine(String digits) {
            return digits.length() <= 9 ? digits : digits.substring(digits.length() - 9);
        }
    }
}
