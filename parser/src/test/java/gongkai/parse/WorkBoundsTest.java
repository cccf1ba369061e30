package gongkai.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The work one document may cause is bounded: wall-clock time, extracted text, tables. */
class WorkBoundsTest {

    /**
     * Table cells separated by long runs of short unindented lines: each short line looks ahead for the next cell
     * (is it a continuation of the cell above?), so the work grows with the square of the run. Without a budget
     * this 1.4 MB text would take hours (about 14 µs a line looked at, 2·10^10 lines).
     */
    static byte[] slowText(int runLength) {
        StringBuilder b = new StringBuilder("\t单元格\n");
        b.append("短行\n".repeat(runLength));
        b.append("\t单元格\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aDocumentThatTakesTooLongIsRejectedAsTooComplexWhenItsBudgetIsSpent() throws Exception {
        ReportParser parser = new ReportParser(ReportParser.DEFAULT_MAX_BYTES, 1000);
        long start = System.nanoTime();
        ReportRejectedException e = assertThrows(ReportRejectedException.class, () -> parser.parse(slowText(200_000), "slow.txt"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(RejectionReason.TOO_COMPLEX, e.reason(), e.getMessage());
        assertTrue(e.getMessage().startsWith("slow.txt: reading took longer than the 1000 ms"), e.getMessage());
        assertTrue(e.detail().contains("stopped at table continuation at line "), "names the place: " + e.detail());
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "stopped soon after the budget: " + took);
    }

    @Test
    void theBudgetIsPerDocument() throws Exception {
        ReportParser parser = new ReportParser(ReportParser.DEFAULT_MAX_BYTES, 300);
        assertThrows(ReportRejectedException.class, () -> parser.parse(slowText(200_000), "slow.txt"));
        // The next document on the same thread starts with a budget of its own.
        assertEquals(2023, parser.parse(Samples.bytes("daxing-yinghai-2023"), "daxing.txt").getYear());
    }

    @Test
    void aDocumentWithMoreTablesThanAnyReportIsRejectedAsTooComplex() {
        String tables = "\t甲\n\t乙\n\n一段文字，不是表格。\n".repeat(ReportParser.MAX_TABLES + 1);
        ReportRejectedException e = assertThrows(ReportRejectedException.class,
                () -> new ReportParser().parse(tables.getBytes(StandardCharsets.UTF_8), "tables.txt"));
        assertEquals(RejectionReason.TOO_COMPLEX, e.reason(), e.getMessage());
        assertTrue(e.detail().contains((ReportParser.MAX_TABLES + 1) + " tables"), e.detail());
    }

    @Test
    void aBudgetMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ReportParser(1000, 0));
    }
}
