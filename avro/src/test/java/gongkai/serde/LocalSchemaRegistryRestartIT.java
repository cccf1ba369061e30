package gongkai.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import gongkai.avro.ComplianceAlert;
import gongkai.local.LocalKafka;
import gongkai.local.LocalSchemaRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The embedded mode keeps its data directory: schema ids handed out before a restart must still resolve after it. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LocalSchemaRegistryRestartIT {
    @TempDir
    Path dir;

    @Test
    void schemaIdsSurviveARestartOfBrokerAndRegistry() {
        int id;
        String bootstrap;
        try (LocalKafka kafka = LocalKafka.start(dir);
             LocalSchemaRegistry registry = LocalSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
            bootstrap = kafka.bootstrapServers();
            id = new RestSchemaRegistryClient(registry.url()).register("alerts-value", ComplianceAlert.getClassSchema());
        }
        try (LocalKafka kafka = LocalKafka.start(dir);
             LocalSchemaRegistry registry = LocalSchemaRegistry.start(kafka.bootstrapServers(), 0)) {
            assertEquals(bootstrap, kafka.bootstrapServers(), "the restarted broker keeps its address");
            var client = new RestSchemaRegistryClient(registry.url());
            assertEquals(ComplianceAlert.getClassSchema(), client.getById(id));
            assertEquals(id, client.register("alerts-value", ComplianceAlert.getClassSchema()));
        }
    }
}
