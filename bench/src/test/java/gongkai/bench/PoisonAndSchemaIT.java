package gongkai.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import gongkai.serde.SchemaRegistryClient;
import gongkai.testkit.LocalCluster;
import gongkai.topics.Topics;
import gongkai.topology.ComplianceApp;
import gongkai.topics.MonitorSerdes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * (c) Poison bytes and (d) schema-incompatible producers on the submission topic, in the middle of a history:
 * each bad record is dead-lettered with its bytes, the history around it is judged exactly once, the application
 * keeps running.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class PoisonAndSchemaIT {
    @RegisterExtension
    static final LocalCluster cluster = new LocalCluster();

    @Test
    void poisonBytesAreDeadLetteredAndNothingElseChanges() {
        List<byte[]> bad = new ArrayList<>();
        byte[] noise = new byte[300];
        new Random(5).nextBytes(noise);
        noise[0] = 7;
        bad.add(noise);
        bad.add("{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8));
        bad.add(new byte[] {0, 1});
        bad.add(wire(0, new byte[] {1, 2, 3}));                 // magic byte and a schema id of 0 with junk
        bad.add(null);                                          // a tombstone where a submission belongs
        run("poison", 303, bad, 4);
    }

    @Test
    void schemaIncompatibleProducersAreDeadLetteredAndNothingElseChanges() throws Exception {
        SchemaRegistryClient client = SchemaRegistryClient.connect(cluster.registryUrl());
        // A schema registered under another subject: a real id, but not a ReportSubmission.
        Schema stranger = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Stranger\",\"namespace\":\"bench\","
                + "\"fields\":[{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"string\"}]}");
        int strangerId = client.register("bench.stranger-value", stranger);
        // Same name as ours, incompatible fields, registered under another subject.
        Schema impostor = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"ReportSubmission\",\"namespace\":\"gongkai.avro\","
                + "\"fields\":[{\"name\":\"submissionId\",\"type\":\"long\"},{\"name\":\"content\",\"type\":\"int\"}]}");
        int impostorId = client.register("bench.impostor-value", impostor);
        GenericRecord s = new GenericData.Record(stranger);
        s.put("a", 42);
        s.put("b", "不是年报");
        GenericRecord i = new GenericData.Record(impostor);
        i.put("submissionId", 7L);
        i.put("content", 3);
        List<byte[]> bad = new ArrayList<>();
        bad.add(wire(strangerId, avro(stranger, s)));
        bad.add(wire(impostorId, avro(impostor, i)));
        bad.add(wire(987_654, avro(stranger, s)));              // an id no registry has
        run("schema", 404, bad, 3);
    }

    /** Half the history, the bad records, the other half; then every check. */
    private void run(String name, long seed, List<byte[]> bad, int expectedUndeserializable) {
        History h = FaultSupport.history(seed);
        History probe = FaultSupport.probe(seed);
        int n = h.size();
        int half = n / 2;
        Topics topics = FaultSupport.topics(name + ".");
        String bootstrap = cluster.bootstrapServers();
        FaultSupport.create(bootstrap, topics);
        MonitorSerdes serdes = FaultSupport.serdes(cluster.registryUrl());
        var clients = FaultSupport.clients(bootstrap);
        try (OutcomeCounter counter = new OutcomeCounter(clients, topics, serdes);
             SubmissionLoader loader = new SubmissionLoader(clients, topics.submissions(), serdes.submissions(), false);
             ComplianceApp app = ComplianceApp.start(FaultSupport.config(bootstrap, cluster.registryUrl(), cluster.newDirectory("state-" + name),
                     "bench-" + name), topics)) {
            FaultSupport.send(loader, h, 0, half);
            // The bad records take the seq numbers after the history, so they are counted like any submission.
            for (int k = 0; k < bad.size(); k++) {
                loader.sendRaw(("bad-" + k).getBytes(StandardCharsets.UTF_8), bad.get(k), n + k);
            }
            loader.flush();
            FaultSupport.send(loader, h, half, n);
            int total = n + bad.size();
            assertTrue(counter.awaitDone(0, total, Duration.ofSeconds(150)),
                    "every submission, bad ones included, accounted for: " + counter.done(0, total) + " of " + total);
            FaultSupport.assertAnswers(loader, counter, probe, total);
            long garbage = h.count(History.Kind.GARBAGE);
            FaultSupport.assertExactlyOnce(counter, h, probe, total + 1, garbage + bad.size());
            OutcomeCounter.Snapshot snap = counter.snapshot(0, total + 1);
            assertEquals(expectedUndeserializable, snap.rejectedByCode().getOrDefault("UNDESERIALIZABLE", 0), "dead letters: " + snap.rejectedByCode());
            assertTrue(app.streams().state().isRunningOrRebalancing(), "the application keeps running: " + app.streams().state());
        }
    }

    private static byte[] wire(int id, byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(id).put(body).array();
    }

    private static byte[] avro(Schema schema, GenericRecord r) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder e = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(schema).write(r, e);
            e.flush();
            return out.toByteArray();
        } catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
