package org.lurewatch.alert;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.lurewatch.assess.Category;
import org.lurewatch.assess.ScoredPost;
import org.lurewatch.campaign.CampaignOutput;
import org.lurewatch.campaign.CampaignTopology;
import org.lurewatch.kafka.TimeIndex;
import org.lurewatch.kafka.Topics;
import org.lurewatch.ops.PipelineEvents;

/**
 * Topology 4: sends alerts as CloudEvents to the topics of the hotlines and partners the routes select.
 * <ul>
 *   <li>From scored posts, one alert per post: distress to hotlines at once (never merged, never held back,
 *       never to partners), and each lure or job scam to the partner hosting it.</li>
 *   <li>From campaign changes, lures to hotlines: one alert when a campaign first reaches a hotline, then at
 *       most one update per campaign per hotline per update window ({@link UpdatePolicy}).</li>
 * </ul>
 */
public final class AlertTopology {
    /** Every CloudEvents type this step writes, so that metrics can register their series at start. */
    public static final List<String> ALERT_TYPES = List.of(AlertEvents.type(Category.LURE),
            AlertEvents.type(Category.DISTRESS), AlertEvents.type(Category.JOB_SCAM), CampaignAlertEvents.UPDATE_TYPE);
    /** Every reason this step gives {@code PipelineEvents.alertSuppressed}. */
    public static final List<String> SUPPRESSION_REASONS = List.of(UpdatePolicy.UPDATE_WINDOW);

    private final AlertRouter router;
    private final Duration updateWindow;
    private final PipelineEvents events;

    /**
     * @param updateWindow at most one campaign update per hotline per this much event time
     */
    public AlertTopology(Topics topics, Routes routes, Duration updateWindow, PipelineEvents events) {
        this.router = new AlertRouter(routes, topics);
        this.updateWindow = updateWindow;
        this.events = events;
    }

    /**
     * @param scored    the assess step's scored posts: per-post alerts leave from the task that scored the post, so
     *                  a distress post or a partner's review request costs one exactly-once hop, like a passthrough
     * @param campaigns the changes {@link CampaignTopology#build} reports: the campaign alerts run in the campaign
     *                  step's task and keep their notices in its store
     */
    public void build(KStream<String, ScoredPost> scored, KStream<String, CampaignOutput> campaigns) {
        scored.process(() -> new RouteAlerts(router, events), Named.as("alert-route-posts"))
                .to(new DestinationTopic(), Produced.with(Serdes.String(), RoutedAlert.SERDE).withName("alert-post-sink"));
        campaigns.process(new CampaignAlertsSupplier(), Named.as("alert-route-campaigns"), CampaignTopology.CAMPAIGN_STORE)
                .to(new DestinationTopic(), Produced.with(Serdes.String(), RoutedAlert.SERDE).withName("alert-campaign-sink"));
    }

    private final class CampaignAlertsSupplier implements ProcessorSupplier<String, CampaignOutput, String, RoutedAlert> {
        @Override
        public Processor<String, CampaignOutput, String, RoutedAlert> get() {
            return new CampaignAlerts(router, updateWindow, events);
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(TimeIndex.store(CampaignAlerts.PENDING_STORE));
        }
    }

    /** Each alert names its own topic; a named class so the committed topology description is stable. */
    private static final class DestinationTopic implements TopicNameExtractor<String, RoutedAlert> {
        @Override
        public String extract(String key, RoutedAlert alert, RecordContext context) {
            return alert.destination().topic();
        }

        @Override
        public String toString() {
            return "alert destination topic";
        }
    }
}
