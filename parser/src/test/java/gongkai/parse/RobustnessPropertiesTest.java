package gongkai.parse;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import gongkai.avro.DisclosureReport;

/**
 * Whatever comes in, only a DisclosureReport or a ReportRejectedException with a reason of its own comes out: a text
 * document is never rejected because the parser itself threw (that is a bug, whatever the input). And the numbers of a
 * table come back exactly, whatever the layout they are printed in.
 */
class RobustnessPropertiesTest {
    private final ReportParser parser = new ReportParser();

    private void parsesOrRejects(byte[] content) {
        try {
            DisclosureReport r = parser.parse(content, "fuzz");
            assertNotNull(r.getAgency());
        } catch (ReportRejectedException e) {
            assertNotNull(e.reason());
        }
    }

    /** For text: a rejection must be the parser's judgement, never an exception of its own code turned into one. */
    private void parsesOrRejectsForAReason(byte[] content) {
        try {
            parser.parse(content, "fuzz.txt");
        } catch (ReportRejectedException e) {
            if (e.getCause() != null) {
                throw new AssertionError("the parser threw on a text document: " + e.getMessage(), e.getCause());
            }
        }
    }

    /** Samples whose section 3 has no blank cell: every layout can carry their numbers. */
    @Provide
    Arbitrary<String> fullSample() {
        return Arbitraries.of(TextLayoutsTest.withoutBlanks());
    }

    @Provide
    Arbitrary<String> layout() {
        return Arbitraries.of("cell per line", "row per line", "wrapped", "one line");
    }

    @Property(tries = 150)
    void section3NumbersComeBackExactlyInEveryLayout(@ForAll("fullSample") String name, @ForAll("layout") String layout,
            @ForAll("counts") List<Integer> counts) throws Exception {
        // Replace every number of section 3 by a random count, in reading order.
        String[] lines = Samples.text(name).split("\n", -1);
        List<Long> written = new ArrayList<>();
        boolean inSection3 = false;
        for (int i = 0; i < lines.length; i++) {
            int section = SectionSplitter.sectionOf(lines[i]);
            if (section > 0) {
                inSection3 = section == 3;
            } else if (inSection3 && lines[i].startsWith("\t") && Cells.isValueToken(Cells.squash(lines[i]))) {
                long v = counts.get(written.size() % counts.size());
                written.add(v);
                lines[i] = "\t" + v;
            }
        }
        String cells = String.join("\n", lines);
        String text = switch (layout) {
            case "cell per line" -> cells;
            case "row per line" -> TextLayoutsTest.rowPerLineOf(cells, false);
            case "wrapped" -> TextLayoutsTest.rowPerLineOf(cells, true);
            default -> String.join(" ", TextLayoutsTest.rowPerLineOf(cells, false).split("\n"));
        };
        DisclosureReport r = parser.parse(text.getBytes(StandardCharsets.UTF_8), name + "-" + layout + ".txt");
        List<Long> read = r.getRequestTable().stream().flatMap(row -> row.getCells().stream()).toList();
        org.junit.jupiter.api.Assertions.assertEquals(written, read, text);
    }

    @Provide
    Arbitrary<List<Integer>> counts() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 99_999))
                .list().ofMinSize(1).ofMaxSize(200);
    }

    @Property(tries = 300)
    void randomBytes(@ForAll @Size(max = 4096) byte[] bytes) {
        parsesOrRejects(bytes);
    }

    @Property(tries = 200)
    void randomBytesBehindAMagicNumber(@ForAll("magic") String magic, @ForAll @Size(max = 2048) byte[] bytes) {
        byte[] head = magic.getBytes(StandardCharsets.ISO_8859_1);
        byte[] content = Arrays.copyOf(head, head.length + bytes.length);
        System.arraycopy(bytes, 0, content, head.length, bytes.length);
        parsesOrRejects(content);
    }

    @Provide
    Arbitrary<String> magic() {
        return Arbitraries.of("PK\u0003\u0004", "%PDF-1.4\n", "<html><table>", "<table><tr><td rowspan=\"99999\">", "\u00D0\u00CF\u0011\u00E0");
    }

    @Property(tries = 300)
    void truncatedSamples(@ForAll("sample") String name, @ForAll("fraction") double fraction) {
        byte[] bytes = Samples.bytes(name);
        parsesOrRejects(Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
    }

    @Property(tries = 300)
    void samplesWithDeletedLines(@ForAll("sample") String name, @ForAll("indices") List<Integer> deletions) {
        List<String> lines = new ArrayList<>(List.of(Samples.text(name).split("\n", -1)));
        for (int d : deletions) {
            if (!lines.isEmpty()) {
                lines.remove(d % lines.size());
            }
        }
        parsesOrRejectsForAReason(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 300)
    void samplesWithSwappedOrReplacedCells(@ForAll("sample") String name, @ForAll("indices") List<Integer> positions,
            @ForAll("junk") String junk) {
        List<String> lines = new ArrayList<>(List.of(Samples.text(name).split("\n", -1)));
        for (int k = 0; k + 1 < positions.size(); k += 2) {
            int a = positions.get(k) % lines.size();
            int b = positions.get(k + 1) % lines.size();
            String t = lines.get(a);
            lines.set(a, lines.get(b));
            lines.set(b, t);
        }
        if (!positions.isEmpty()) {
            lines.set(positions.get(0) % lines.size(), "\t" + junk);
        }
        parsesOrRejectsForAReason(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> sample() {
        return Arbitraries.of(Samples.NAMES);
    }

    @Provide
    Arbitrary<Double> fraction() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Provide
    Arbitrary<List<Integer>> indices() {
        return Arbitraries.integers().between(0, 100_000).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(Arbitraries.of("-3", "１２", "—", "无", "", "\u00A0", "一、本年新收政府信息公开申请数量", "（六）其他处理",
                "四、结转下年度继续办理", "99999999999999999999", "1.5", "三、收到和处理政府信息公开申请情况"),
                Arbitraries.strings().ofMaxLength(20));
    }
}
