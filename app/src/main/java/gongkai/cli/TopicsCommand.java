package gongkai.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import gongkai.config.MonitorConfig;
import gongkai.ops.TopicOverview;
import gongkai.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "topics", mixinStandardHelpOptions = true,
        description = {"For operators: the monitor's topics and the application's internal ones, with partitions, replication,",
                "cleanup policy, retention, records held and the application's consumer lag on each topic it reads.",
                "Exit 0 when every topic exists, 1 when one is missing (./monitor run or demo creates them)."})
final class TopicsCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MonitorConfig config = cluster.load();
        TopicOverview.Overview overview;
        try (Admin admin = Admin.create(config.clientProperties())) {
            overview = TopicOverview.describe(admin, Topics.live(), config.applicationId());
        }
        PrintWriter out = spec.commandLine().getOut();
        TopicOverview.format(overview).forEach(out::println);
        out.flush();
        return overview.rows().stream().allMatch(TopicOverview.Row::exists) ? 0 : 1;
    }
}
