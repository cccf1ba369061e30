package gongkai.cli;

import java.util.List;

import gongkai.config.MonitorConfig;
import gongkai.ops.ReplayCatalog;
import gongkai.serde.SchemaRegistryClient;
import gongkai.text.SafeText;
import org.apache.kafka.clients.admin.Admin;

/** {@code replay --list} and {@code replay --delete ID}: what replays leave on the cluster, and clearing it away. */
final class ReplayHousekeeping {
    private ReplayHousekeeping() {
    }

    static int run(MonitorConfig config, boolean list, String delete, boolean replayOptionsGiven) throws Exception {
        if ((list && delete != null) || replayOptionsGiven) {
            throw new IllegalArgumentException("--list and --delete go alone: not with each other, nor with --until/--from/--id");
        }
        try (Admin admin = Admin.create(config.clientProperties())) {
            ReplayCatalog catalog = new ReplayCatalog(admin, SchemaRegistryClient.connect(config.schemaRegistryUrl()),
                    config.applicationId(), config.dataDir());
            if (list) {
                List<ReplayCatalog.Entry> replays = catalog.list();
                for (ReplayCatalog.Entry e : replays) {
                    System.out.printf("%s  %d topic(s), %d subject(s), group %s, local state %s%n", e.id(), e.topics().size(),
                            e.subjects().size(), e.running() ? "RUNNING" : e.group() ? "kept" : "none",
                            e.stateDir() == null ? "none" : e.stateDir());
                }
                System.out.println(replays.size() + " replay(s)" + (replays.isEmpty() ? "" : "; ./monitor replay --delete ID removes one"));
                return 0;
            }
            ReplayCatalog.Entry gone = catalog.delete(delete);
            gone.topics().forEach(t -> System.out.println("deleted topic " + t));
            gone.subjects().forEach(s -> System.out.println("deleted subject " + SafeText.forLog(s)));
            System.out.println("deleted replay " + gone.id() + ": " + gone.topics().size() + " topic(s), " + gone.subjects().size()
                    + " subject(s)" + (gone.group() ? ", its consumer group" : "") + (gone.stateDir() != null ? ", its local state" : ""));
            return 0;
        }
    }
}
