package gongkai.cli;

import java.util.concurrent.Callable;

import gongkai.config.MonitorConfig;
import gongkai.topics.Topics;
import gongkai.metrics.PrometheusEndpoint;
import gongkai.topology.ComplianceApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the compliance topology against a configured cluster until stopped (Ctrl-C).",
                "Example: KAFKA_BOOTSTRAP_SERVERS=kafka:9092 SCHEMA_REGISTRY_URL=http://registry:8081 ./monitor run"})
final class RunCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() throws Exception {
        MonitorConfig config = cluster.load();
        StopSignal signal = new StopSignal();
        try (ComplianceApp app = ComplianceApp.start(config, Topics.live());
             PrometheusEndpoint metrics = PrometheusEndpoint.start(config, app.streams(), false)) {
            System.out.println("running: application.id=" + config.applicationId() + " bootstrap=" + config.bootstrapServers()
                    + " registry=" + gongkai.config.Secrets.redact(config.schemaRegistryUrl()) + " (Ctrl-C to stop)");
            System.out.println("metrics: " + (metrics == null ? "off (metrics.port=-1)" : metrics.url()));
            signal.await();
        } finally {
            signal.closed();
        }
        return 0;
    }
}
