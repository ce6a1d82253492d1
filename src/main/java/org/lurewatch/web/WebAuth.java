package org.lurewatch.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Map;
import java.util.Optional;
import org.lurewatch.access.ApiKeyStore;
import org.lurewatch.access.AuditEvent;
import org.lurewatch.access.AuditLog;
import org.lurewatch.access.Logins;
import org.lurewatch.access.Principal;
import org.lurewatch.access.Session;
import org.lurewatch.access.Sessions;

/**
 * Authentication for web modules, from {@link org.lurewatch.access}'s building blocks. A module calls these from a
 * {@link WebRoutes#before} on its prefix; they put the principal on the request ({@link #principal}) or refuse it with
 * a problem:
 * <ul>
 *   <li>{@link #requireApiKey}: {@code Authorization: Bearer lwk_...} to the key's partner, else 401 with
 *       {@code WWW-Authenticate};</li>
 *   <li>{@link #requireSession}: the {@value #SESSION_COOKIE} cookie to the analyst's session, else 401;</li>
 *   <li>{@link #requireCsrf}: the session's CSRF token in {@value #CSRF_HEADER} or the form field {@value #CSRF_FIELD}
 *       on every state-changing request, else 403.</li>
 * </ul>
 */
public final class WebAuth {
    public static final String SESSION_COOKIE = "lw_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "csrf";
    private static final String PRINCIPAL = "lurewatch.principal";
    private static final String SESSION = "lurewatch.session";

    private WebAuth() {
    }

    /** The partner behind the request's API key, also stored on the request; 401 problem when missing or not valid. */
    public static Principal requireApiKey(Context ctx, ApiKeyStore keys, AuditLog audit) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("api-key-required", "API key required", "send the partner API key as 'Authorization: Bearer lwk_...'");
        }
        String presented = header.substring(7).trim();
        Optional<Principal> partner = keys.verify(presented);
        if (partner.isEmpty()) {
            String object = "apikey:" + ApiKeyStore.keyIdOf(presented).orElse("malformed");
            audit.record(new AuditEvent(java.time.Instant.now(), "partner:unknown", "api.authenticate", object,
                    AuditEvent.Outcome.DENIED, Logins.Via.http(clientAddress(ctx))));
            throw unauthorized("api-key-invalid", "API key not valid", "the key is unknown, expired or revoked");
        }
        ctx.attribute(PRINCIPAL, partner.get());
        return partner.get();
    }

    /** The analyst's live session, also stored on the request; 401 problem without one. */
    public static Session requireSession(Context ctx, Sessions sessions) {
        Optional<Session> session = sessions.find(ctx.cookie(SESSION_COOKIE));
        if (session.isEmpty()) {
            throw new ProblemException(Problem.typed("login-required", "Login required", 401,
                    "no session, or it expired or was ended; log in again"),
                    Map.of("WWW-Authenticate", "Cookie realm=\"lurewatch\""));
        }
        ctx.attribute(SESSION, session.get());
        ctx.attribute(PRINCIPAL, session.get().principal());
        return session.get();
    }

    /** 403 problem unless the request carries the session's CSRF token (header or form field). */
    public static void requireCsrf(Context ctx, Session session) {
        String token = ctx.header(CSRF_HEADER);
        if (token == null && isForm(ctx)) {
            token = ctx.formParam(CSRF_FIELD);
        }
        if (!Sessions.csrfMatches(session, token)) {
            throw new ProblemException(Problem.typed("csrf-token-invalid", "CSRF token missing or wrong", 403,
                    "state-changing requests must carry the session's token in " + CSRF_HEADER + " or the form field '"
                            + CSRF_FIELD + "'; reload the page"));
        }
    }

    /** Sets the session cookie: HttpOnly, SameSite=Strict, Path=/, Secure when the server says so; no Max-Age. */
    public static void startSession(Context ctx, Session session, WebSettings settings) {
        ctx.cookie(new Cookie(SESSION_COOKIE, session.id(), "/", -1, settings.secureCookies(), true, null, SameSite.STRICT));
    }

    /** Clears the session cookie in the browser. */
    public static void endSession(Context ctx, WebSettings settings) {
        ctx.cookie(new Cookie(SESSION_COOKIE, "", "/", 0, settings.secureCookies(), true, null, SameSite.STRICT));
    }

    /** The principal a before-handler authenticated, if any. */
    public static Optional<Principal> principal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }

    /** The session {@link #requireSession} found, if any. */
    public static Optional<Session> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION));
    }

    /**
     * The client's address as the server sees it (the TCP peer). Behind a proxy this is the proxy: the login limit per
     * address then counts all clients together, which errs on the safe side.
     */
    public static String clientAddress(Context ctx) {
        return ctx.req().getRemoteAddr();
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }

    private static ProblemException unauthorized(String slug, String title, String detail) {
        return new ProblemException(Problem.typed(slug, title, 401, detail),
                Map.of("WWW-Authenticate", "Bearer realm=\"lurewatch\""));
    }
}
