package gongkai.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import gongkai.config.MonitorConfig;
import gongkai.dashboard.Access;
import gongkai.dashboard.Dashboard;
import gongkai.dashboard.DashboardOptions;
import gongkai.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"The supervising office's web dashboard (总览 overview, agencies side by side, reports, rejected documents,",
                "review, CSV/Excel export) over the live topics, on http://127.0.0.1:8080/ by default.",
                "Binding to another address needs --bind and a token or basic auth for the review actions.",
                "Example: ./monitor serve --port 8080"})
final class ServeCommand implements Callable<Integer> {
    static final String TOKEN_ENV = "GONGKAI_DASHBOARD_TOKEN";

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--port", description = "TCP port (0: any free port). Default: ${DEFAULT-VALUE}.", defaultValue = "8080")
    int port;

    @Option(names = "--bind", description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only). Any other address needs a token or basic auth.",
            defaultValue = DashboardOptions.LOOPBACK)
    String bind;

    @Option(names = "--token-file", description = "File holding the bearer token review actions need (or env " + TOKEN_ENV + ").")
    Path tokenFile;

    @Option(names = "--basic-auth-file", description = "File holding user:password for HTTP basic auth on review actions.")
    Path basicAuthFile;

    @Override
    public Integer call() throws Exception {
        // Options first: an unsafe --bind is refused before the cluster is even contacted.
        DashboardOptions options = new DashboardOptions(bind, port, access());
        MonitorConfig config = cluster.load();
        StopSignal signal = new StopSignal();
        try (Dashboard dashboard = Dashboard.start(config, Topics.live(), options)) {
            System.out.println("dashboard " + dashboard.url() + "  (Ctrl-C to stop)");
            if (!dashboard.awaitReady(Duration.ofSeconds(60))) {
                System.out.println("still reading the topics; pages say so until the view has caught up");
            }
            signal.await();
            return 0;
        } finally {
            signal.closed();
        }
    }

    private Access access() throws java.io.IOException {
        if (tokenFile != null && basicAuthFile != null) {
            throw new IllegalArgumentException("give either --token-file or --basic-auth-file, not both");
        }
        if (tokenFile != null) {
            return Access.bearer(Files.readString(tokenFile, StandardCharsets.UTF_8).strip());
        }
        if (basicAuthFile != null) {
            return Access.basic(Files.readString(basicAuthFile, StandardCharsets.UTF_8).strip());
        }
        String env = System.getenv(TOKEN_ENV);
        return env != null && !env.isBlank() ? Access.bearer(env.strip()) : Access.open();
    }
}
