package gongkai.watch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import gongkai.topics.TopicReader;
import gongkai.avro.RejectedSubmission;
import gongkai.topics.Topics;
import gongkai.topics.MonitorSerdes;

/**
 * The dead-letter topic read as a feed for crawler operators and agencies: which submissions the topology
 * rejected, when, and why. The original bytes stay on the topic; this view leaves them out.
 */
public final class RejectionLog {
    private RejectionLog() {
    }

    /**
     * @param since  only rejections at or after this moment (null: all)
     * @param source only submissions whose source (URL or file name) contains this text (null: all)
     */
    public static List<RejectedSubmission> read(Map<String, Object> clients, Topics topics, MonitorSerdes serdes, Instant since,
                                                String source) {
        List<RejectedSubmission> out = new ArrayList<>();
        TopicReader.readToEnd(clients, topics.rejected(), serdes.rejected().deserializer(), r -> {
            RejectedSubmission rej = r.value();
            if (rej == null || since != null && rej.getRejectedAt().isBefore(since)) {
                return;
            }
            if (source != null && (rej.getSource() == null || !rej.getSource().contains(source))) {
                return;
            }
            out.add(rej);
        });
        out.sort(Comparator.comparing(RejectedSubmission::getRejectedAt));
        return out;
    }
}
