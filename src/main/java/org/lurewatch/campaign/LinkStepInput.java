package org.lurewatch.campaign;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A record on the {@code campaign-links} repartition topic: a link question keyed by link key, or a post's
 * arrival keyed by its post key. Arrivals ride along with the questions, and the link step passes them on
 * untouched, so that a post and the answers about it reach the post step through one repartition topic:
 * co-partitioned by construction, whatever the partition counts of the topics upstream.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LinkRequest.class, name = "ask"),
        @JsonSubTypes.Type(value = PostLinkEvent.Arrived.class, name = "arrived")})
public sealed interface LinkStepInput permits LinkRequest, PostLinkEvent.Arrived {
}
