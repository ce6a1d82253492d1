package org.lurewatch.alert;

import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.lurewatch.assess.ScoredPost;
import org.lurewatch.ops.PipelineEvents;

/**
 * Turns one scored post into its per-post alerts (distress to hotlines, lures to the hosting partners; see
 * {@link AlertRouter}). The event time and the record timestamp are those of
 * the post's input record, so replays give identical events and post-to-alert latency can be measured.
 */
final class RouteAlerts implements Processor<String, ScoredPost, String, RoutedAlert> {
    private final AlertRouter router;
    private final PipelineEvents events;
    private ProcessorContext<String, RoutedAlert> context;

    RouteAlerts(AlertRouter router, PipelineEvents events) {
        this.router = router;
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, RoutedAlert> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, ScoredPost> record) {
        ScoredPost scored = record.value();
        if (scored == null) {
            return;
        }
        for (Destination destination : router.route(scored)) {
            RoutedAlert alert = RoutedAlert.of(destination,
                    AlertEvents.build(record.key(), scored, destination, Instant.ofEpochMilli(record.timestamp())));
            events.alertSent(destination.topic(), destination.kind().wireName(), alert.type(), alert.json());
            events.postToAlertMillis(Math.max(0, System.currentTimeMillis() - record.timestamp()));
            context.forward(new Record<>(record.key(), alert, record.timestamp()));
        }
    }
}
