package gongkai.acl;

import java.util.ArrayList;
import java.util.List;

import gongkai.topics.Topics;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may write what on a secured cluster, as ACL bindings (the same ones {@code docs/operations.md}
 * gives as {@code kafka-acls} commands). Three roles:
 * <ul>
 *   <li><b>submitter</b> (crawler, agency accounts): writes the submission log, reads the outcomes of
 *       what it submitted. It cannot write a derived topic, so it cannot forge or resolve an alert.</li>
 *   <li><b>topology</b> (the principal {@code ./monitor run} and {@code replay} use): reads the inputs,
 *       is the only writer of the derived topics, owns its internal topics, group and transactions.</li>
 *   <li><b>office</b> (the supervising office, its dashboard): writes reviews and the roster, reads them and the alerts.</li>
 * </ul>
 * Any principal not given a role is denied everything (KRaft's {@code StandardAuthorizer} with
 * {@code allow.everyone.if.no.acl.found=false}, the default).
 */
public final class MonitorAcls {
    /** Output topics of audit replays ({@code gongkai.replay.<id>.*}). */
    public static final String REPLAY_TOPIC_PREFIX = "gongkai.replay.";

    private final Topics topics;
    private final String applicationId;

    public MonitorAcls(Topics topics, String applicationId) {
        this.topics = topics;
        this.applicationId = applicationId;
    }

    /** @param principal e.g. {@code User:crawler-bj} */
    public List<AclBinding> submitter(String principal) {
        List<AclBinding> out = new ArrayList<>();
        allow(out, principal, ResourceType.TOPIC, topics.submissions(), PatternType.LITERAL, AclOperation.WRITE);
        describeAll(out, principal);
        for (String t : List.of(topics.parsed(), topics.rejected(), topics.verdicts())) {
            allow(out, principal, ResourceType.TOPIC, t, PatternType.LITERAL, AclOperation.READ);
        }
        allow(out, principal, ResourceType.GROUP, "gongkai-outcome-", PatternType.PREFIXED, AclOperation.READ);
        return out;
    }

    public List<AclBinding> topology(String principal) {
        List<AclBinding> out = new ArrayList<>();
        describeAll(out, principal);
        for (String t : List.of(topics.submissions(), topics.roster(), topics.reviews())) {
            allow(out, principal, ResourceType.TOPIC, t, PatternType.LITERAL, AclOperation.READ);
        }
        for (String t : derived()) {
            allow(out, principal, ResourceType.TOPIC, t, PatternType.LITERAL, AclOperation.READ);
            allow(out, principal, ResourceType.TOPIC, t, PatternType.LITERAL, AclOperation.WRITE);
        }
        // Internal topics, consumer group and transactional ids all start with the application id; replays
        // run as <application.id>-replay-<id> and write gongkai.replay.<id>.*.
        allow(out, principal, ResourceType.TOPIC, applicationId, PatternType.PREFIXED, AclOperation.ALL);
        allow(out, principal, ResourceType.TOPIC, REPLAY_TOPIC_PREFIX, PatternType.PREFIXED, AclOperation.ALL);
        allow(out, principal, ResourceType.GROUP, applicationId, PatternType.PREFIXED, AclOperation.READ);
        allow(out, principal, ResourceType.TRANSACTIONAL_ID, applicationId, PatternType.PREFIXED, AclOperation.WRITE);
        allow(out, principal, ResourceType.TRANSACTIONAL_ID, applicationId, PatternType.PREFIXED, AclOperation.DESCRIBE);
        return out;
    }

    public List<AclBinding> office(String principal) {
        List<AclBinding> out = new ArrayList<>();
        describeAll(out, principal);
        allow(out, principal, ResourceType.TOPIC, topics.reviews(), PatternType.LITERAL, AclOperation.WRITE);
        allow(out, principal, ResourceType.TOPIC, topics.roster(), PatternType.LITERAL, AclOperation.WRITE);
        // The dashboard shows the reviews and the roster beside the alerts.
        for (String t : List.of(topics.reviews(), topics.roster())) {
            allow(out, principal, ResourceType.TOPIC, t, PatternType.LITERAL, AclOperation.READ);
        }
        for (String t : derived()) {
            allow(out, principal, ResourceType.TOPIC, t, PatternType.LITERAL, AclOperation.READ);
        }
        allow(out, principal, ResourceType.GROUP, "gongkai-alert-printer-", PatternType.PREFIXED, AclOperation.READ);
        return out;
    }

    /** The topics only the topology writes: every monitor topic but its inputs. */
    public List<String> derived() {
        List<String> inputs = List.of(topics.submissions(), topics.roster(), topics.reviews());
        return topics.all().stream().filter(t -> !inputs.contains(t)).toList();
    }

    /** Describing every monitor topic lets a command see that they exist (and not try to create them). */
    private void describeAll(List<AclBinding> out, String principal) {
        for (String t : topics.all()) {
            allow(out, principal, ResourceType.TOPIC, t, PatternType.LITERAL, AclOperation.DESCRIBE);
        }
    }

    private static void allow(List<AclBinding> out, String principal, ResourceType type, String name, PatternType pattern, AclOperation op) {
        out.add(new AclBinding(new ResourcePattern(type, name, pattern), new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW)));
    }
}
