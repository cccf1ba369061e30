package gongkai.local;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactions left open on a partition that the transaction coordinator no longer drives to an end: after an
 * unclean stop of a single-node broker a partition can keep an open transaction (on {@code __consumer_offsets}:
 * pending offsets, so the group's committed offset stays UNSTABLE_OFFSET_COMMIT; on a data partition: a last stable
 * offset that never moves) although the coordinator has no ongoing transaction for that producer, so no marker
 * will ever come. What {@code kafka-transactions.sh find-hanging} and {@code abort} do by hand, done at start-up of
 * the embedded broker, before any client of it runs.
 */
public final class HangingTransactions {
    private static final Logger log = LoggerFactory.getLogger(HangingTransactions.class);
    private static final Set<TransactionState> IN_FLIGHT = EnumSet.of(TransactionState.ONGOING, TransactionState.PREPARE_COMMIT,
            TransactionState.PREPARE_ABORT, TransactionState.PREPARE_EPOCH_FENCE);

    /** An open transaction on a partition, with the coordinator's state of its producer (null: unknown to it). */
    public record Hanging(TopicPartition partition, ProducerState producer, TransactionState coordinatorState) {
        @Override
        public String toString() {
            return partition + ": producer " + producer.producerId() + " epoch " + producer.producerEpoch() + " open since offset "
                    + producer.currentTransactionStartOffset().orElse(-1) + ", coordinator: " + (coordinatorState == null ? "no such transaction" : coordinatorState);
        }
    }

    private HangingTransactions() {
    }

    /**
     * Waits until the transaction coordinator has loaded every partition of its log: before that, a listing would
     * miss transactions it is about to finish, and aborting one it is committing would break its atomicity. Asks for
     * one unknown transactional id per log partition; the admin client retries while a partition loads, and the
     * answer "not found" means it is loaded.
     */
    public static void awaitCoordinatorLoaded(Admin admin, int logPartitions) throws InterruptedException, ExecutionException {
        Set<Integer> covered = new java.util.HashSet<>();
        List<String> probes = new ArrayList<>();
        for (int i = 0; covered.size() < logPartitions; i++) {
            String id = "gongkai-load-probe-" + i;
            if (covered.add(Utils.abs(id.hashCode()) % logPartitions)) {
                probes.add(id);
            }
        }
        var described = admin.describeTransactions(probes);
        for (String id : probes) {
            try {
                described.description(id).get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TransactionalIdNotFoundException)) {
                    throw e;
                }
            }
        }
    }

    /** Every partition's open transactions, with what the coordinator says of each producer (call once it is loaded). */
    public static List<Hanging> open(Admin admin) throws InterruptedException, ExecutionException {
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(topics).allTopicNames().get().values()
                .forEach(d -> d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
        Map<Long, TransactionState> coordinator = new HashMap<>();
        for (TransactionListing t : admin.listTransactions().all().get()) {
            coordinator.put(t.producerId(), t.state());
        }
        List<Hanging> open = new ArrayList<>();
        admin.describeProducers(partitions).all().get().forEach((tp, state) -> state.activeProducers().stream()
                .filter(p -> p.currentTransactionStartOffset().isPresent())
                .forEach(p -> open.add(new Hanging(tp, p, coordinator.get(p.producerId())))));
        return open;
    }

    /** The open transactions no coordinator will finish. */
    public static List<Hanging> find(Admin admin) throws InterruptedException, ExecutionException {
        return open(admin).stream().filter(h -> h.coordinatorState() == null || !IN_FLIGHT.contains(h.coordinatorState())).toList();
    }

    /**
     * Aborts the hanging transactions (writes the abort marker the coordinator never will), once the coordinator has
     * loaded its {@code logPartitions} partitions; returns them.
     */
    public static List<Hanging> abort(Admin admin, int logPartitions) throws InterruptedException, ExecutionException {
        awaitCoordinatorLoaded(admin, logPartitions);
        List<Hanging> hanging = find(admin);
        for (Hanging h : hanging) {
            log.warn("aborting a transaction left open by an unclean stop, which its coordinator no longer knows: {}", h);
            admin.abortTransaction(new AbortTransactionSpec(h.partition(), h.producer().producerId(),
                    (short) h.producer().producerEpoch(), h.producer().coordinatorEpoch().orElse(-1))).all().get();
        }
        return hanging;
    }
}
