package org.lurewatch.ops;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WARN line per dead letter, on the logger {@value #LOGGER_NAME}.
 *
 * <p>Deliberately takes only where the record was and why it was rejected: never the post text,
 * the author or a contact. Logs are kept and shipped with less care than the dead-letter topic
 * (which holds the original bytes under its own retention and ACLs), and a victim's distress post
 * must not end up in them. To look at a rejected record, read it from {@code deadletter} at
 * this offset.
 */
public final class DeadLetterLog {
    public static final String LOGGER_NAME = "org.lurewatch.deadletter";

    private final Logger log;

    public DeadLetterLog(Logger log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    public static DeadLetterLog create() {
        return new DeadLetterLog(LoggerFactory.getLogger(LOGGER_NAME));
    }

    public void deadLetter(String reason, String sourceTopic, int partition, long offset) {
        log.warn("{}", line(reason, sourceTopic, partition, offset));
    }

    static String line(String reason, String sourceTopic, int partition, long offset) {
        return KeyValueLine.event("dead_letter")
                .with("reason", reason)
                .with("topic", sourceTopic)
                .with("partition", partition)
                .with("offset", offset)
                .toString();
    }
}
