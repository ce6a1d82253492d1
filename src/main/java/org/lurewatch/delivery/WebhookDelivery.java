package org.lurewatch.delivery;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.lurewatch.access.AccessStoreException;
import org.lurewatch.access.Identities;
import org.lurewatch.access.PrincipalKind;
import org.lurewatch.access.WebhookEndpoint;
import org.lurewatch.access.WebhookEvent;
import org.lurewatch.access.WebhookStore;
import org.lurewatch.config.LurewatchConfig;
import org.lurewatch.kafka.ClientProperties;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.KeyValueLine;
import org.lurewatch.ops.WebhookMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook delivery for one instance: one {@link EndpointWorker} per endpoint in {@code webhooks.json}, each in its own
 * consumer group ({@code <application.id>-webhooks.<endpoint id>}). The endpoint list is read again every second: an
 * added endpoint starts, a removed one stops, a rotated secret is used from the next attempt, a changed URL or event
 * list restarts its worker. Several instances share the work through the groups: each endpoint's partitions are
 * delivered by one instance at a time and move to another when it stops.
 */
public final class WebhookDelivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final Duration RELOAD = Duration.ofSeconds(1);
    /** A worker that died (its thread ended on an error) is started again after this long, not in a tight loop. */
    private static final Duration RESTART_AFTER_FAILURE = Duration.ofSeconds(30);

    private final Settings settings;
    private final WebhookStore store;
    private final WebhookMetrics metrics;
    private final String bootstrapServers;
    private final Map<String, String> kafkaSettings;
    private final Topics topics;
    private final HttpClient http;
    private final KafkaProducer<byte[], byte[]> deadLetters;
    private final Clock clock;
    private final Map<String, EndpointWorker> workers = new HashMap<>();
    private final Map<String, Long> restartNotBefore = new HashMap<>();
    private final ScheduledExecutorService reloader;
    private String lastStoreError;
    private boolean closed;

    /**
     * What every worker needs to know.
     *
     * @param groupPrefix  {@code <application.id>-webhooks.}: plus the endpoint id, each endpoint's consumer group
     * @param buffer       records a worker holds (in flight, waiting, done but not committed) before it pauses reading
     */
    record Settings(String groupPrefix, String signalsTopic, String deadLetterTopic, int maxInFlight, int buffer,
                    Duration timeout, RetryPolicy retry) {
        Settings {
            Objects.requireNonNull(groupPrefix, "groupPrefix");
            Objects.requireNonNull(signalsTopic, "signalsTopic");
            Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(retry, "retry");
        }
    }

    private WebhookDelivery(LurewatchConfig config, String bootstrapServers, Topics topics, WebhookStore store,
                            WebhookMetrics metrics, Clock clock) {
        int maxInFlight = config.webhooks().maxInFlight();
        this.settings = new Settings(Identities.webhookGroupPrefix(config.applicationId()), topics.signals(),
                topics.webhookDeadLetter(), maxInFlight, Math.max(100, maxInFlight * 16), config.webhooks().timeout(),
                RetryPolicy.of(config.webhooks()));
        this.store = store;
        this.metrics = metrics;
        this.bootstrapServers = bootstrapServers;
        this.kafkaSettings = config.kafkaClientSettings();
        this.topics = topics;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.webhooks().timeout().compareTo(Duration.ofSeconds(10)) < 0
                        ? config.webhooks().timeout() : Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.deadLetters = ClientProperties.byteProducer(bootstrapServers, kafkaSettings, Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "lurewatch-webhook-deadletters",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024,
                ProducerConfig.LINGER_MS_CONFIG, 5));
        this.reloader = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lurewatch-webhooks");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts delivering to every endpoint in {@code store}, and keeps following the file. */
    public static WebhookDelivery start(LurewatchConfig config, String bootstrapServers, Topics topics, WebhookStore store,
                                        WebhookMetrics metrics) {
        return start(config, bootstrapServers, topics, store, metrics, Clock.systemUTC());
    }

    static WebhookDelivery start(LurewatchConfig config, String bootstrapServers, Topics topics, WebhookStore store,
                                 WebhookMetrics metrics, Clock clock) {
        WebhookDelivery delivery = new WebhookDelivery(config, bootstrapServers, topics, store, metrics, clock);
        delivery.reconcile();
        delivery.reloader.scheduleWithFixedDelay(delivery::reconcileQuietly, RELOAD.toMillis(), RELOAD.toMillis(),
                TimeUnit.MILLISECONDS);
        return delivery;
    }

    /** The endpoints this instance delivers to now (for tests and logs). */
    public synchronized List<String> endpoints() {
        return List.copyOf(workers.keySet());
    }

    /** The endpoint as its worker knows it now (secrets included), if this instance delivers to it. */
    synchronized Optional<WebhookEndpoint> endpoint(String endpointId) {
        return Optional.ofNullable(workers.get(endpointId)).map(EndpointWorker::endpoint);
    }

    private void reconcileQuietly() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            LOG.error("{}", KeyValueLine.event("webhook_reload_failed").with("error", e.toString()), e);
        }
    }

    private synchronized void reconcile() {
        if (closed) {
            return;
        }
        List<WebhookEndpoint> active;
        try {
            active = store.active();
            lastStoreError = null;
        } catch (AccessStoreException e) {
            // A damaged file: keep delivering with what we know, and say so once.
            if (!e.getMessage().equals(lastStoreError)) {
                LOG.error("{}", KeyValueLine.event("webhooks_unreadable").with("message", e.getMessage()));
                lastStoreError = e.getMessage();
            }
            return;
        }
        Map<String, WebhookEndpoint> wanted = new HashMap<>();
        active.forEach(endpoint -> wanted.put(endpoint.endpointId(), endpoint));
        for (String id : new ArrayList<>(workers.keySet())) {
            EndpointWorker worker = workers.get(id);
            WebhookEndpoint now = wanted.get(id);
            if (now == null || !now.url().equals(worker.endpoint().url()) || !now.events().equals(worker.endpoint().events())
                    || !worker.alive()) {
                if (!worker.alive()) {
                    restartNotBefore.put(id, clock.millis() + RESTART_AFTER_FAILURE.toMillis());
                }
                workers.remove(id).close();
                if (now == null) {
                    metrics.remove(id);
                    LOG.info("{}", KeyValueLine.event("webhook_endpoint_removed").with("endpoint", id));
                }
            } else {
                worker.update(now);
            }
        }
        restartNotBefore.keySet().retainAll(wanted.keySet());
        for (WebhookEndpoint endpoint : wanted.values()) {
            if (!workers.containsKey(endpoint.endpointId())
                    && restartNotBefore.getOrDefault(endpoint.endpointId(), 0L) <= clock.millis()) {
                EndpointWorker worker = newWorker(endpoint);
                workers.put(endpoint.endpointId(), worker);
                worker.start();
            }
        }
    }

    private EndpointWorker newWorker(WebhookEndpoint endpoint) {
        List<String> endpointTopics = new ArrayList<>();
        if (endpoint.receives(WebhookEvent.ALERTS)) {
            endpointTopics.add(endpoint.ownerKind() == PrincipalKind.HOTLINE ? topics.hotlineAlerts(endpoint.ownerId())
                    : topics.partnerAlerts(endpoint.ownerId()));
        }
        if (endpoint.receives(WebhookEvent.SIGNALS)) {
            endpointTopics.add(topics.signals());
        }
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(ClientProperties.consumer(bootstrapServers, kafkaSettings,
                Map.of(ConsumerConfig.GROUP_ID_CONFIG, settings.groupPrefix() + endpoint.endpointId(),
                        ConsumerConfig.CLIENT_ID_CONFIG, "lurewatch-webhook-" + endpoint.endpointId(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.buffer(),
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000)),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        return new EndpointWorker(settings, endpoint, endpointTopics, consumer, http, deadLetters,
                metrics.endpoint(endpoint.endpointId(), endpoint.owner()), clock);
    }

    @Override
    public void close() {
        List<EndpointWorker> stopping;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            reloader.shutdownNow();
            stopping = new ArrayList<>(workers.values());
            workers.clear();
        }
        // Stop every worker at once: each lets its attempts in flight finish, then commits what is done.
        List<Thread> closers = stopping.stream().map(worker -> new Thread(worker::close, "lurewatch-webhook-stop")).toList();
        closers.forEach(Thread::start);
        for (Thread closer : closers) {
            try {
                closer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deadLetters.close(Duration.ofSeconds(5));
    }
}
