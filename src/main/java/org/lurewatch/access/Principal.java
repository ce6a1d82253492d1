package org.lurewatch.access;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One authenticated identity. Built only by {@link Identities} (from the routes), by the account store (analysts) or
 * by API-key verification (partners): never from a field in a payload.
 *
 * <p>Naming, one rule everywhere:
 * <table>
 *   <caption>principal names</caption>
 *   <tr><th>kind</th><th>{@link #name()} (audit)</th><th>Kafka principal</th></tr>
 *   <tr><td>app</td><td>{@code app:lurewatch}</td><td>{@code User:lurewatch-app}</td></tr>
 *   <tr><td>operator</td><td>{@code operator:lurewatch}</td><td>{@code User:lurewatch-admin}</td></tr>
 *   <tr><td>feeds</td><td>{@code feeds:lurewatch}</td><td>{@code User:lurewatch-feeds}</td></tr>
 *   <tr><td>hotline</td><td>{@code hotline:<id>}</td><td>{@code User:hotline-<id>}</td></tr>
 *   <tr><td>partner</td><td>{@code partner:<id>}</td><td>{@code User:partner-<id>}</td></tr>
 *   <tr><td>analyst</td><td>{@code analyst:<username>}</td><td>none (acts through the app)</td></tr>
 * </table>
 *
 * <p>A class, not a record, so that its constructor can stay private: outside this package a principal is only
 * obtained from {@link Identities}, {@link AccountStore#verify}, {@link ApiKeyStore#verify} or a {@link Session}.
 */
public final class Principal {
    /** Route ids and usernames: lower-case letters, digits and '-', as route ids already are (they name topics). */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,48}");
    static final String SINGLETON_ID = "lurewatch";

    private final PrincipalKind kind;
    private final String id;
    private final Optional<String> hotline;

    private Principal(PrincipalKind kind, String id, Optional<String> hotline) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hotline, "hotline");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a " + kind.wireName() + " id must be lower-case letters, digits and '-', "
                    + "at most 49 characters, starting with a letter or digit; was '" + id + "'");
        }
        boolean needsHotline = kind == PrincipalKind.ANALYST || kind == PrincipalKind.HOTLINE;
        if (needsHotline != hotline.isPresent()) {
            throw new IllegalArgumentException(needsHotline ? "a " + kind.wireName() + " belongs to one hotline"
                    : "a " + kind.wireName() + " belongs to no hotline");
        }
        if (kind == PrincipalKind.HOTLINE && !hotline.get().equals(id)) {
            throw new IllegalArgumentException("a hotline principal acts for its own hotline only");
        }
        this.kind = kind;
        this.id = id;
        this.hotline = hotline;
    }

    /** What sort of identity. */
    public PrincipalKind kind() {
        return kind;
    }

    /** The route id (hotline, partner), the username (analyst), or {@code lurewatch} for the singletons. */
    public String id() {
        return id;
    }

    /** The hotline an analyst or a hotline acts for; empty for every other kind. */
    public Optional<String> hotline() {
        return hotline;
    }

    static Principal singleton(PrincipalKind kind) {
        return new Principal(kind, SINGLETON_ID, Optional.empty());
    }

    static Principal hotline(String id) {
        return new Principal(PrincipalKind.HOTLINE, id, Optional.of(id));
    }

    static Principal partner(String id) {
        return new Principal(PrincipalKind.PARTNER, id, Optional.empty());
    }

    static Principal analyst(String username, String hotline) {
        return new Principal(PrincipalKind.ANALYST, username, Optional.of(hotline));
    }

    /** {@code hotline:indonesia}, {@code analyst:ana}: the name in audit lines and logs. */
    public String name() {
        return kind.wireName() + ":" + id;
    }

    /**
     * The SASL user name of this identity on the broker: {@code lurewatch-app}, {@code lurewatch-admin},
     * {@code lurewatch-feeds}, {@code hotline-<id>}, {@code partner-<id>}. Empty for analysts.
     */
    public Optional<String> kafkaUser() {
        return switch (kind) {
            case APP -> Optional.of("lurewatch-app");
            case OPERATOR -> Optional.of("lurewatch-admin");
            case FEEDS -> Optional.of("lurewatch-feeds");
            case HOTLINE -> Optional.of("hotline-" + id);
            case PARTNER -> Optional.of("partner-" + id);
            case ANALYST -> Optional.empty();
        };
    }

    /** {@code User:<kafkaUser>}, the form Kafka ACLs use. Empty for analysts. */
    public Optional<String> kafkaPrincipal() {
        return kafkaUser().map(user -> "User:" + user);
    }

    /** Whether this identity may see what was routed to {@code hotlineId} (its own hotline, or it is that hotline). */
    public boolean actsFor(String hotlineId) {
        return hotline.isPresent() && hotline.get().equals(hotlineId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Principal that && kind == that.kind && id.equals(that.id) && hotline.equals(that.hotline);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, id, hotline);
    }

    @Override
    public String toString() {
        return name();
    }
}
