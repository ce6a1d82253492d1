package org.lurewatch.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.lurewatch.access.WebhookEndpoint;
import org.lurewatch.ops.KeyValueLine;
import org.lurewatch.ops.WebhookMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one endpoint's topics (its owner's alert topic, the signals topic, or both) with its own consumer group and
 * thread, so a slow or failing endpoint delays no other. At least once:
 * <ul>
 *   <li>an offset is committed only when every record before it is delivered or dead-lettered, so a stop, a crash
 *       or a rebalance in the middle of a retry loses nothing; what was in flight is delivered again after a restart
 *       (receivers de-duplicate by {@code webhook-id}, the CloudEvent id);</li>
 *   <li>up to {@code maxInFlight} attempts run at once; while the endpoint is failing (a retryable failure and no
 *       success since) only due retries go out, one at a time, so a receiver that is down is probed, not flooded;</li>
 *   <li>a message that fails for good (a permanent answer, its attempts used, or one it must never receive) goes to
 *       the delivery dead-letter topic first, and only then counts as done.</li>
 * </ul>
 * Everything but the HTTP exchange runs on the worker's thread: finished attempts come back through a queue and wake
 * the consumer's poll.
 */
final class EndpointWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointWorker.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(200);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
    private static final long COMMIT_EVERY_MS = 100;
    private static final int WAKEUP_RETRIES = 1000;

    private enum State { READY, IN_FLIGHT, WAITING, DEAD_LETTERING, DONE }

    private final WebhookDelivery.Settings settings;
    private final String endpointId;
    private volatile WebhookEndpoint endpoint;
    private final URI url;
    private final List<String> topics;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final HttpClient http;
    private final Producer<byte[], byte[]> deadLetters;
    private final WebhookMetrics.Endpoint meters;
    private final Clock clock;
    private final BlockingQueue<Runnable> completions = new LinkedBlockingQueue<>();
    private final Map<TopicPartition, ArrayDeque<Pending>> pending = new HashMap<>();
    private final Map<TopicPartition, Long> doneUpTo = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long oldestPendingAt;
    private int inFlight;
    private int waiting;
    private int buffered;
    private boolean failing;
    private long lastCommitAt;

    EndpointWorker(WebhookDelivery.Settings settings, WebhookEndpoint endpoint, List<String> topics,
                   KafkaConsumer<byte[], byte[]> consumer, HttpClient http, Producer<byte[], byte[]> deadLetters,
                   WebhookMetrics.Endpoint meters, Clock clock) {
        this.settings = settings;
        this.endpointId = endpoint.endpointId();
        this.endpoint = endpoint;
        this.url = URI.create(endpoint.url());
        this.topics = List.copyOf(topics);
        this.consumer = consumer;
        this.http = http;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.clock = clock;
        this.thread = new Thread(this::run, "lurewatch-webhook-" + endpointId);
        this.thread.setDaemon(true);
        meters.oldestPending(() -> {
            long since = oldestPendingAt;
            return since == 0 ? 0 : Math.max(0, clock.millis() - since);
        });
    }

    void start() {
        thread.start();
    }

    boolean alive() {
        return thread.isAlive();
    }

    /** The endpoint as stored now: a rotation changes its secrets, which the next attempt signs with. */
    void update(WebhookEndpoint changed) {
        this.endpoint = changed;
    }

    WebhookEndpoint endpoint() {
        return endpoint;
    }

    private void run() {
        LOG.info("{}", KeyValueLine.event("webhook_delivery_started").with("endpoint", endpointId)
                .with("owner", endpoint.owner()).with("topics", String.join(",", topics)));
        try {
            consumer.subscribe(topics, new Rebalance());
            while (running) {
                try {
                    step();
                } catch (WakeupException e) {
                    // an attempt finished, or close() asks to stop
                }
            }
        } catch (RuntimeException e) {
            LOG.error("{}", KeyValueLine.event("webhook_delivery_failed").with("endpoint", endpointId)
                    .with("error", e.toString()), e);
        } finally {
            shutdown();
        }
    }

    private void step() {
        drainCompletions();
        dispatch();
        collectDone();
        commit(false);
        flowControl();
        ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            enqueue(record);
        }
        meters.retrying(waiting);
        oldestPendingAt = pending.values().stream().filter(q -> !q.isEmpty()).mapToLong(q -> q.peekFirst().arrivedAt)
                .min().orElse(0);
    }

    private void enqueue(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Optional<WebhookMessage> message = WebhookMessages.of(record, endpoint, settings.signalsTopic());
        Pending item = new Pending(partition, record.offset(), message.orElse(null), clock.millis());
        if (message.isEmpty()) {
            item.state = State.DONE;
        }
        pending.computeIfAbsent(partition, p -> new ArrayDeque<>()).addLast(item);
        buffered++;
    }

    /**
     * Starts what may start now. Dead-letter writes always go; HTTP attempts up to {@code maxInFlight}, or, while the
     * endpoint is failing, one at a time: due retries first, and a new message only when no retry is waiting.
     */
    private void dispatch() {
        long now = clock.millis();
        int limit = failing ? 1 : settings.maxInFlight();
        boolean newOnes = !failing || waiting == 0;
        for (ArrayDeque<Pending> queue : pending.values()) {
            for (Pending item : queue) {
                boolean due = item.state == State.WAITING && item.notBefore <= now;
                if (item.state == State.READY && item.message.refusal() != null) {
                    deadLetter(item, item.message.refusal());
                } else if (due && item.toDeadLetter) {
                    waiting--;
                    deadLetter(item, item.lastError);
                } else if (inFlight < limit && (due || (item.state == State.READY && newOnes))) {
                    if (due) {
                        waiting--;
                    }
                    attempt(item);
                }
            }
        }
    }

    private void attempt(Pending item) {
        item.state = State.IN_FLIGHT;
        item.attempts++;
        inFlight++;
        Instant now = clock.instant();
        long started = System.nanoTime();
        try {
            http.sendAsync(WebhookMessages.request(url, item.message, endpoint.signingSecrets(now), now, settings.timeout()),
                            HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> complete(() -> finished(item, response, error, System.nanoTime() - started)));
        } catch (RuntimeException e) {
            complete(() -> finished(item, null, e, System.nanoTime() - started));
        }
    }

    private void finished(Pending item, HttpResponse<Void> response, Throwable error, long tookNanos) {
        inFlight--;
        meters.attempt(Duration.ofNanos(tookNanos));
        if (item.dropped) {
            return;
        }
        Integer status = response == null ? null : response.statusCode();
        RetryPolicy.Verdict verdict = error != null ? RetryPolicy.Verdict.RETRY : RetryPolicy.classify(status);
        if (verdict == RetryPolicy.Verdict.DELIVERED) {
            item.state = State.DONE;
            meters.sent();
            if (failing) {
                failing = false;
                LOG.info("{}", KeyValueLine.event("webhook_endpoint_recovered").with("endpoint", endpointId));
            }
            return;
        }
        item.lastStatus = status;
        item.lastError = error != null ? describe(error) : "HTTP " + status;
        if (verdict == RetryPolicy.Verdict.RETRY && settings.retry().mayRetry(item.attempts)) {
            Duration delay = settings.retry().delay(item.attempts, retryAfter(response));
            item.state = State.WAITING;
            item.notBefore = clock.millis() + delay.toMillis();
            waiting++;
            meters.retry();
            KeyValueLine line = KeyValueLine.event("webhook_retry").with("endpoint", endpointId)
                    .with("message_id", item.message.id()).with("attempt", item.attempts).with("error", item.lastError)
                    .with("retry_in_ms", delay.toMillis());
            if (!failing) {
                failing = true;
                LOG.warn("{}", line);
            } else {
                LOG.debug("{}", line);
            }
            return;
        }
        deadLetter(item, verdict == RetryPolicy.Verdict.RETRY
                ? "gave up after " + item.attempts + " attempts; last: " + item.lastError
                : "permanent failure: " + item.lastError);
    }

    private void deadLetter(Pending item, String reason) {
        item.state = State.DEAD_LETTERING;
        item.lastError = reason;
        ProducerRecord<byte[], byte[]> letter = DeliveryDeadLetters.record(settings.deadLetterTopic(), endpoint, item.message,
                item.attempts, item.lastStatus, reason, item.partition.topic(), item.partition.partition(), item.offset,
                clock.instant());
        try {
            deadLetters.send(letter, (metadata, error) -> complete(() -> deadLettered(item, error)));
        } catch (RuntimeException e) {
            complete(() -> deadLettered(item, e));
        }
    }

    private void deadLettered(Pending item, Exception error) {
        if (item.dropped) {
            return;
        }
        if (error == null) {
            item.state = State.DONE;
            meters.failed();
            LOG.warn("{}", KeyValueLine.event("webhook_dead_letter").with("endpoint", endpointId)
                    .with("message_id", item.message.id()).with("attempts", item.attempts).with("reason", item.lastError));
            return;
        }
        LOG.error("{}", KeyValueLine.event("webhook_dead_letter_failed").with("endpoint", endpointId)
                .with("message_id", item.message.id()).with("error", error.toString()));
        item.state = State.WAITING;
        item.toDeadLetter = true;
        item.notBefore = clock.millis() + settings.retry().delay(1, Optional.empty()).toMillis();
        waiting++;
    }

    /** Moves each partition's delivered head records into the offset to commit. */
    private void collectDone() {
        for (Map.Entry<TopicPartition, ArrayDeque<Pending>> entry : pending.entrySet()) {
            ArrayDeque<Pending> queue = entry.getValue();
            long next = -1;
            while (!queue.isEmpty() && queue.peekFirst().state == State.DONE) {
                next = queue.pollFirst().offset + 1;
                buffered--;
            }
            if (next >= 0) {
                doneUpTo.put(entry.getKey(), next);
            }
        }
    }

    private void commit(boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        doneUpTo.forEach((partition, next) -> {
            if (!next.equals(committed.get(partition))) {
                offsets.put(partition, new OffsetAndMetadata(next));
            }
        });
        if (offsets.isEmpty() || (!sync && clock.millis() - lastCommitAt < COMMIT_EVERY_MS)) {
            return;
        }
        lastCommitAt = clock.millis();
        offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
        if (sync) {
            untilNotWoken(() -> {
                consumer.commitSync(offsets);
                return null;
            });
            return;
        }
        consumer.commitAsync(offsets, (done, error) -> {
            if (error != null) {
                offsets.keySet().forEach(committed::remove);
                LOG.warn("{}", KeyValueLine.event("webhook_commit_failed").with("endpoint", endpointId)
                        .with("error", error.toString()));
            }
        });
    }

    private void flowControl() {
        Set<TopicPartition> assigned = consumer.assignment();
        if (buffered >= settings.buffer()) {
            consumer.pause(assigned);
        } else if (buffered < settings.buffer() / 2 && !consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    private Duration pollTimeout() {
        if (waiting == 0) {
            return IDLE_POLL;
        }
        long now = clock.millis();
        long soonest = Long.MAX_VALUE;
        for (ArrayDeque<Pending> queue : pending.values()) {
            for (Pending item : queue) {
                if (item.state == State.WAITING) {
                    soonest = Math.min(soonest, item.notBefore);
                }
            }
        }
        return Duration.ofMillis(Math.max(0, Math.min(IDLE_POLL.toMillis(), soonest - now)));
    }

    private void drainCompletions() {
        Runnable done;
        while ((done = completions.poll()) != null) {
            done.run();
        }
    }

    /** Called from the HTTP client's and the producer's threads: hand the outcome to the worker and wake it. */
    private void complete(Runnable outcome) {
        completions.add(outcome);
        consumer.wakeup();
    }

    private void dropPartitions(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            ArrayDeque<Pending> queue = pending.remove(partition);
            if (queue != null) {
                for (Pending item : queue) {
                    item.dropped = true;
                    if (item.state == State.WAITING) {
                        waiting--;
                    }
                }
                buffered -= queue.size();
            }
            doneUpTo.remove(partition);
            committed.remove(partition);
        }
    }

    /** Lets what is in flight finish (briefly), commits what is done, closes the consumer. */
    private void shutdown() {
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        try {
            while (inFlight > 0 && System.nanoTime() < deadline) {
                Runnable done = completions.poll(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
                if (done != null) {
                    done.run();
                }
            }
            drainCompletions();
            collectDone();
            commit(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("{}", KeyValueLine.event("webhook_final_commit_failed").with("endpoint", endpointId)
                    .with("error", e.toString()));
        } finally {
            consumer.close(Duration.ofSeconds(5));
            LOG.info("{}", KeyValueLine.event("webhook_delivery_stopped").with("endpoint", endpointId)
                    .with("undelivered", buffered));
        }
    }

    /** A call on the consumer that an attempt's wake-up may interrupt: try again until it goes through. */
    private <T> T untilNotWoken(Supplier<T> call) {
        WakeupException last = null;
        for (int i = 0; i < WAKEUP_RETRIES; i++) {
            try {
                return call.get();
            } catch (WakeupException e) {
                last = e;
            }
        }
        throw last;
    }

    private static Optional<Duration> retryAfter(HttpResponse<Void> response) {
        if (response == null) {
            return Optional.empty();
        }
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + settings.timeout().toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "cannot connect to " + url.getHost() + ":" + (url.getPort() < 0 ? url.getScheme() : url.getPort());
        }
        if (cause instanceof IOException) {
            return "I/O error: " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        return cause.toString();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(CLOSE_GRACE.plusSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                drainCompletions();
                collectDone();
                commit(true);
            } catch (RuntimeException e) {
                LOG.warn("{}", KeyValueLine.event("webhook_commit_failed").with("endpoint", endpointId)
                        .with("error", e.toString()));
            } finally {
                dropPartitions(partitions);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            dropPartitions(partitions);
        }

        /**
         * A partition this endpoint's group never committed starts at the endpoint's creation time: it receives
         * everything since it was registered, nothing older.
         */
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> known = untilNotWoken(() -> consumer.committed(new HashSet<>(partitions)));
            Map<TopicPartition, Long> fresh = new HashMap<>();
            for (TopicPartition partition : partitions) {
                if (known.get(partition) == null) {
                    fresh.put(partition, endpoint.createdAt().toEpochMilli());
                }
            }
            if (fresh.isEmpty()) {
                return;
            }
            Map<TopicPartition, OffsetAndTimestamp> found = untilNotWoken(() -> consumer.offsetsForTimes(fresh));
            for (TopicPartition partition : fresh.keySet()) {
                OffsetAndTimestamp at = found.get(partition);
                if (at == null) {
                    consumer.seekToEnd(List.of(partition));
                    untilNotWoken(() -> consumer.position(partition));
                } else {
                    consumer.seek(partition, at.offset());
                }
            }
        }
    }

    private static final class Pending {
        final TopicPartition partition;
        final long offset;
        final WebhookMessage message;
        final long arrivedAt;
        State state = State.READY;
        int attempts;
        long notBefore;
        Integer lastStatus;
        String lastError;
        boolean toDeadLetter;
        boolean dropped;

        Pending(TopicPartition partition, long offset, WebhookMessage message, long arrivedAt) {
            this.partition = partition;
            this.offset = offset;
            this.message = message;
            this.arrivedAt = arrivedAt;
        }
    }
}
