package org.lurewatch.web;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.lurewatch.ops.LifecycleLog;

/**
 * The one HTTP server of an instance (Javalin on Jetty 12): console, partner API and ops endpoints, each a
 * {@link WebModule}. Two steps, so a taken port is found before anything else starts:
 * <ol>
 *   <li>{@link #bind} opens the listening socket at once (connections wait in the backlog); a taken port fails here
 *       with one clear line, or, for the demo, falls back to a free port;</li>
 *   <li>{@link #start} registers the modules and starts answering on that same socket.</li>
 * </ol>
 * Every response carries {@link SecurityHeaders}; every error is problem details ({@link ProblemResponses}); bodies over
 * {@code maxRequestBytes} get 413 before they are read.
 */
public final class WebServer implements AutoCloseable {
    private static final int HEADER_BYTES = 16 * 1024;
    private static final int MAX_THREADS = 32;

    private final WebSettings settings;
    private final ServerSocketChannel channel;
    private final LifecycleLog lifecycle;
    private final int requestedPort;
    private Javalin javalin;
    private List<WebModule> modules = List.of();
    private boolean closed;

    private WebServer(WebSettings settings, ServerSocketChannel channel, LifecycleLog lifecycle, int requestedPort) {
        this.settings = settings;
        this.channel = channel;
        this.lifecycle = lifecycle;
        this.requestedPort = requestedPort;
    }

    /**
     * Binds the listening socket now.
     *
     * @throws WebBindException naming the address and what to do, when the port is taken (and the settings allow no
     *                          fallback) or the host is not an address of this machine
     */
    public static WebServer bind(WebSettings settings, LifecycleLog lifecycle) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(lifecycle, "lifecycle");
        InetAddress address = resolve(settings.host());
        try {
            return new WebServer(settings, open(new InetSocketAddress(address, settings.port())), lifecycle, settings.port());
        } catch (BindException e) {
            if (!settings.fallbackToFree() || settings.port() == 0) {
                throw new WebBindException("cannot listen on " + hostPort(settings.host(), settings.port()) + ": "
                        + reason(e) + "; choose another port with --http-port (0 picks a free one)"
                        + (settings.fallbackToFree() ? "" : " or another address with --set http.host=..."), e);
            }
            try {
                WebServer server = new WebServer(settings, open(new InetSocketAddress(address, 0)), lifecycle, settings.port());
                return server;
            } catch (IOException again) {
                throw new WebBindException("cannot listen on " + hostPort(settings.host(), 0) + ": " + reason(again), again);
            }
        } catch (IOException e) {
            throw new WebBindException("cannot listen on " + hostPort(settings.host(), settings.port()) + ": " + reason(e), e);
        }
    }

    /**
     * Registers the modules and starts answering on the bound socket; logs one {@code http_serving} line with the URL.
     * Call once.
     */
    public synchronized void start(List<WebModule> modules) {
        if (javalin != null) {
            throw new IllegalStateException("the web server is started already");
        }
        List<WebModule> all = new ArrayList<>(modules);
        this.modules = List.copyOf(all);
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
        threads.setName("lurewatch-http");
        threads.setDaemon(true);
        javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.http.generateEtags = false;
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.jetty.threadPool = threads;
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
                http.setRequestHeaderSize(HEADER_BYTES);
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblemErrorHandler()));
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                try {
                    connector.open(channel);
                } catch (IOException e) {
                    throw new WebBindException("cannot serve on " + baseUri() + ": " + reason(e), e);
                }
                return connector;
            });
            ProblemResponses.install(config.routes);
            config.routes.before(SecurityHeaders::apply);
            config.routes.before(this::limitBody);
            WebRoutes routes = new WebRoutes(config.routes, settings);
            all.forEach(module -> module.register(routes));
        });
        javalin.start();
        lifecycle.httpServing(baseUri(), requestedPort != 0 && requestedPort != port() ? requestedPort : null);
    }

    /** The settings it was bound with. */
    public WebSettings settings() {
        return settings;
    }

    /** The port actually bound: differs from the one asked for when that was 0 or taken (demo). */
    public int port() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException("the server socket is closed", e);
        }
    }

    /** True when the demo took a free port because the one asked for was taken. */
    public boolean fellBack() {
        return requestedPort != 0 && requestedPort != port();
    }

    /** The port that was asked for (the configured {@code http.port}). */
    public int requestedPort() {
        return requestedPort;
    }

    /** Where to reach the server; {@code localhost} when bound to every interface. */
    public URI baseUri() {
        String host = settings.host();
        try {
            InetAddress bound = ((InetSocketAddress) channel.getLocalAddress()).getAddress();
            host = bound.isAnyLocalAddress() ? "localhost" : bound.getHostAddress();
        } catch (IOException | RuntimeException e) {
            // closed: keep the configured host
        }
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (javalin != null) {
            javalin.stop();
        }
        for (WebModule module : modules) {
            try {
                module.close();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(WebServer.class).warn("event=web_module_close_failed module={} error={}",
                        module.getClass().getSimpleName(), e.toString());
            }
        }
        try {
            channel.close();
        } catch (IOException e) {
            // closing a listening socket; nothing to recover
        }
    }

    private void limitBody(io.javalin.http.Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length > settings.maxRequestBytes()) {
            throw new ProblemException(Problem.typed("body-too-large", "Request body too large", 413,
                    "the body has " + length + " bytes; this server takes at most " + settings.maxRequestBytes()
                            + " (http.max.request.bytes)"));
        }
    }

    private static ServerSocketChannel open(InetSocketAddress address) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(address, 128);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (IOException | UnresolvedAddressException e) {
            throw new WebBindException("cannot listen on " + host + ": not an address of this machine (check http.host)", e);
        }
    }

    private static String hostPort(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static String reason(IOException e) {
        String message = e.getMessage();
        if (e instanceof BindException && message != null && message.toLowerCase(java.util.Locale.ROOT).contains("in use")) {
            return "the port is in use by another program";
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
