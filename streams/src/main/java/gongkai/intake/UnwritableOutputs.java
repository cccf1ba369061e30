package gongkai.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The submissions (by position on the log) whose output the broker refused, remembered for this process.
 * Under exactly-once a refused record fails the whole transaction, so the submission is processed again;
 * the second time its processor writes the dead letter in small form (no bytes), and should even that be
 * refused, the third time it writes nothing. A refused output can therefore cost two retries, never a loop.
 */
public final class UnwritableOutputs {
    private static final int REMEMBERED = 10_000;
    private static final Map<String, Refusal> REFUSED = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Refusal> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** Why the output of a submission was refused, and how many times. */
    public record Refusal(String reason, int times) {
        /** After the small form was refused too: write nothing more for this submission. */
        public boolean skip() {
            return times > 1;
        }
    }

    private UnwritableOutputs() {
    }

    static synchronized void remember(String topic, int partition, long offset, String reason) {
        if (topic != null) {
            REFUSED.merge(key(topic, partition, offset), new Refusal(reason, 1), (a, b) -> new Refusal(a.reason(), a.times() + 1));
        }
    }

    public static synchronized Optional<Refusal> refused(String topic, int partition, long offset) {
        return Optional.ofNullable(REFUSED.get(key(topic, partition, offset)));
    }

    private static String key(String topic, int partition, long offset) {
        return topic + "/" + partition + "@" + offset;
    }
}
