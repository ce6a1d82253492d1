package org.lurewatch.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.lurewatch.kafka.Topics;

class IdentitiesTest {
    private final Identities identities = AccessFixtures.IDENTITIES;
    private final List<AccessGrant> grants = identities.grants(Topics.defaults(), "lurewatch");

    @Test
    void shouldNameEveryPrincipalOneWay() {
        assertThat(identities.app().kafkaPrincipal()).hasValue("User:lurewatch-app");
        assertThat(identities.operator().kafkaPrincipal()).hasValue("User:lurewatch-admin");
        assertThat(identities.feeds().kafkaPrincipal()).hasValue("User:lurewatch-feeds");
        assertThat(identities.requireHotline("indonesia").kafkaPrincipal()).hasValue("User:hotline-indonesia");
        assertThat(identities.requirePartner("tiktok").kafkaPrincipal()).hasValue("User:partner-tiktok");
        assertThat(identities.requirePartner("tiktok").name()).isEqualTo("partner:tiktok");
        Principal analyst = identities.analyst("ana", "vietnam");
        assertThat(analyst.name()).isEqualTo("analyst:ana");
        assertThat(analyst.kafkaPrincipal()).isEmpty();
        assertThat(analyst.actsFor("vietnam")).isTrue();
        assertThat(analyst.actsFor("indonesia")).isFalse();
    }

    @Test
    void shouldDeclareOnePrincipalPerRouteAndTheThreeSingletons() {
        assertThat(identities.hotlines()).extracting(Principal::id).containsExactlyElementsOf(AccessFixtures.ROUTES.hotlineIds());
        assertThat(identities.partners()).extracting(Principal::id).containsExactlyElementsOf(AccessFixtures.ROUTES.partnerIds());
        assertThat(identities.kafkaPrincipals()).hasSize(3 + identities.hotlines().size() + identities.partners().size())
                .extracting(p -> p.kafkaPrincipal().orElseThrow()).doesNotHaveDuplicates();
        assertThat(identities.byKafkaPrincipal("User:partner-line")).hasValue(identities.requirePartner("line"));
        assertThat(identities.byKafkaPrincipal("User:partner-nobody")).isEmpty();
        assertThat(identities.superUsers()).containsExactly(identities.operator());
    }

    @Test
    void shouldRefuseAnUnknownHotlineAndListTheKnownOnes() {
        assertThatThrownBy(() -> identities.requireHotline("atlantis"))
                .isInstanceOf(AccessException.class)
                .hasMessageStartingWith("unknown hotline 'atlantis'; the routes declare: indonesia, philippines");
        assertThatThrownBy(() -> identities.analyst("Ana Smith", "indonesia"))
                .isInstanceOf(AccessException.class).hasMessageContaining("lower-case letters, digits and '-'");
        assertThat(identities.partner("indonesia")).as("hotline ids are not partners").isEqualTo(Optional.empty());
    }

    @Test
    void shouldLetAPartnerTouchOnlyItsOwnTopicsAndGroups() {
        List<AccessGrant> tiktok = of(identities.requirePartner("tiktok"));

        assertThat(tiktok).extracting(AccessGrant::resourceName)
                .containsExactlyInAnyOrder("alerts.partner.tiktok", "partner-flags.tiktok", "partner-tiktok.");
        assertThat(grant(tiktok, "alerts.partner.tiktok").operations()).containsExactlyInAnyOrder(AclOperation.READ, AclOperation.DESCRIBE);
        assertThat(grant(tiktok, "partner-flags.tiktok").operations()).containsExactlyInAnyOrder(AclOperation.WRITE, AclOperation.DESCRIBE);
        assertThat(grant(tiktok, "partner-tiktok.").patternType()).isEqualTo(PatternType.PREFIXED);
        assertThat(tiktok).allMatch(g -> g.patternType() == PatternType.LITERAL || g.resourceType() == ResourceType.GROUP);
    }

    @Test
    void shouldLetOnlyTheHotlineAndTheAppReadAHotlinesAlerts() {
        assertThat(grants).filteredOn(g -> g.resourceName().equals("alerts.hotline.myanmar"))
                .extracting(g -> g.principal().name())
                .containsExactlyInAnyOrder("app:lurewatch", "hotline:myanmar");
        assertThat(of(identities.requireHotline("myanmar"))).extracting(AccessGrant::resourceName)
                .containsExactlyInAnyOrder("alerts.hotline.myanmar", "feedback.hotline.myanmar", "hotline-myanmar.");
    }

    @Test
    void shouldKeepPipelineTopicsAndDeadLettersAwayFromEveryOutsider() {
        for (String internal : List.of("posts.scored", "campaigns", "campaign-commands", "watchlist", "deadletter",
                "feedback.labelled", "console.reads", "signals", "webhooks.deadletter")) {
            assertThat(grants).filteredOn(g -> g.resourceName().equals(internal))
                    .as(internal).extracting(AccessGrant::principal).containsOnly(identities.app());
        }
        assertThat(grants).filteredOn(g -> g.resourceName().equals("deadletter")).singleElement()
                .extracting(AccessGrant::operations).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.COLLECTION)
                .doesNotContain(AclOperation.READ);
    }

    @Test
    void shouldGiveNoPrefixThatCoversAnotherPrincipalsResources() {
        // hotline "a" must not get the groups of a hotline "a-b": group prefixes end with '.', which ids cannot hold.
        List<AccessGrant> prefixed = grants.stream().filter(g -> g.patternType() == PatternType.PREFIXED).toList();
        for (AccessGrant grant : prefixed) {
            for (AccessGrant other : grants) {
                if (!other.principal().equals(grant.principal()) && other.resourceType() == grant.resourceType()) {
                    assertThat(other.resourceName()).as(grant + " vs " + other).doesNotStartWith(grant.resourceName());
                }
            }
        }
    }

    @Test
    void shouldGiveTheAppWhatKafkaStreamsNeedsUnderItsApplicationId() {
        List<AccessGrant> app = of(identities.app());

        assertThat(grant(app, "lurewatch-").operations()).isNotEmpty();
        assertThat(app).anyMatch(g -> g.resourceType() == ResourceType.TRANSACTIONAL_ID && g.resourceName().equals("lurewatch-"));
        assertThat(app).anyMatch(g -> g.resourceType() == ResourceType.GROUP && g.resourceName().equals("lurewatch")
                && g.patternType() == PatternType.LITERAL);
        assertThat(app).noneMatch(g -> g.resourceType() == ResourceType.CLUSTER);
        assertThat(app).anyMatch(g -> g.resourceType() == ResourceType.GROUP && g.resourceName().equals("lurewatch-webhooks.")
                && g.patternType() == PatternType.PREFIXED);
        assertThat(Identities.webhookGroupPrefix("lurewatch")).isEqualTo("lurewatch-webhooks.");
    }

    private List<AccessGrant> of(Principal principal) {
        return grants.stream().filter(g -> g.principal().equals(principal)).toList();
    }

    private static AccessGrant grant(List<AccessGrant> grants, String name) {
        return grants.stream().filter(g -> g.resourceName().equals(name)).findFirst().orElseThrow();
    }
}
