package org.lurewatch.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.lurewatch.campaign.Campaign;
import org.lurewatch.kafka.ExpiringStore;
import org.lurewatch.kafka.Json;
import org.lurewatch.ops.PipelineEvents;

/**
 * Keyed by campaign id, in the campaign step's task: turns campaign changes into hotline alerts by the
 * {@link UpdatePolicy}, keeping what each hotline was told in the {@value #LEDGER_STORE} store. A hotline that
 * was told about a campaign keeps getting its updates even if the campaign's routing later points elsewhere.
 * Held-back updates are sent by a stream-time punctuator once their window has passed, so they go out when
 * later records move stream time on, not on an idle stream.
 *
 * <p>A campaign merged into another drops its ledger: the surviving campaign has its own, and a hotline that
 * knew only the merged one hears about the survivor as a new campaign, whose {@code merged_ids} name the one it
 * knew.
 */
final class CampaignAlerts implements Processor<String, Campaign, String, RoutedAlert> {
    static final String LEDGER_STORE = "alert-campaign-ledgers";
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final AlertRouter router;
    private final UpdatePolicy policy;
    private final Duration ttl;
    private final PipelineEvents events;
    private ProcessorContext<String, RoutedAlert> context;
    private KeyValueStore<String, CampaignLedger> ledgers;

    CampaignAlerts(AlertRouter router, Duration updateWindow, Duration ttl, PipelineEvents events) {
        this.router = router;
        this.policy = new UpdatePolicy(updateWindow);
        this.ttl = ttl;
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, RoutedAlert> context) {
        this.context = context;
        this.ledgers = context.getStateStore(LEDGER_STORE);
        context.schedule(SWEEP_INTERVAL, PunctuationType.STREAM_TIME, this::sweep);
    }

    @Override
    public void process(Record<String, Campaign> record) {
        Campaign campaign = record.value();
        if (campaign == null || campaign.mergedInto() != null) {
            ledgers.delete(record.key());
            return;
        }
        // Windows run on the task's stream time, which never goes back: a late record (a replay scrambled
        // across partitions) cannot reopen a window that later records already closed.
        long now = Math.max(record.timestamp(), context.currentStreamTimeMs());
        CampaignLedger ledger = ledgers.get(record.key());
        Map<String, Announced> told = new LinkedHashMap<>(ledger == null ? Map.of() : ledger.hotlines());
        List<Destination> routed = router.hotlines(campaign);
        Set<Destination> destinations = new LinkedHashSet<>(routed);
        told.keySet().forEach(id -> router.hotline(id).ifPresent(destinations::add));
        for (Destination destination : destinations) {
            Announced last = told.get(destination.id());
            switch (policy.decide(last, campaign, routed.contains(destination), now)) {
                case ANNOUNCE, UPDATE -> {
                    send(campaign, destination, last, record.timestamp(), true);
                    told.put(destination.id(), Announced.of(campaign, now));
                }
                case SUPPRESS -> {
                    events.alertSuppressed(destination.topic(), UpdatePolicy.UPDATE_WINDOW);
                    told.put(destination.id(), last.heldBack());
                }
                case NOTHING -> {
                }
            }
        }
        ledgers.put(record.key(), new CampaignLedger(campaign, told, now));
    }

    /** Sends the held-back updates whose window has passed, then forgets campaigns quiet for the TTL. */
    private void sweep(long streamTime) {
        Map<String, CampaignLedger> changed = new LinkedHashMap<>();
        try (KeyValueIterator<String, CampaignLedger> all = ledgers.all()) {
            all.forEachRemaining(entry -> {
                CampaignLedger ledger = entry.value;
                Map<String, Announced> told = new LinkedHashMap<>(ledger.hotlines());
                ledger.hotlines().forEach((hotline, last) -> {
                    if (policy.due(last, streamTime)) {
                        router.hotline(hotline).ifPresent(destination ->
                                send(ledger.latest(), destination, last, streamTime, false));
                        told.put(hotline, Announced.of(ledger.latest(), streamTime));
                    }
                });
                if (!told.equals(ledger.hotlines())) {
                    changed.put(entry.key, new CampaignLedger(ledger.latest(), told, ledger.seen()));
                }
            });
        }
        changed.forEach(ledgers::put);
        ExpiringStore.removeIf(ledgers, (id, ledger) -> ledger.seen() < streamTime - ttl.toMillis());
    }

    private void send(Campaign campaign, Destination destination, Announced last, long timestamp, boolean fromPost) {
        ObjectNode event = CampaignAlertEvents.build(campaign, destination, last, Instant.ofEpochMilli(timestamp));
        String type = event.get("type").asText();
        String json = json(event);
        RoutedAlert alert = new RoutedAlert(destination, type, json);
        events.alertSent(destination.topic(), destination.kind().wireName(), type, json);
        if (fromPost) {
            events.postToAlertMillis(Math.max(0, System.currentTimeMillis() - timestamp));
        }
        context.forward(new Record<>(campaign.id(), alert, timestamp));
    }

    private static String json(ObjectNode event) {
        try {
            return Json.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
