package org.lurewatch.campaign;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/** A lure post made ready for linking: never leaves the task, so it needs no serde. */
record PreparedPost(String postKey, CampaignPost post, String proposal, List<KeyValue<String, LinkRequest>> requests) {
    PreparedPost {
        requests = List.copyOf(requests);
    }

    /** Everything for the link step: one question per link key, and the post's arrival keyed by post key. */
    List<KeyValue<String, LinkStepInput>> linkStepInputs() {
        List<KeyValue<String, LinkStepInput>> inputs = new ArrayList<>();
        requests.forEach(request -> inputs.add(KeyValue.pair(request.key, request.value)));
        inputs.add(KeyValue.pair(postKey, new PostLinkEvent.Arrived(post, proposal, requests.size())));
        return inputs;
    }
}
