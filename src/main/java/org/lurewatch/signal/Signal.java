package org.lurewatch.signal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One recruiter contact or URL that a hotline's verdict confirmed, as the signal feed and signal webhooks share it
 * with every partner: the value of the {@code signals} topic, keyed by {@link #id}. It carries the least that lets a
 * platform act: no post text, post id, platform, hotline or partner, and never a contact seen in a distress post.
 *
 * @param id          {@code sig_} and 24 hex digits of SHA-256 over the contact key: stable for a contact
 * @param signal      the normalised value: {@code hr_job88}, {@code +66812345678}, {@code jobs-thai.example}
 * @param signalType  {@code phone}, {@code telegram}, {@code whatsapp}, {@code line}, {@code wechat}, {@code url},
 *                    {@code domain}, {@code email}
 * @param abuseType   {@code scam_compound_recruitment} (lures to travel) or {@code job_scam} (task and fee frauds)
 * @param firstSeen   when Lurewatch first saw it in a lure or job-scam post (the verdict's time if never)
 * @param lastSeen    when Lurewatch last saw it there (a sighting within the hour of the last published one publishes
 *                    nothing, so it may lag by up to an hour)
 * @param confidence  0 to 100: 90 confirmed by two hotlines or more, 75 by one and seen in posts, 60 by one only
 * @param status      {@code active}, or {@code withdrawn} after a false positive, an expired verdict or a sighting
 *                    in a distress post
 * @param revision    grows by one each time the signal changes; with {@code id} it names one version
 * @param updatedAt   when this version reached the {@code signals} topic (the broker's append time); absent on
 *                    the topic itself, set by readers
 */
public record Signal(
        String id,
        String signal,
        @JsonProperty("signal_type") String signalType,
        @JsonProperty("abuse_type") String abuseType,
        @JsonProperty("first_seen") Instant firstSeen,
        @JsonProperty("last_seen") Instant lastSeen,
        int confidence,
        String status,
        long revision,
        @JsonProperty("updated_at") Instant updatedAt) {
    public static final String ACTIVE = "active";
    public static final String WITHDRAWN = "withdrawn";
    public static final String RECRUITMENT = "scam_compound_recruitment";
    public static final String JOB_SCAM = "job_scam";

    public Signal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(signalType, "signal_type");
        Objects.requireNonNull(abuseType, "abuse_type");
        Objects.requireNonNull(firstSeen, "first_seen");
        Objects.requireNonNull(lastSeen, "last_seen");
        Objects.requireNonNull(status, "status");
        if (!status.equals(ACTIVE) && !status.equals(WITHDRAWN)) {
            throw new IllegalArgumentException("status must be active or withdrawn, was '" + status + "'");
        }
        if (confidence < 0 || confidence > 100) {
            throw new IllegalArgumentException("confidence must be 0 to 100, was " + confidence);
        }
    }

    /** The id of a contact key ({@code telegram:hr_job88}). */
    public static String idOf(String contactKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(contactKey.getBytes(StandardCharsets.UTF_8));
            return "sig_" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    @JsonIgnore
    public boolean active() {
        return status.equals(ACTIVE);
    }

    /** The same version as read from the topic, stamped with the time it was appended there. */
    public Signal withUpdatedAt(Instant appendedAt) {
        return new Signal(id, signal, signalType, abuseType, firstSeen, lastSeen, confidence, status, revision, appendedAt);
    }
}
