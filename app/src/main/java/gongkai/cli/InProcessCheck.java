package gongkai.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import gongkai.avro.ComplianceAlert;
import gongkai.avro.RejectedSubmission;
import gongkai.avro.ReportSubmission;
import gongkai.config.MonitorConfig;
import gongkai.topology.TopologyHarness;
import org.apache.kafka.streams.TestOutputTopic;

/**
 * The production topology run in-process ({@link TopologyHarness}) over a list of submissions in a given order: the
 * same parser, rules and alert lifecycle as on a cluster, without one; what it leaves standing and what it rejects.
 */
final class InProcessCheck implements AutoCloseable {
    private final TopologyHarness harness;
    private final TestOutputTopic<String, ComplianceAlert> openAlerts;
    private final TestOutputTopic<String, RejectedSubmission> rejected;

    InProcessCheck(MonitorConfig config, Path stateDir) {
        harness = TopologyHarness.start(config, stateDir);
        openAlerts = harness.openAlerts();
        rejected = harness.rejected();
    }

    void submit(ReportSubmission s) {
        harness.submit(s);
    }

    /**
     * Applies what the topology wrote to the open-alerts topic since the last call to {@code open} (the
     * compacted view: last value per key, tombstones remove) and returns the submissions it rejected.
     */
    List<RejectedSubmission> drain(Map<String, ComplianceAlert> open) {
        openAlerts.readKeyValuesToList().forEach(kv -> {
            if (kv.value == null) {
                open.remove(kv.key);
            } else {
                open.put(kv.key, kv.value);
            }
        });
        return rejected.readValuesToList();
    }

    @Override
    public void close() {
        harness.close();
    }
}
