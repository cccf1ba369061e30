package gongkai.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import gongkai.avro.ComplianceAlert;

/**
 * Server-sent events to the open pages: an {@code alert} event for every alert event committed on the
 * event stream (with the counts after it), a {@code counts} event when the standing alerts change
 * otherwise (a review, a tombstone). A browser that does not keep up loses messages, not the server.
 */
final class EventHub {
    static final int MAX_SUBSCRIBERS = 64;
    private static final int QUEUE = 256;

    private final Set<BlockingQueue<String>> subscribers = ConcurrentHashMap.newKeySet();
    private final Supplier<Map<String, Object>> counts;

    EventHub(Supplier<Map<String, Object>> counts) {
        this.counts = counts;
    }

    /** A queue of SSE messages for one connection, or null when too many pages are open. */
    BlockingQueue<String> subscribe() {
        if (subscribers.size() >= MAX_SUBSCRIBERS) {
            return null;
        }
        BlockingQueue<String> q = new ArrayBlockingQueue<>(QUEUE);
        subscribers.add(q);
        return q;
    }

    void unsubscribe(BlockingQueue<String> q) {
        subscribers.remove(q);
    }


    void alertEvent(ComplianceAlert a) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", a.getStatus().name());
        data.put("severity", a.getSeverity().name());
        data.put("ruleId", a.getRuleId());
        data.put("agency", a.getAgency());
        data.put("year", a.getYear());
        data.put("alertKey", a.getAlertKey());
        data.put("messageZh", a.getMessageZh());
        data.put("messageEn", a.getMessageEn());
        data.put("counts", counts.get());
        broadcast("alert", Json.write(data));
    }

    void countsChanged() {
        broadcast("counts", Json.write(Map.of("counts", counts.get())));
    }

    private void broadcast(String event, String json) {
        // Json escapes line separators, so one data line carries the whole message.
        String message = "event: " + event + "\ndata: " + json + "\n\n";
        subscribers.forEach(q -> q.offer(message));
    }
}
