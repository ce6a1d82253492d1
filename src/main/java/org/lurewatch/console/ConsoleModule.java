package org.lurewatch.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.lurewatch.access.Access;
import org.lurewatch.access.AccessException;
import org.lurewatch.access.AccountStore;
import org.lurewatch.access.AnalystAccount;
import org.lurewatch.access.AuditEvent;
import org.lurewatch.access.LoginResult;
import org.lurewatch.access.LoginThrottle;
import org.lurewatch.access.Logins;
import org.lurewatch.access.Session;
import org.lurewatch.alert.HotlineRoute;
import org.lurewatch.alert.Routes;
import org.lurewatch.feedback.Verdict;
import org.lurewatch.feedback.VerdictMessage;
import org.lurewatch.kafka.Json;
import org.lurewatch.web.Problem;
import org.lurewatch.web.ProblemException;
import org.lurewatch.web.SecurityHeaders;
import org.lurewatch.web.WebAuth;
import org.lurewatch.web.WebModule;
import org.lurewatch.web.WebRoutes;
import org.lurewatch.web.WebSettings;

/**
 * The console under {@code /console}: HTML pages for people and the same data as JSON under {@code /console/api/}.
 * <ul>
 *   <li>Every page but the sign-in page and the static assets needs a live session; without one a page redirects to
 *       sign-in and the API answers 401 problem details. An account with a one-time password is sent to choose its
 *       own first.</li>
 *   <li>Every POST carries the session's CSRF token (form field or header) and must come from this origin.</li>
 *   <li>The hotline is the session's, never a request field: an alert, campaign or post of another hotline is 404,
 *       the same as one that does not exist.</li>
 *   <li>Every view and verdict leaves an audit line with ids only.</li>
 * </ul>
 */
public final class ConsoleModule implements WebModule {
    static final String BASE = Layout.BASE;
    static final String API = BASE + "/api";
    private static final Pattern RETURN_PATH = Pattern.compile("/console/[A-Za-z0-9/_:.%~-]*");
    private static final Duration VERDICT_VISIBLE = Duration.ofSeconds(5);
    /** Set once a request passed {@link #authenticate}: {@code /console} and {@code /console/*} both lead there. */
    private static final String AUTHENTICATED = "lurewatch.console.authenticated";

    private final Access access;
    private final ConsoleReadModel model;
    private final ConsoleWriter writer;
    private final IndicatorLabels labels;
    private final ConsoleAssets assets;
    private final Map<String, String> hotlineNames = new HashMap<>();
    private WebSettings settings;

    ConsoleModule(Access access, Routes routes, ConsoleReadModel model, ConsoleWriter writer, IndicatorLabels labels,
                  ConsoleAssets assets) {
        this.access = Objects.requireNonNull(access, "access");
        this.model = Objects.requireNonNull(model, "model");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.assets = Objects.requireNonNull(assets, "assets");
        for (HotlineRoute route : routes.hotlines()) {
            hotlineNames.put(route.id(), route.name());
        }
    }

    /**
     * The console for {@code run} and {@code demo}: a read model and a writer of its own on the instance's cluster (with
     * the {@code kafka.*} client settings), the indicator labels of the lexicons in use, the bundled assets.
     */
    public static WebModule.Factory factory() {
        return context -> {
            Map<String, Object> kafka = new HashMap<>(context.config().kafkaClientSettings());
            kafka.put("bootstrap.servers", context.bootstrapServers());
            Routes routes = context.routes();
            org.lurewatch.assess.lexicon.Lexicons lexicons = context.config().lexiconDir()
                    .map(org.lurewatch.assess.lexicon.LexiconLoader::load)
                    .orElseGet(org.lurewatch.assess.lexicon.LexiconLoader::loadBundled);
            ConsoleReadModel model = ConsoleReadModel.start(kafka, context.topics(), routes.hotlineIds(),
                    context.config().console().maxAlertsPerHotline());
            return new ConsoleModule(context.access(), routes, model, new ConsoleWriter(kafka, context.topics()),
                    new IndicatorLabels(routes, lexicons::localLabel), ConsoleAssets.load());
        };
    }

    /** The read model this module answers from (for tests and measurements). */
    public ConsoleReadModel readModel() {
        return model;
    }

    @Override
    public void register(WebRoutes routes) {
        settings = routes.settings();
        routes.get("/", ctx -> ctx.redirect(BASE + "/", HttpStatus.SEE_OTHER));
        routes.before(BASE, this::authenticate);
        routes.before(BASE + "/*", this::authenticate);
        routes.get(BASE + "/assets/{file}", ctx -> assets.serve(ctx, ctx.pathParam("file")));
        routes.get(BASE + "/assets/fonts/{family}/{file}", ctx -> assets.serveFont(ctx, ctx.pathParam("family"),
                ctx.pathParam("file")));
        routes.get(BASE + "/login", this::loginPage);
        routes.post(BASE + "/login", this::login);
        routes.post(BASE + "/logout", this::logout);
        routes.get(BASE + "/password", ctx -> html(ctx, 200, AuthPages.password(viewer(ctx), mustChange(ctx), null)));
        routes.post(BASE + "/password", this::changePassword);
        routes.get(BASE + "/", this::inbox);
        routes.get(BASE + "/alerts/{id}", this::alert);
        routes.get(BASE + "/campaigns", this::campaigns);
        routes.get(BASE + "/campaigns/{id}", this::campaign);
        routes.get(BASE + "/campaigns/{id}/export.json", ctx -> export(ctx, false));
        routes.get(BASE + "/campaigns/{id}/export.csv", ctx -> export(ctx, true));
        routes.get(BASE + "/posts/{key}", this::post);
        routes.get(BASE + "/search", this::search);
        routes.get(BASE + "/watchlist", this::watchlist);
        routes.post(BASE + "/verdicts", this::verdictForm);
        routes.get(API + "/session", this::apiSession);
        routes.get(API + "/alerts", this::apiAlerts);
        routes.get(API + "/alerts/{id}", this::apiAlert);
        routes.get(API + "/campaigns/{id}", this::apiCampaign);
        routes.get(API + "/watchlist", this::apiWatchlist);
        routes.post(API + "/verdicts", this::apiVerdict);
    }

    @Override
    public void close() {
        model.close();
        writer.close();
    }

    // ---- authentication -------------------------------------------------------------------------------------------

    private void authenticate(Context ctx) {
        if (ctx.attribute(AUTHENTICATED) != null) {
            return;
        }
        ctx.attribute(AUTHENTICATED, Boolean.TRUE);
        String path = ctx.path();
        boolean write = !(ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD"));
        if (write) {
            sameOrigin(ctx);
        }
        if (path.startsWith(BASE + "/assets/") || path.equals(BASE + "/login")) {
            return;
        }
        boolean api = path.startsWith(API + "/");
        Session session;
        try {
            session = WebAuth.requireSession(ctx, access.sessions());
        } catch (ProblemException noSession) {
            if (api) {
                throw noSession;
            }
            String query = ctx.queryString();
            String next = write ? BASE + "/" : path + (query == null ? "" : "?" + query);
            redirect(ctx, BASE + "/login?next=" + Html.param(next));
            return;
        }
        if (mustChange(ctx) && !path.equals(BASE + "/password") && !path.equals(BASE + "/logout")) {
            if (api) {
                throw new ProblemException(Problem.typed("password-change-required", "Password change required", 403,
                        "this account signed in with a one-time password; choose your own at " + BASE + "/password first"));
            }
            redirect(ctx, BASE + "/password");
            return;
        }
        if (write) {
            try {
                WebAuth.requireCsrf(ctx, session);
            } catch (ProblemException refused) {
                if (api) {
                    throw refused;
                }
                html(ctx, 403, Layout.error(viewer(ctx), 403, "This form has expired",
                        "The form did not carry this session's security token (it may be from an older sign-in or another "
                                + "site). Nothing was saved. Go back, reload the page and try again."));
                ctx.skipRemainingHandlers();
            }
        }
    }

    /**
     * A state-changing request must come from a page of this server (defence in depth beside SameSite cookies and the
     * CSRF token): browsers say where a request comes from in {@code Sec-Fetch-Site}, and in {@code Origin} unless the
     * referrer policy hides it ({@code no-referrer} makes a form's origin "null", which says nothing).
     */
    private static void sameOrigin(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        String origin = ctx.header("Origin");
        String host = ctx.header("Host");
        boolean crossSite = site != null && !site.equals("same-origin") && !site.equals("none");
        boolean otherOrigin = origin != null && host != null && !origin.equals("null")
                && !origin.replaceFirst("^https?://", "").equalsIgnoreCase(host);
        if (crossSite || otherOrigin) {
            throw new ProblemException(Problem.typed("cross-origin-refused", "Cross-origin request refused", 403,
                    "state-changing requests to the console must come from its own pages"));
        }
    }

    private void loginPage(Context ctx) {
        if (access.sessions().find(ctx.cookie(WebAuth.SESSION_COOKIE)).isPresent()) {
            redirect(ctx, BASE + "/");
            return;
        }
        String page = AuthPages.login(safeNext(ctx.queryParam("next")), null, null,
                "1".equals(ctx.queryParam("signed_out")) ? "You are signed out." : null);
        html(ctx, 200, page);
    }

    private void login(Context ctx) {
        String username = Optional.ofNullable(ctx.formParam("username")).map(String::strip).orElse("");
        String next = safeNext(ctx.formParam("next"));
        char[] password = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
        LoginResult result;
        try {
            result = access.logins().login(username, password, WebAuth.clientAddress(ctx));
        } finally {
            Arrays.fill(password, '\0');
        }
        switch (result.status()) {
            case OK -> {
                WebAuth.startSession(ctx, result.session().orElseThrow(), settings);
                redirect(ctx, result.mustChangePassword() ? BASE + "/password" : next);
            }
            case THROTTLED -> {
                long minutes = Math.max(1, (result.retryAfter().toSeconds() + 59) / 60);
                ctx.header("Retry-After", Long.toString(Math.max(1, result.retryAfter().toSeconds())));
                html(ctx, 429, AuthPages.login(next, "Too many failed sign-ins. Sign-in is paused for this account or this "
                        + "address; try again in " + minutes + (minutes == 1 ? " minute." : " minutes."), username, null));
            }
            case REJECTED -> {
                ctx.header("WWW-Authenticate", "Cookie realm=\"lurewatch\"");
                html(ctx, 401, AuthPages.login(next, "Wrong username or password, or the account is disabled.", username, null));
            }
        }
    }

    private void logout(Context ctx) {
        WebAuth.session(ctx).ifPresent(session -> access.logins().logout(session, WebAuth.clientAddress(ctx)));
        WebAuth.endSession(ctx, settings);
        redirect(ctx, BASE + "/login?signed_out=1");
    }

    private void changePassword(Context ctx) {
        Session session = session(ctx);
        String username = session.principal().id();
        String address = WebAuth.clientAddress(ctx);
        char[] current = Optional.ofNullable(ctx.formParam("current")).orElse("").toCharArray();
        char[] fresh = Optional.ofNullable(ctx.formParam("new")).orElse("").toCharArray();
        char[] repeat = Optional.ofNullable(ctx.formParam("repeat")).orElse("").toCharArray();
        try {
            LoginThrottle.Decision decision = access.throttle().check(username, address);
            if (!decision.allowed()) {
                passwordError(ctx, 429, "Too many wrong passwords. Try again in a few minutes.");
                return;
            }
            if (!Arrays.equals(fresh, repeat)) {
                passwordError(ctx, 400, "The two new passwords differ. Type the same new password twice.");
                return;
            }
            if (Arrays.equals(fresh, current)) {
                passwordError(ctx, 400, "Choose a new password, not the current one.");
                return;
            }
            if (access.accounts().verify(username, current).isEmpty()) {
                access.throttle().failed(username, address);
                passwordError(ctx, 400, "The current password is wrong.");
                return;
            }
            access.accounts().changePassword(username, fresh);
            // Changing the password ends every session of the account, this one included: start a new one.
            AccountStore.Verified verified = access.accounts().verify(username, fresh)
                    .orElseThrow(() -> new IllegalStateException("the password just set does not verify"));
            access.sessions().invalidate(session.id());
            Session renewed = access.sessions().create(verified);
            WebAuth.startSession(ctx, renewed, settings);
            access.audit().record(session.principal(), "password.change", "account:" + username, AuditEvent.Outcome.OK,
                    Logins.Via.http(address));
            redirect(ctx, BASE + "/?password=changed");
        } catch (AccessException e) {
            passwordError(ctx, 400, e.getMessage().substring(0, 1).toUpperCase(Locale.ROOT) + e.getMessage().substring(1) + ".");
        } finally {
            Arrays.fill(current, '\0');
            Arrays.fill(fresh, '\0');
            Arrays.fill(repeat, '\0');
        }
    }

    private void passwordError(Context ctx, int status, String message) {
        html(ctx, status, AuthPages.password(viewer(ctx), mustChange(ctx), message));
    }

    private boolean mustChange(Context ctx) {
        return WebAuth.session(ctx).flatMap(s -> access.accounts().find(s.principal().id()))
                .map(AnalystAccount::mustChangePassword).orElse(false);
    }

    // ---- pages ------------------------------------------------------------------------------------------------------

    private void inbox(Context ctx) {
        Layout.Viewer viewer = viewer(ctx);
        InboxQuery query;
        String error = null;
        try {
            query = InboxQuery.parse(ctx::queryParam);
        } catch (IllegalArgumentException e) {
            query = InboxQuery.all();
            error = "Filter not applied: " + e.getMessage() + ".";
        }
        InboxResult result = model.inbox(viewer.hotline(), viewer.username(), query);
        audit(ctx, "inbox.view", "hotline:" + viewer.hotline());
        if ("changed".equals(ctx.queryParam("password"))) {
            error = null;
        }
        String page = InboxPage.render(viewer, query, result, error);
        if ("changed".equals(ctx.queryParam("password"))) {
            page = page.replace("<h1>Inbox</h1>", "<h1>Inbox</h1>" + Layout.notice("ok", "Your password is saved."));
        }
        html(ctx, error == null ? 200 : 400, page);
    }

    private void alert(Context ctx) {
        Layout.Viewer viewer = viewer(ctx);
        String id = ctx.pathParam("id");
        Optional<AlertView> alert = model.alert(viewer.hotline(), id);
        if (alert.isEmpty()) {
            notFound(ctx, viewer, "alert");
            return;
        }
        Session session = session(ctx);
        if (!model.isRead(viewer.hotline(), viewer.username(), id)) {
            model.markReadLocally(viewer.hotline(), viewer.username(), id);
            writer.read(session, id);
        }
        Optional<CampaignView> campaign = alert.get().campaignId() == null ? Optional.empty()
                : model.campaign(viewer.hotline(), alert.get().campaignId());
        audit(ctx, "alert.view", AuditObjects.of("alert", id));
        html(ctx, 200, DetailPages.alert(viewer, alert.get(), campaign,
                model.verdicts(viewer.hotline(), alert.get().verdictSubject()), flash(ctx)));
    }

    private void campaigns(Context ctx) {
        Layout.Viewer viewer = viewer(ctx);
        List<CampaignView> campaigns = model.campaigns(viewer.hotline());
        Map<String, VerdictView> verdicts = new HashMap<>();
        for (CampaignView campaign : campaigns) {
            List<VerdictView> list = model.verdicts(viewer.hotline(), "campaign:" + campaign.id());
            if (!list.isEmpty()) {
                verdicts.put(campaign.id(), list.get(list.size() - 1));
            }
        }
        audit(ctx, "campaign.list", "hotline:" + viewer.hotline());
        html(ctx, 200, ListPages.campaigns(viewer, campaigns, verdicts));
    }

    /** The campaign of the path's id for the session's hotline, or a 404 page written and empty. */
    private Optional<CampaignView> campaignOrNotFound(Context ctx, Layout.Viewer viewer) {
        Optional<CampaignView> campaign = model.campaign(viewer.hotline(), ctx.pathParam("id"));
        if (campaign.isEmpty()) {
            notFound(ctx, viewer, "campaign");
        }
        return campaign;
    }

    private void campaign(Context ctx) {
        Layout.Viewer viewer = viewer(ctx);
        String id = ctx.pathParam("id");
        Optional<CampaignView> campaign = campaignOrNotFound(ctx, viewer);
        if (campaign.isEmpty()) {
            return;
        }
        if (!campaign.get().id().equals(id)) {
            redirect(ctx, Layout.campaignHref(campaign.get().id()));
            return;
        }
        CampaignView c = campaign.get();
        audit(ctx, "campaign.view", AuditObjects.of("campaign", id));
        html(ctx, 200, DetailPages.campaign(viewer, c, model.alertsOf(viewer.hotline(), c),
                model.verdicts(viewer.hotline(), "campaign:" + c.id()), watch(c), flash(ctx)));
    }

    private void export(Context ctx, boolean csv) {
        Layout.Viewer viewer = viewer(ctx);
        Optional<CampaignView> campaign = campaignOrNotFound(ctx, viewer);
        if (campaign.isEmpty()) {
            return;
        }
        CampaignView c = campaign.get();
        audit(ctx, "case.export", AuditObjects.of("campaign", c.id()));
        String file = "lurewatch-" + c.id().replaceAll("[^A-Za-z0-9-]", "_") + (csv ? ".csv" : ".json");
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        if (csv) {
            ctx.contentType("text/csv; charset=utf-8").result(CaseExport.csv(c));
        } else {
            ctx.contentType("application/json; charset=utf-8").result(CaseExport.json(viewer, c,
                    model.alertsOf(viewer.hotline(), c), model.verdicts(viewer.hotline(), "campaign:" + c.id()), watch(c),
                    Instant.now()));
        }
    }

    private void post(Context ctx) {
        Layout.Viewer viewer = viewer(ctx);
        String key = ctx.pathParam("key");
        Optional<PostView> post = model.post(viewer.hotline(), key);
        Map<CampaignView, PostRefView> campaigns = model.campaignsWithPost(viewer.hotline(), key);
        if (post.isEmpty() && campaigns.isEmpty()) {
            notFound(ctx, viewer, "post");
            return;
        }
        audit(ctx, "post.view", AuditObjects.of("post", key));
        html(ctx, 200, DetailPages.post(viewer, key, post, campaigns, model.verdicts(viewer.hotline(), "post:" + key),
                flash(ctx)));
    }

    private void search(Context ctx) {
        Layout.Viewer viewer = viewer(ctx);
        String query = ctx.queryParam("contact");
        if (query == null || query.isBlank()) {
            html(ctx, 200, ListPages.search(viewer, null, null, null));
            return;
        }
        try {
            ConsoleReadModel.SearchResult result = model.search(viewer.hotline(), query);
            audit(ctx, "contact.search", AuditObjects.hashed("search", result.query()));
            html(ctx, 200, ListPages.search(viewer, query, result, null));
        } catch (IllegalArgumentException e) {
            html(ctx, 400, ListPages.search(viewer, query, null, e.getMessage()));
        }
    }

    private void watchlist(Context ctx) {
        Layout.Viewer viewer = viewer(ctx);
        audit(ctx, "watchlist.view", "hotline:" + viewer.hotline());
        html(ctx, 200, ListPages.watchlist(viewer, model.watchlist(), model.recentVerdicts(viewer.hotline(), 50)));
    }

    private void verdictForm(Context ctx) {
        Layout.Viewer viewer = viewer(ctx);
        String returnTo = safeReturn(ctx.formParam("return"));
        try {
            VerdictView saved = submitVerdict(ctx, ctx.formParam("subject"), ctx.formParam("verdict"), ctx.formParam("note"),
                    ctx.formParam("alert"));
            redirect(ctx, returnTo + (returnTo.contains("?") ? "&" : "?") + "saved=" + saved.verdict());
        } catch (IllegalArgumentException e) {
            html(ctx, 400, Layout.error(viewer, 400, "The verdict was not saved", e.getMessage()
                    + ". Go back and choose confirmed, false positive or expired."));
        } catch (NotFound e) {
            notFound(ctx, viewer, e.what);
        } catch (ConsoleUnavailableException e) {
            html(ctx, 503, Layout.error(viewer, 503, "The verdict was not saved",
                    "Kafka did not take the verdict in time. Nothing was recorded; go back and try again in a moment."));
        }
    }

    /**
     * Checks and writes one verdict: the subject must be an alert's, campaign's or post's of the session's hotline;
     * the hotline and analyst are the session's. Waits (a few seconds at most) until this instance has read it back, so
     * the next page shows it.
     */
    private VerdictView submitVerdict(Context ctx, String subject, String verdictText, String note, String alertId) {
        Session session = session(ctx);
        String hotline = session.hotline();
        if (verdictText == null || verdictText.isBlank()) {
            throw new IllegalArgumentException("No verdict was chosen");
        }
        Verdict verdict;
        try {
            verdict = Verdict.fromWire(verdictText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown verdict '" + verdictText + "'", e);
        }
        if (subject == null || !(subject.startsWith("campaign:") || subject.startsWith("post:"))) {
            throw new IllegalArgumentException("The verdict names no campaign or post");
        }
        String campaignId = null;
        String postKey = null;
        if (subject.startsWith("campaign:")) {
            campaignId = subject.substring("campaign:".length());
            if (model.campaign(hotline, campaignId).isEmpty()) {
                throw new NotFound("campaign");
            }
        } else {
            postKey = subject.substring("post:".length());
            if (model.post(hotline, postKey).isEmpty() && model.campaignsWithPost(hotline, postKey).isEmpty()) {
                throw new NotFound("post");
            }
        }
        if (alertId != null && !alertId.isBlank() && model.alert(hotline, alertId).isEmpty()) {
            throw new NotFound("alert");
        }
        String cleanNote = note == null ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > VerdictMessage.MAX_NOTE_CHARS) {
            throw new IllegalArgumentException("The note is longer than " + VerdictMessage.MAX_NOTE_CHARS + " characters");
        }
        VerdictMessage message = new VerdictMessage(postKey, campaignId, verdict, session.principal().id(),
                alertId == null || alertId.isBlank() ? null : alertId, cleanNote, Instant.now());
        RecordMetadata written = writer.verdict(session, message);
        access.audit().record(session.principal(), "verdict.submit",
                AuditObjects.of(campaignId != null ? "campaign" : "post", campaignId != null ? campaignId : postKey),
                AuditEvent.Outcome.OK, Logins.Via.http(WebAuth.clientAddress(ctx)));
        try {
            model.awaitRead(written.topic(), written.partition(), written.offset(), VERDICT_VISIBLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new VerdictView(message.subject(), verdict.wireName(), message.analyst(), message.alertId(), cleanNote,
                message.at(), written.offset());
    }

    // ---- JSON API ---------------------------------------------------------------------------------------------------

    private void apiSession(Context ctx) {
        Session session = session(ctx);
        json(ctx, 200, Json.mapper().createObjectNode().put("username", session.principal().id())
                .put("hotline", session.hotline()).put("csrf_token", session.csrfToken()));
    }

    private void apiAlerts(Context ctx) {
        Layout.Viewer viewer = viewer(ctx);
        InboxQuery query;
        try {
            query = InboxQuery.parse(ctx::queryParam);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        InboxResult result = model.inbox(viewer.hotline(), viewer.username(), query);
        audit(ctx, "inbox.view", "hotline:" + viewer.hotline());
        ObjectNode body = Json.mapper().createObjectNode().put("total", result.total()).put("page", result.page())
                .put("pages", result.pages()).put("unread", result.unread()).put("loading", result.loading());
        ArrayNode alerts = body.putArray("alerts");
        for (AlertView alert : result.rows()) {
            ObjectNode node = summary(alert);
            node.put("read", result.read().contains(alert.id()));
            VerdictView verdict = result.verdicts().get(alert.verdictSubject());
            node.put("verdict", verdict == null ? null : verdict.verdict());
            alerts.add(node);
        }
        json(ctx, 200, body);
    }

    private void apiAlert(Context ctx) {
        Layout.Viewer viewer = viewer(ctx);
        String id = ctx.pathParam("id");
        AlertView alert = model.alert(viewer.hotline(), id)
                .orElseThrow(() -> ProblemException.notFound("no alert " + id + " for your hotline"));
        audit(ctx, "alert.view", AuditObjects.of("alert", id));
        ObjectNode node = summary(alert);
        PostView post = alert.post();
        ObjectNode postNode = node.putObject("post").put("key", post.key()).put("source", post.source()).put("url", post.url())
                .put("language", post.language()).put("excerpt", post.excerpt()).put("author", post.author());
        ArrayNode indicators = postNode.putArray("indicators");
        post.indicators().forEach(i -> indicators.addObject().put("code", i.code()).put("label", i.label())
                .put("hotline_label", labels.label(viewer.hotline(), i).text()));
        json(ctx, 200, node);
    }

    private void apiCampaign(Context ctx) throws IOException {
        Layout.Viewer viewer = viewer(ctx);
        String id = ctx.pathParam("id");
        CampaignView campaign = model.campaign(viewer.hotline(), id)
                .orElseThrow(() -> ProblemException.notFound("no campaign " + id + " for your hotline"));
        audit(ctx, "campaign.view", AuditObjects.of("campaign", campaign.id()));
        json(ctx, 200, Json.mapper().readTree(CaseExport.json(viewer, campaign, model.alertsOf(viewer.hotline(), campaign),
                model.verdicts(viewer.hotline(), "campaign:" + campaign.id()), watch(campaign), Instant.now())));
    }

    private void apiWatchlist(Context ctx) {
        Layout.Viewer viewer = viewer(ctx);
        audit(ctx, "watchlist.view", "hotline:" + viewer.hotline());
        ArrayNode list = Json.mapper().createArrayNode();
        for (ConsoleReadModel.WatchlistRow row : model.watchlist()) {
            if (row.current() != null) {
                list.addObject().put("contact", row.contact()).put("verdict", row.current().verdict())
                        .put("by_your_hotline", viewer.hotline().equals(row.current().hotline()))
                        .put("at", row.current().at().toString());
            }
        }
        json(ctx, 200, Json.mapper().createObjectNode().set("contacts", list));
    }

    private void apiVerdict(Context ctx) {
        JsonNode body;
        try {
            body = Json.mapper().readTree(ctx.body());
        } catch (IOException e) {
            throw ProblemException.badRequest("the body must be JSON: {\"subject\": \"campaign:<id>\" or \"post:<key>\", "
                    + "\"verdict\": \"confirmed\" | \"false_positive\" | \"expired\", \"note\": optional}");
        }
        try {
            VerdictView saved = submitVerdict(ctx, AlertParser.text(body, "subject"), AlertParser.text(body, "verdict"),
                    AlertParser.text(body, "note"), AlertParser.text(body, "alert_id"));
            json(ctx, 201, Json.mapper().createObjectNode().put("subject", saved.subject()).put("verdict", saved.verdict())
                    .put("analyst", saved.analyst()).put("at", saved.at().toString()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        } catch (NotFound e) {
            throw ProblemException.notFound("no " + e.what + " of that id for your hotline");
        } catch (ConsoleUnavailableException e) {
            throw new ProblemException(Problem.typed("verdict-not-saved", "Verdict not saved", 503,
                    "Kafka did not take the verdict in time; nothing was recorded, try again"), Map.of("Retry-After", "5"));
        }
    }

    private static ObjectNode summary(AlertView alert) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", alert.id()).put("kind", alert.kind().name().toLowerCase(Locale.ROOT)).put("band", alert.band())
                .put("score", alert.score()).put("language", alert.language()).put("time", alert.time().toString())
                .put("subject", alert.subject()).put("campaign_id", alert.campaignId()).put("size", alert.size());
        ArrayNode platforms = node.putArray("platforms");
        alert.platforms().forEach(platforms::add);
        return node;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private Map<String, Optional<WatchView>> watch(CampaignView campaign) {
        Map<String, Optional<WatchView>> status = new LinkedHashMap<>();
        campaign.contacts().forEach(contact -> status.put(contact, model.watch(contact)));
        return status;
    }

    private Session session(Context ctx) {
        return WebAuth.session(ctx).orElseThrow(() -> new IllegalStateException("no session on an authenticated path"));
    }

    private Layout.Viewer viewer(Context ctx) {
        Session session = session(ctx);
        return new Layout.Viewer(session.principal().id(), session.hotline(),
                hotlineNames.getOrDefault(session.hotline(), session.hotline()), session.csrfToken(), labels);
    }

    private void audit(Context ctx, String action, String object) {
        access.audit().record(session(ctx).principal(), action, object, AuditEvent.Outcome.OK,
                Logins.Via.http(WebAuth.clientAddress(ctx)));
    }

    private void notFound(Context ctx, Layout.Viewer viewer, String what) {
        html(ctx, 404, Layout.error(viewer, 404, "No such " + what,
                "Your hotline has no " + what + " with this id. It may belong to another hotline, or it is older than the "
                        + "alerts the console keeps."));
    }

    private static String flash(Context ctx) {
        String saved = ctx.queryParam("saved");
        return saved == null ? null : "Verdict saved: " + Labels.verdict(saved).toLowerCase(Locale.ROOT) + ".";
    }

    private static void html(Context ctx, int status, String page) {
        ctx.header("Content-Security-Policy", SecurityHeaders.htmlPolicy(List.of(), List.of()));
        ctx.status(status).contentType("text/html; charset=utf-8").result(page.getBytes(StandardCharsets.UTF_8));
    }

    private static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(body.toString());
    }

    private static void redirect(Context ctx, String location) {
        ctx.redirect(location, HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
    }

    /** Where to go after sign-in: a console path, never another site. */
    static String safeNext(String next) {
        return next != null && RETURN_PATH.matcher(next.replaceFirst("\\?.*$", "")).matches() && !next.contains("//")
                && !next.contains("\\") && !next.startsWith(BASE + "/login") ? next : BASE + "/";
    }

    private static String safeReturn(String path) {
        return path != null && RETURN_PATH.matcher(path).matches() && !path.contains("//") ? path : BASE + "/";
    }

    private static final class NotFound extends RuntimeException {
        final String what;

        NotFound(String what) {
            super(what, null, false, false);
            this.what = what;
        }
    }

    /** Audit objects from ids that may hold characters the audit log refuses: those are named by a hash instead. */
    static final class AuditObjects {
        private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,180}");

        private AuditObjects() {
        }

        static String of(String type, String id) {
            return SAFE.matcher(id).matches() ? type + ":" + id : hashed(type, id);
        }

        static String hashed(String type, String value) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
                return type + ":sha256-" + HexFormat.of().formatHex(digest, 0, 8);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JVM", e);
            }
        }
    }
}
