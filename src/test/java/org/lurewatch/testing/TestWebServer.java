package org.lurewatch.testing;

import java.util.List;
import org.lurewatch.ops.LifecycleLog;
import org.lurewatch.web.WebModule;
import org.lurewatch.web.WebServer;
import org.lurewatch.web.WebSettings;

/** The real web server on 127.0.0.1 and a free port, with the given modules, for tests that speak HTTP to it. */
public final class TestWebServer {
    /** 127.0.0.1, a free port, no fallback, 1 MiB bodies, no Secure cookies. */
    public static final WebSettings LOOPBACK = new WebSettings("127.0.0.1", 0, false, 1_048_576, false);

    private TestWebServer() {
    }

    public static WebServer start(WebModule... modules) {
        return start(LOOPBACK, modules);
    }

    public static WebServer start(WebSettings settings, WebModule... modules) {
        WebServer server = WebServer.bind(settings, LifecycleLog.create());
        server.start(List.of(modules));
        return server;
    }
}
