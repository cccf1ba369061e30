package gongkai.identity;

import gongkai.avro.RosterEntry;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global copy of the roster: an entry replaces the agency's previous one, a tombstone takes it off. */
public final class RosterNamesUpdater implements Processor<String, RosterEntry, Void, Void> {
    private KeyValueStore<String, RosterEntry> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(AgencyIdentityProcessor.ROSTER_NAMES_STORE);
    }

    @Override
    public void process(Record<String, RosterEntry> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
    }
}
