package gongkai.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which names a replay owns when one replay's id starts with another's: deleting one must not take the other's topics. */
class ReplayCatalogTest {
    private static final Set<String> IDS = Set.of("a", "a.b", "x", "x-2");
    private static final List<String> NAMES = List.of(
            "gongkai.replay.a.verdicts", "gongkai.replay.a.b.verdicts", "gongkai.replay.a.alerts.open-value",
            "gongkai.replay.a.b.alerts.open-value", "gongkai-monitor-replay-x-open-alerts-by-key-changelog",
            "gongkai-monitor-replay-x-2-open-alerts-by-key-changelog", "gongkai.replay.x.verdicts", "gongkai.replay.x-2.verdicts",
            "gongkai.verdicts", "gongkai-monitor-open-alerts-by-key-changelog", "other-app-replay-x-changelog");

    private static List<String> owned(String id) {
        return NAMES.stream().filter(n -> ReplayCatalog.belongs(n, id, IDS, "gongkai-monitor")).toList();
    }

    @Test
    void aReplayOwnsItsNamesAndNotThoseOfAReplayWhoseIdExtendsIt() {
        assertEquals(List.of("gongkai.replay.a.verdicts", "gongkai.replay.a.alerts.open-value"), owned("a"));
        assertEquals(List.of("gongkai.replay.a.b.verdicts", "gongkai.replay.a.b.alerts.open-value"), owned("a.b"));
        assertEquals(List.of("gongkai-monitor-replay-x-open-alerts-by-key-changelog", "gongkai.replay.x.verdicts"), owned("x"));
        assertEquals(List.of("gongkai-monitor-replay-x-2-open-alerts-by-key-changelog", "gongkai.replay.x-2.verdicts"), owned("x-2"));
    }

    @Test
    void theLiveApplicationsNamesAndOtherApplicationsAreNobodysReplay() {
        List<String> notReplays = List.of("gongkai.verdicts", "gongkai-monitor-open-alerts-by-key-changelog", "other-app-replay-x-changelog");
        for (String id : IDS) {
            assertEquals(List.of(), owned(id).stream().filter(notReplays::contains).toList(), id);
        }
    }
}
