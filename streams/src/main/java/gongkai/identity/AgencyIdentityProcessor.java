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
public final class AgencyIdentityProcessor implements Processor<String, DisclosureReport, String, DisclosureReport> {
    /** Names seen, keyed stem SEP name-as-written, valued with the agency they were filed under. */
    public static final String NAMES_STORE = "agency-names-by-stem";
    /** The roster, copied whole onto every instance. */
    public static final String ROSTER_NAMES_STORE = "roster-names";
    private static final String SEP = "\u0001";
    private static final Logger log = LoggerFactory.getLogger(AgencyIdentityProcessor.class);

    private ProcessorContext<String, DisclosureReport> context;
    private KeyValueStore<String, String> names;
    private KeyValueStore<String, RosterEntry> roster;

    @Override
    public void init(ProcessorContext<String, DisclosureReport> context) {
        this.context = context;
        this.names = context.getStateStore(NAMES_STORE);
        this.roster = context.getStateStore(ROSTER_NAMES_STORE);
    }

    @Override
    public void process(Record<String, DisclosureReport> record) {
        DisclosureReport report = record.value();
        if (report == null) {
            return;
        }
        String written = AgencyIdentity.normalise(report.getAgency());
        String stem = AgencyIdentity.stem(written);
        AgencyIdentity.Resolution r = AgencyIdentity.resolve(written, rosterNames(), seen(stem));
        if (names.get(stem + SEP + written) == null) {
            names.put(stem + SEP + written, r.canonical());
        }
        DisclosureReport filed = report;
        if (!r.canonical().equals(report.getAgency())) {
            String id = report.getReportId();
            filed = DisclosureReport.newBuilder(report).setAgency(r.canonical())
                    .setReportId(AlertKeys.report(r.canonical(), report.getYear()) + id.substring(Math.max(0, id.lastIndexOf('|')))).build();
            log.info("agency {} of report {} filed under {} ({})", SafeText.forLog(report.getAgency()), SafeText.forLog(id),
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
