package org.lurewatch.access;

import java.time.Clock;
import java.util.Objects;
import org.lurewatch.alert.Routes;
import org.lurewatch.config.AccessConfig;

/**
 * Everything that decides who someone is, for one instance: identities from the routes, the account, API-key and
 * webhook stores under {@code access.dir}, sessions, the login limit, the login step and the audit log. The runtime opens one
 * and hands it to the web modules; the CLI opens one per command.
 */
public final class Access implements AutoCloseable {
    private final Identities identities;
    private final AccountStore accounts;
    private final ApiKeyStore apiKeys;
    private final WebhookStore webhooks;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final FileAuditLog audit;
    private final Logins logins;

    private Access(AccessConfig config, Routes routes, PasswordHasher hasher, Clock clock) {
        Objects.requireNonNull(config, "config");
        identities = Identities.of(routes);
        accounts = new AccountStore(config.dir(), identities, hasher, clock);
        apiKeys = new ApiKeyStore(config.dir(), identities, clock);
        webhooks = new WebhookStore(config.dir(), identities, clock);
        sessions = new Sessions(accounts, config.sessionIdle(), config.sessionMax(), clock);
        throttle = new LoginThrottle(config.maxFailuresPerUser(), config.maxFailuresPerAddress(), config.loginWindow(), clock);
        audit = FileAuditLog.at(config.auditFileOrDefault());
        logins = new Logins(accounts, sessions, throttle, audit);
    }

    /** The stores under {@code config.dir()} and the audit log; nothing is created on disk until first written. */
    public static Access open(AccessConfig config, Routes routes) {
        return new Access(config, routes, new PasswordHasher(), Clock.systemUTC());
    }

    /** The same with another hasher cost and clock: for tests that measure expiry without waiting. */
    public static Access open(AccessConfig config, Routes routes, PasswordHasher hasher, Clock clock) {
        return new Access(config, routes, hasher, clock);
    }

    public Identities identities() {
        return identities;
    }

    public AccountStore accounts() {
        return accounts;
    }

    public ApiKeyStore apiKeys() {
        return apiKeys;
    }

    /** Webhook endpoints of hotlines and partners, with their signing secrets. */
    public WebhookStore webhooks() {
        return webhooks;
    }

    public Sessions sessions() {
        return sessions;
    }

    public LoginThrottle throttle() {
        return throttle;
    }

    public Logins logins() {
        return logins;
    }

    public AuditLog audit() {
        return audit;
    }

    @Override
    public void close() {
        audit.close();
    }
}
