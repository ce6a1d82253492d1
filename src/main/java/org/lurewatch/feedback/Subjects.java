package org.lurewatch.feedback;

/** Subject keys: what a verdict is about, and where the facts it needs are kept. */
final class Subjects {
    private Subjects() {
    }

    static String post(String postKey) {
        return "post:" + postKey;
    }

    static String campaign(String campaignId) {
        return "campaign:" + campaignId;
    }

    /** A campaign verdict wins over a post verdict: the campaign's contacts include the post's. */
    static String of(Feedback feedback) {
        if (feedback.campaignId() != null) {
            return campaign(feedback.campaignId());
        }
        if (feedback.postKey() != null) {
            return post(feedback.postKey());
        }
        return "contacts:" + feedback.contacts().get(0);
    }
}
