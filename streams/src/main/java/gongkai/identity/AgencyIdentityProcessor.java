package gongkai.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gongkai.topics.AlertKeys;
import gongkai.avro.DisclosureReport;
import gongkai.avro.RosterEntry;
import gongkai.text.SafeText;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files each parsed report under the agency it belongs to ({@link AgencyIdentity}), so that the compliance step sees
 * one agency whatever name a year's title used. Reports arrive partitioned by {@link AgencyIdentity#stem} (see
 * {@link StemPartitioner}): every name one agency can be written with comes to this task, and the names seen so far
 * are in a local store, so the same history resolves the same way on every run. The roster (with its aliases) is a
 * global store, since an alias need not share a stem with the agency's name.
 */
public final class AgencyIdentityProcessor implements Processor<String, ReadReport, String, ReadReport> {
    /** Names seen, keyed stem SEP name-as-written, valued with the agency they were filed under. */
    public static final String NAMES_STORE = "agency-names-by-stem";
    /** The roster, copied whole onto every instance. */
    public static final String ROSTER_NAMES_STORE = "roster-names";
    private static final String SEP = "\u0001";
    private static final Logger log = LoggerFactory.getLogger(AgencyIdentityProcessor.class);

    private final ReadReportSerde reports;
    private ProcessorContext<String, ReadReport> context;
    private KeyValueStore<String, String> names;
    private KeyValueStore<String, RosterEntry> roster;

    public AgencyIdentityProcessor(ReadReportSerde reports) {
        this.reports = reports;
    }

    @Override
    public void init(ProcessorContext<String, ReadReport> context) {
        this.context = context;
        this.names = context.getStateStore(NAMES_STORE);
        this.roster = context.getStateStore(ROSTER_NAMES_STORE);
    }

    @Override
    public void process(Record<String, ReadReport> record) {
        ReadReport report = record.value();
        if (report == null) {
            return;
        }
        String written = AgencyIdentity.normalise(report.agency());
        String stem = AgencyIdentity.stem(written);
        AgencyIdentity.Resolution r = AgencyIdentity.resolve(written, rosterNames(), seen(stem));
        if (names.get(stem + SEP + written) == null) {
            names.put(stem + SEP + written, r.canonical());
        }
        ReadReport filed = report;
        if (!r.canonical().equals(report.agency())) {
            String id = report.reportId();
            filed = ReadReport.of(DisclosureReport.newBuilder(reports.decode(report)).setAgency(r.canonical())
                    .setReportId(AlertKeys.report(r.canonical(), report.year()) + id.substring(Math.max(0, id.lastIndexOf('|')))).build());
            log.info("agency {} of report {} filed under {} ({})", SafeText.forLog(report.agency()), SafeText.forLog(id),
                    SafeText.forLog(r.canonical()), r.how());
        }
        context.forward(record.withKey(r.canonical()).withValue(filed));
    }

    private List<AgencyIdentity.RosterNames> rosterNames() {
        List<AgencyIdentity.RosterNames> out = new ArrayList<>();
        try (KeyValueIterator<String, RosterEntry> it = roster.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value != null) {
                    out.add(new AgencyIdentity.RosterNames(kv.value.getAgency(), kv.value.getAliases()));
                }
            });
        }
        return out;
    }

    private Map<String, String> seen(String stem) {
        Map<String, String> out = new HashMap<>();
        try (KeyValueIterator<String, String> it = names.prefixScan(stem + SEP, new StringSerializer())) {
            it.forEachRemaining(kv -> out.put(kv.key.substring(stem.length() + SEP.length()), kv.value));
        }
        return out;
    }
}
