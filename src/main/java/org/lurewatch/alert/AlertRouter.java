package org.lurewatch.alert;

import java.util.ArrayList;
import java.util.List;
import org.lurewatch.assess.Assessment;
import org.lurewatch.assess.Category;
import org.lurewatch.assess.ScoredPost;
import org.lurewatch.kafka.Topics;

/**
 * Decides where an assessed post is alerted, from the routes file. Distress posts go to hotlines only;
 * partners only ever hear of lures on their own platforms.
 */
public final class AlertRouter {
    private final Routes routes;
    private final Topics topics;

    public AlertRouter(Routes routes, Topics topics) {
        this.routes = routes;
        this.topics = topics;
    }

    public List<Destination> route(ScoredPost scored) {
        Assessment assessment = scored.assessment();
        if (assessment.category() == Category.BENIGN) {
            return List.of();
        }
        List<Destination> destinations = new ArrayList<>(hotlines(scored));
        if (assessment.category() == Category.LURE) {
            destinations.addAll(partners(scored));
        }
        return List.copyOf(destinations);
    }

    private List<Destination> hotlines(ScoredPost scored) {
        String language = scored.assessment().language();
        String country = PostCountry.of(scored);
        List<HotlineRoute> serving = routes.hotlines().stream()
                .filter(hotline -> !hotline.fallback() && hotline.serves(language, country))
                .toList();
        // The fallback takes only what no other hotline serves, not what they declined for its band.
        List<HotlineRoute> candidates = serving.isEmpty()
                ? routes.hotlines().stream().filter(HotlineRoute::fallback).toList()
                : serving;
        return candidates.stream()
                .filter(hotline -> hotline.takes(scored.assessment().category(), scored.assessment().band()))
                .map(hotline -> new Destination(Destination.Kind.HOTLINE, hotline.id(), topics.hotlineAlerts(hotline.id())))
                .toList();
    }

    private List<Destination> partners(ScoredPost scored) {
        return routes.partners().stream()
                .filter(partner -> partner.hosts(scored.post().source()))
                .filter(partner -> scored.assessment().band().atLeast(partner.minBand()))
                .map(partner -> new Destination(Destination.Kind.PARTNER, partner.id(), topics.partnerAlerts(partner.id())))
                .toList();
    }
}
