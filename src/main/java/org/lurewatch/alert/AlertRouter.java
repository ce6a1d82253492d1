package org.lurewatch.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lurewatch.assess.Assessment;
import org.lurewatch.assess.Band;
import org.lurewatch.assess.Category;
import org.lurewatch.assess.ScoredPost;
import org.lurewatch.campaign.Campaign;
import org.lurewatch.kafka.Topics;

/**
 * Decides where alerts go, from the routes file:
 * <ul>
 *   <li>a distress post goes to the hotlines of its language or country, at once, on its own;</li>
 *   <li>a lure post goes to the partner that hosts it, on its own (a takedown is per post);</li>
 *   <li>a job-scam post (a fraud that recruits no one to travel) goes to the partner that hosts it, and never to
 *       a hotline: trafficking hotlines are not woken for task scams;</li>
 *   <li>lures reach hotlines as campaigns: a campaign goes to the hotlines of any of its languages or
 *       countries whose band it reaches.</li>
 * </ul>
 * Partners never hear of distress posts, nor of posts on other platforms.
 */
public final class AlertRouter {
    private final Routes routes;
    private final Topics topics;

    public AlertRouter(Routes routes, Topics topics) {
        this.routes = routes;
        this.topics = topics;
    }

    /** Per-post destinations: hotlines for distress, the hosting partners for lures and job scams. */
    public List<Destination> route(ScoredPost scored) {
        Assessment assessment = scored.assessment();
        return switch (assessment.category()) {
            case DISTRESS -> hotlines(Set.of(assessment.language()), countries(PostCountry.of(scored)),
                    Category.DISTRESS, assessment.band());
            case LURE, JOB_SCAM -> partners(scored);
            case BENIGN -> List.of();
        };
    }

    /** The hotlines that take a campaign now: those serving one of its languages or countries, at its band. */
    public List<Destination> hotlines(Campaign campaign) {
        return hotlines(Set.copyOf(campaign.languages()), PostCountry.of(campaign), Category.LURE, campaign.band());
    }

    /** A hotline's destination by id; empty if the routes no longer name it. */
    public Optional<Destination> hotline(String id) {
        return routes.hotlines().stream().filter(hotline -> hotline.id().equals(id)).findFirst()
                .map(hotline -> new Destination(Destination.Kind.HOTLINE, hotline.id(), topics.hotlineAlerts(hotline.id())));
    }

    private List<Destination> hotlines(Set<String> languages, Set<String> countries, Category category, Band band) {
        List<HotlineRoute> serving = routes.hotlines().stream()
                .filter(hotline -> !hotline.fallback() && hotline.servesAny(languages, countries))
                .toList();
        // The fallback takes only what no other hotline serves, not what they declined for its band.
        List<HotlineRoute> candidates = serving.isEmpty()
                ? routes.hotlines().stream().filter(HotlineRoute::fallback).toList()
                : serving;
        return candidates.stream()
                .filter(hotline -> hotline.takes(category, band))
                .map(hotline -> new Destination(Destination.Kind.HOTLINE, hotline.id(), topics.hotlineAlerts(hotline.id())))
                .toList();
    }

    private List<Destination> partners(ScoredPost scored) {
        List<Destination> partners = new ArrayList<>();
        for (PartnerRoute partner : routes.partners()) {
            if (partner.hosts(scored.post().source()) && scored.assessment().band().atLeast(partner.minBand())) {
                partners.add(new Destination(Destination.Kind.PARTNER, partner.id(), topics.partnerAlerts(partner.id())));
            }
        }
        return List.copyOf(partners);
    }

    private static Set<String> countries(String country) {
        return country == null ? Set.of() : Set.of(country);
    }
}
