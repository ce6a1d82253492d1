package org.lurewatch.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.lurewatch.assess.Band;

/**
 * The link, post and campaign steps driven by hand, delivering every message in a random order: far more
 * disorder than Kafka allows (it keeps order per partition), standing in for many partitions and instances.
 */
class CampaignMergesTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void shouldEndWithOneCampaignPerLinkedGroupWhateverTheDeliveryOrder() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            Map<String, List<String>> posts = randomPosts(random, 25, 18);
            Steps steps = new Steps(random);
            posts.forEach(steps::submit);
            steps.runAll();

            assertThat(steps.livePostSets()).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(linkedGroups(posts));
            assertThat(steps.liveCampaigns()).as("seed %d", seed).allSatisfy(campaign -> {
                assertThat(campaign.size()).isEqualTo(campaign.posts().size());
                assertThat(campaign.mergedIds()).allSatisfy(merged -> assertThat(CampaignIds.older(campaign.id(), merged)).isTrue());
            });
            assertThat(steps.waiting()).as("seed %d: joins left waiting", seed).isEmpty();
            steps.aliases().forEach((alias, target) ->
                    assertThat(CampaignIds.older(target, alias)).as("alias %s -> %s", alias, target).isTrue());
        }
    }

    @Test
    void shouldHoldAJoinForAnIdWithoutACampaignUntilTheIdIsResolved() {
        CampaignPost late = post("late", 5);
        CampaignMerges.Step held = CampaignMerges.apply("cmp-a", null, new CampaignCommand.Join(late, "cmp-late"), 0);
        assertThat(held.published()).as("not founded by someone else's post").isNull();
        assertThat(held.next().waitingPosts()).isEqualTo(1);

        Campaign existing = Campaign.founding("cmp-b", post("b", 1));
        CampaignMerges.Step absorbed = CampaignMerges.apply("cmp-a", held.next(),
                new CampaignCommand.Absorb(existing, Map.of()), 0);
        assertThat(absorbed.published().posts()).extracting(PostRef::key).containsExactly("b", "late");

        CampaignMerges.Step aliased = CampaignMerges.apply("cmp-c", held.next(), new CampaignCommand.Union("cmp-0"), 0);
        assertThat(aliased.next().aliasOf()).isEqualTo("cmp-0");
        assertThat(aliased.commands()).extracting(command -> command.key).containsExactly("cmp-0");
    }

    @Test
    void shouldMergeTwoCampaignsIntoTheOlderWhenAPostLinksThem() {
        Steps steps = new Steps(new Random(1));
        steps.submit("a", List.of("contact:phone"));
        steps.runAll();
        steps.submit("c", List.of("contact:handle"));
        steps.runAll();
        steps.submit("b", List.of("contact:phone", "contact:handle"));
        steps.runAll();

        assertThat(steps.liveCampaigns()).singleElement().satisfies(campaign -> {
            assertThat(campaign.id()).isEqualTo(CampaignIds.propose("a", T0));
            assertThat(campaign.posts()).extracting(PostRef::key).containsExactly("a", "c", "b");
            assertThat(campaign.mergedIds()).containsExactly(CampaignIds.propose("c", T0.plusSeconds(60)));
        });
    }

    @Test
    void shouldCarryWhatHotlinesWereToldToTheSurvivingCampaign() {
        Campaign younger = Campaign.founding("cmp-b", post("b", 1));
        Notice told = Notice.of(younger, 1000);
        CampaignEntry entry = CampaignEntry.live(younger, Map.of("indonesia", told), 1000);

        CampaignMerges.Step union = CampaignMerges.apply("cmp-b", entry, new CampaignCommand.Union("cmp-a"), 2000);
        assertThat(union.next().aliasOf()).isEqualTo("cmp-a");
        assertThat(union.published().mergedInto()).isEqualTo("cmp-a");
        CampaignCommand absorb = union.commands().get(0).value;

        CampaignEntry older = CampaignEntry.live(Campaign.founding("cmp-a", post("a", 0)),
                Map.of("regional", Notice.of(Campaign.founding("cmp-a", post("a", 0)), 500)), 500);
        CampaignMerges.Step merged = CampaignMerges.apply("cmp-a", older, absorb, 2000);

        assertThat(merged.next().notices()).containsOnlyKeys("indonesia", "regional");
        assertThat(merged.next().notices().get("indonesia").grewIn(merged.published())).isTrue();
        assertThat(merged.published().size()).isEqualTo(2);
    }

    private static CampaignPost post(String key, int minute) {
        return new CampaignPost(new PostRef(key, "facebook", null, null, T0.plusSeconds(60L * minute), "id", 0.9,
                Band.CRITICAL), null, List.of(), List.of(), "test", "text");
    }

    /** Each post gets one or two contacts out of a small pool, so that chains form. */
    private static Map<String, List<String>> randomPosts(Random random, int count, int contacts) {
        Map<String, List<String>> posts = new HashMap<>();
        for (int i = 0; i < count; i++) {
            Set<String> keys = new HashSet<>();
            int links = 1 + random.nextInt(2);
            while (keys.size() < links) {
                keys.add("contact:c" + random.nextInt(contacts));
            }
            posts.put("post" + i, List.copyOf(keys));
        }
        return posts;
    }

    /** The expected answer by plain union-find: posts sharing a contact, transitively. */
    private static Set<Set<String>> linkedGroups(Map<String, List<String>> posts) {
        Map<String, String> parent = new HashMap<>();
        posts.forEach((post, contacts) -> contacts.forEach(contact -> union(parent, post, contact)));
        return posts.keySet().stream()
                .collect(Collectors.groupingBy(post -> find(parent, post), Collectors.toSet()))
                .values().stream().collect(Collectors.toSet());
    }

    private static String find(Map<String, String> parent, String x) {
        String p = parent.getOrDefault(x, x);
        return p.equals(x) ? x : find(parent, p);
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }

    /** The three steps' stores, and one bag of messages in flight, delivered in random order. */
    private static final class Steps {
        private final Random random;
        private final Map<String, LinkBucket> links = new HashMap<>();
        private final Map<String, PendingPost> pending = new HashMap<>();
        private final Map<String, CampaignEntry> campaigns = new HashMap<>();
        private final List<Runnable> inFlight = new ArrayList<>();
        private int submitted;

        Steps(Random random) {
            this.random = random;
        }

        void submit(String postKey, List<String> linkKeys) {
            long now = T0.plus(Duration.ofMinutes(submitted++)).toEpochMilli();
            Instant seenAt = Instant.ofEpochMilli(now);
            String proposal = CampaignIds.propose(postKey, seenAt);
            CampaignPost post = new CampaignPost(new PostRef(postKey, "facebook", null, null, seenAt, "id", 0.9,
                    Band.CRITICAL), null, linkKeys, List.of(), "test", "text");
            for (String linkKey : linkKeys) {
                LinkRequest request = new LinkRequest(postKey, proposal, null);
                inFlight.add(() -> link(linkKey, request, now));
            }
            PostLinkEvent.Arrived arrived = new PostLinkEvent.Arrived(post, proposal, linkKeys.size());
            inFlight.add(() -> place(postKey, arrived, now));
        }

        void runAll() {
            while (!inFlight.isEmpty()) {
                inFlight.remove(random.nextInt(inFlight.size())).run();
            }
        }

        private void link(String linkKey, LinkRequest request, long now) {
            LinkBucket.Claim claim = links.getOrDefault(linkKey, LinkBucket.empty()).claim(request, now, Long.MIN_VALUE);
            links.put(linkKey, claim.bucket());
            PostLinkEvent.Answered answer = new PostLinkEvent.Answered(linkKey, claim.campaignIds());
            inFlight.add(() -> place(request.postKey(), answer, now));
        }

        private void place(String postKey, PostLinkEvent event, long now) {
            PendingPost next = pending.getOrDefault(postKey, PendingPost.start(now));
            next = event instanceof PostLinkEvent.Arrived arrived ? next.with(arrived) : next.with((PostLinkEvent.Answered) event);
            if (!next.complete()) {
                pending.put(postKey, next);
                return;
            }
            pending.remove(postKey);
            next.placement().forEach(command -> send(command, now));
        }

        private void send(KeyValue<String, CampaignCommand> command, long now) {
            inFlight.add(() -> {
                CampaignMerges.Step step = CampaignMerges.apply(command.key, campaigns.get(command.key), command.value, now);
                campaigns.put(command.key, step.next());
                step.commands().forEach(next -> send(next, now));
            });
        }

        List<Campaign> liveCampaigns() {
            return campaigns.values().stream().filter(entry -> entry != null && entry.isLive())
                    .map(CampaignEntry::campaign).toList();
        }

        Set<Set<String>> livePostSets() {
            return liveCampaigns().stream()
                    .map(campaign -> campaign.posts().stream().map(PostRef::key).collect(Collectors.toSet()))
                    .collect(Collectors.toSet());
        }

        List<String> waiting() {
            return campaigns.entrySet().stream()
                    .filter(entry -> entry.getValue() != null && entry.getValue().waitingPosts() > 0)
                    .map(Map.Entry::getKey).toList();
        }

        Map<String, String> aliases() {
            Map<String, String> aliases = new HashMap<>();
            campaigns.forEach((id, entry) -> {
                if (entry != null && entry.isAlias()) {
                    aliases.put(id, entry.aliasOf());
                }
            });
            return aliases;
        }
    }
}
