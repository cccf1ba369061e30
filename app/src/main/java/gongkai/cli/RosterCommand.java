package gongkai.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import gongkai.avro.RosterEntry;
import gongkai.config.MonitorConfig;
import gongkai.text.SafeText;
import gongkai.topics.Topics;
import gongkai.topology.ComplianceApp;
import gongkai.topics.MonitorSerdes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "roster", mixinStandardHelpOptions = true,
        description = {"Put agencies on the roster of those that must publish every year (R-MISS-01: no report after the",
                "deadline of the agency's level), or take them off with --remove. FILE has one agency per line: its name,",
                "optionally followed by | and the other names its reports use, comma-separated",
                "(北京市朝阳区金盏乡人民政府 | 朝阳区金盏乡人民政府, 金盏乡): reports under any of them are filed under the",
                "first name. Lines starting with # are comments.",
                "Example: ./monitor roster --first-year 2023 朝阳区-roster.txt"})
final class RosterCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Parameters(paramLabel = "FILE", description = "One agency per line: NAME [| ALIAS, ALIAS...].")
    Path file;

    @Option(names = "--first-year", description = "First report year expected of these agencies. Default: last year.")
    Integer firstYear;

    @Option(names = "--remove", description = "Take the listed agencies off the roster.")
    boolean remove;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            System.err.println("error: no such file: " + SafeText.forLog(file));
            return 2;
        }
        List<RosterFile.Line> lines;
        try {
            lines = RosterFile.read(file);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + SafeText.forLog(e.getMessage()));
            return 2;
        }
        List<String> agencies = lines.stream().map(RosterFile.Line::agency).toList();
        Map<String, List<String>> aliases = new java.util.HashMap<>();
        lines.forEach(l -> aliases.put(l.agency(), l.aliases()));
        int year = firstYear != null ? firstYear : LocalDate.now().getYear() - 1;
        MonitorConfig config = cluster.load();
        Topics topics = Topics.live();
        ComplianceApp.createTopics(config, topics);
        MonitorSerdes serdes = MonitorSerdes.forConfig(config);
        Map<String, Object> p = config.clientProperties();
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, RosterEntry> producer = new KafkaProducer<>(p, new StringSerializer(), serdes.roster().serializer())) {
            for (String agency : agencies) {
                RosterEntry entry = remove ? null : RosterEntry.newBuilder().setAgency(agency).setFirstYear(year)
                        .setAddedAt(Instant.now()).setNote(file.getFileName().toString()).setAliases(aliases.get(agency)).build();
                producer.send(new ProducerRecord<>(topics.roster(), agency, entry)).get();
                System.out.println((remove ? "removed  " : "added    ") + SafeText.forLog(agency) + (remove ? "" : " (from " + year + ")")
                        + (remove || aliases.get(agency).isEmpty() ? "" : ", also named " + SafeText.forLog(String.join(", ", aliases.get(agency)))));
            }
        }
        System.out.println(agencies.size() + " agenc" + (agencies.size() == 1 ? "y" : "ies") + (remove ? " taken off" : " on") + " the roster " + topics.roster());
        return 0;
    }
}
