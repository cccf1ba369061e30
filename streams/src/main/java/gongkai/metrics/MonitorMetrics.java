package gongkai.metrics;

import java.time.Duration;
import java.util.Map;

import gongkai.avro.AlertStatus;
import gongkai.avro.ComplianceAlert;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The monitor's own metrics, recorded where the topology does the work with one call each: submissions
 * parsed and rejected (by reason code), parse time, alerts raised (by rule and severity) and resolved (by rule).
 * They go to Micrometer's global registry, which records nothing until a registry is added to it
 * ({@code ./monitor run} and {@code demo} add a Prometheus one): the topology's tests pay nothing for them.
 */
public final class MonitorMetrics {
    /** Longest parse the histogram buckets tell apart; the parse budget stops parses well before it. */
    private static final Duration MAX_EXPECTED_PARSE = Duration.ofSeconds(60);

    private MonitorMetrics() {
    }

    private static MeterRegistry registry() {
        return Metrics.globalRegistry;
    }

    /** A submission parsed into a report, and how long the parse took. */
    public static void parsed(long parseNanos) {
        Counter.builder("gongkai.submissions.parsed").description("Submissions parsed into a report").register(registry()).increment();
        parseTimer("parsed").record(Duration.ofNanos(parseNanos));
    }

    /** A submission rejected: by reason code (the {@code RejectedSubmission.reasonCode}), and how long the parse took (0 if none). */
    public static void rejected(String reasonCode, long parseNanos) {
        Counter.builder("gongkai.submissions.rejected").description("Submissions rejected to the dead-letter topic, by reason code")
                .tag("reason", reasonCode == null ? "UNKNOWN" : reasonCode).register(registry()).increment();
        if (parseNanos > 0) {
            parseTimer("rejected").record(Duration.ofNanos(parseNanos));
        }
    }

    private static Timer parseTimer(String outcome) {
        return Timer.builder("gongkai.parse").description("Time to parse one submission, by outcome").tag("outcome", outcome)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(MAX_EXPECTED_PARSE)
                .register(registry());
    }

    /** An alert event on its way to the alert-events topic: counted when it is a RAISED or a RESOLVED one. */
    public static void alertEvent(ComplianceAlert alert) {
        if (alert == null) {
            return;
        }
        if (alert.getStatus() == AlertStatus.RAISED) {
            Counter.builder("gongkai.alerts.raised").description("Alerts raised, by rule and severity")
                    .tags("rule", String.valueOf(alert.getRuleId()), "severity", String.valueOf(alert.getSeverity()))
                    .register(registry()).increment();
        } else if (alert.getStatus() == AlertStatus.RESOLVED) {
            Counter.builder("gongkai.alerts.resolved").description("Alerts resolved, by rule").tag("rule", String.valueOf(alert.getRuleId()))
                    .register(registry()).increment();
        }
    }

    /**
     * The alert-events serializer, counting each event it writes: every RAISED and RESOLVED event passes through it
     * exactly once per (committed or retried) write, whichever processor produced it.
     */
    public static Serializer<ComplianceAlert> countingAlertEvents(Serializer<ComplianceAlert> serializer) {
        return new Serializer<>() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                serializer.configure(configs, isKey);
            }

            @Override
            public byte[] serialize(String topic, ComplianceAlert alert) {
                alertEvent(alert);
                return serializer.serialize(topic, alert);
            }

            @Override
            public byte[] serialize(String topic, Headers headers, ComplianceAlert alert) {
                alertEvent(alert);
                return serializer.serialize(topic, headers, alert);
            }

            @Override
            public void close() {
                serializer.close();
            }
        };
    }
}
