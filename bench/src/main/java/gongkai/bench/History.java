package gongkai.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import gongkai.text.Sha256;
import gongkai.topics.AlertKeys;
import gongkai.avro.ReportSubmission;
import gongkai.report.RequestTable;

/**
 * A synthetic submission history: N agencies × K years of report texts, with defects injected at a known rate
 * and at known places, corrections, years out of order, exact duplicates and garbage, and the alerts that
 * history must produce, derived from what was injected (never from running the topology).
 *
 * <p>Everything is a pure function of the settings and the seed: an agency's numbers and plan are recomputed
 * from its own random stream when needed, and texts are rendered when a submission is published, so the
 * history of a million reports costs a list of small events and no texts in memory.
 *
 * <p>Rules the bookkeeping holds to, so that every expected alert is RAISED exactly once, whatever order
 * the topology's partitions happen to be processed in:
 * <ul>
 *   <li>at most one defect per report; a carry-over defect only in an agency's second year or later;</li>
 *   <li>a correction (a later, clean version of a defective report, same source so same partition and order) only
 *       for balance and row-total defects, and never for a year whose next year has a carry-over defect (the
 *       next year's alert compares with this year's version and would be re-raised against the correction);</li>
 *   <li>an exact duplicate only of a report that is never corrected (a duplicate of a superseded version would be
 *       a newer version, not a duplicate).</li>
 * </ul>
 */
public final class History {
    public static final String SEQ_HEADER = "bench.seq";
    public static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    /** What the generator makes; rates are per original report. */
    public record Settings(int agencies, int years, int lastYear, double defectRate, long seed, double correctionRate,
                           double outOfOrderRate, double duplicateRate, double garbageRate) {
        public static Settings of(int agencies, int years, double defectRate, long seed) {
            // Ending 2023, four years span both templates (2020: 2019 format; 2021-2023: 2021 format).
            return new Settings(agencies, years, Math.max(2023, 2018 + years), defectRate, seed, 0.3, 0.1, 0.02, 0.01);
        }

        public int firstYear() {
            return lastYear - years + 1;
        }
    }

    public enum Kind { ORIGINAL, CORRECTION, DUPLICATE, GARBAGE }

    /** One submission of the history, in submission order (seq). */
    public record Event(int seq, Kind kind, int agency, int year) {
    }

    public record Defect(int agency, int year, DefectKind kind, int column, boolean corrected) {
        /** The two alert keys this defect must raise: agency|year|rule|section/row/column, as the topology writes them. */
        public List<String> alertKeys() {
            String agencyName = Agency.of(agency).fullName();
            String col = RequestTable.COLUMNS.get(column);
            String total = RequestTable.COLUMNS.get(RequestTable.TOTAL_COLUMN);
            List<String> locations = switch (kind) {
                case BALANCE -> List.of("3/" + col, "3/" + total);
                case ROW_TOTAL -> List.of("3/" + RequestTable.DISCLOSED + "/" + total, "3/" + RequestTable.PARTIAL + "/" + total);
                case CARRY_OVER -> List.of("3/" + RequestTable.CARRIED_OVER + "/" + col, "3/" + RequestTable.CARRIED_OVER + "/" + total);
            };
            return locations.stream().map(l -> AlertKeys.alert(agencyName, year, kind.ruleId(), l)).toList();
        }
    }

    /** An agency's whole plan: its clean tables per year, the defect per year (or null), and what else happens. */
    record Plan(int agency, int[] order, RequestNumbers[] clean, Defect[] defects, boolean[] duplicated) {
    }

    /** The alerts the history must produce, for the rules the generator injects defects for. */
    public record Expected(Set<String> raised, Set<String> resolved, int defects, Map<DefectKind, Integer> defectsByKind,
                           int corrected) {
        public Set<String> standing() {
            Set<String> s = new LinkedHashSet<>(raised);
            s.removeAll(resolved);
            return s;
        }
    }

    public static final Set<String> COUNTED_RULES = Set.of(DefectKind.BALANCE.ruleId(), DefectKind.ROW_TOTAL.ruleId(),
            DefectKind.CARRY_OVER.ruleId());

    private final Settings settings;
    private final int agencyOffset;
    private final List<Event> events;

    private History(Settings settings, int agencyOffset, List<Event> events) {
        this.settings = settings;
        this.agencyOffset = agencyOffset;
        this.events = events;
    }

    public static History generate(Settings s) {
        return generate(s, 0);
    }

    /** A history whose agencies are numbered from {@code agencyOffset} (so two histories on one topic never share an agency). */
    public static History generate(Settings s, int agencyOffset) {
        if (s.agencies() < 1 || s.years() < 1) {
            throw new IllegalArgumentException("need at least one agency and one year");
        }
        History h = new History(s, agencyOffset, List.of());
        record Slot(double round, long tiebreak, Kind kind, int agency, int year) {
        }
        List<Slot> slots = new ArrayList<>();
        Random order = new Random(s.seed() ^ 0x5eedL);
        for (int a = agencyOffset; a < agencyOffset + s.agencies(); a++) {
            Plan p = h.plan(a);
            for (int k = 0; k < s.years(); k++) {
                int y = p.order()[k];
                int yi = y - s.firstYear();
                slots.add(new Slot(k, order.nextLong(), Kind.ORIGINAL, a, y));
                Defect d = p.defects()[yi];
                if (d != null && d.corrected()) {
                    slots.add(new Slot(k + 0.5, order.nextLong(), Kind.CORRECTION, a, y));
                }
                if (p.duplicated()[yi]) {
                    slots.add(new Slot(k + 0.75, order.nextLong(), Kind.DUPLICATE, a, y));
                }
            }
        }
        long garbage = Math.round(s.garbageRate() * s.agencies() * s.years());
        for (long g = 0; g < garbage; g++) {
            slots.add(new Slot(order.nextInt(s.years()) + order.nextDouble(), order.nextLong(), Kind.GARBAGE, -1, 0));
        }
        slots.sort(Comparator.comparingDouble(Slot::round).thenComparingLong(Slot::tiebreak));
        List<Event> events = new ArrayList<>(slots.size());
        for (Slot slot : slots) {
            events.add(new Event(events.size(), slot.kind(), slot.agency(), slot.year()));
        }
        return new History(s, agencyOffset, List.copyOf(events));
    }

    public Settings settings() {
        return settings;
    }

    public List<Event> events() {
        return events;
    }

    public int size() {
        return events.size();
    }

    public long count(Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).count();
    }

    /** Deterministic per agency: its own random stream gives its tables and then its plan. */
    Plan plan(int agency) {
        Settings s = settings;
        Random r = new Random(s.seed() * 1_000_003L + agency);
        RequestNumbers[] clean = new RequestNumbers[s.years()];
        long[] carried = null;
        for (int i = 0; i < s.years(); i++) {
            int year = s.firstYear() + i;
            clean[i] = RequestNumbers.consistent(ReportTemplate.forYear(year).version, carried, r);
            carried = clean[i].row(RequestTable.CARRY_FORWARD);
        }
        Defect[] defects = new Defect[s.years()];
        for (int i = 0; i < s.years(); i++) {
            if (r.nextDouble() >= s.defectRate()) {
                continue;
            }
            List<DefectKind> kinds = new ArrayList<>(List.of(DefectKind.BALANCE, DefectKind.ROW_TOTAL));
            if (i > 0) {
                kinds.add(DefectKind.CARRY_OVER);
            }
            DefectKind kind = kinds.get(r.nextInt(kinds.size()));
            int column = r.nextInt(RequestNumbers.TOTAL);
            if (!clean[i].admits(kind, column)) {
                column = 0;
            }
            defects[i] = new Defect(agency, s.firstYear() + i, kind, column, false);
        }
        boolean[] duplicated = new boolean[s.years()];
        for (int i = 0; i < s.years(); i++) {
            Defect d = defects[i];
            boolean nextHasCarryOverDefect = i + 1 < s.years() && defects[i + 1] != null && defects[i + 1].kind() == DefectKind.CARRY_OVER;
            boolean correct = r.nextDouble() < s.correctionRate();
            if (d != null && d.kind() != DefectKind.CARRY_OVER && !nextHasCarryOverDefect && correct) {
                defects[i] = new Defect(d.agency(), d.year(), d.kind(), d.column(), true);
            }
            duplicated[i] = r.nextDouble() < s.duplicateRate() && (defects[i] == null || !defects[i].corrected());
        }
        int[] order = new int[s.years()];
        for (int i = 0; i < s.years(); i++) {
            order[i] = s.firstYear() + i;
        }
        if (s.years() > 1 && r.nextDouble() < s.outOfOrderRate()) {
            // Years arrive out of order: newest first.
            for (int i = 0; i < s.years(); i++) {
                order[i] = s.lastYear() - i;
            }
        }
        return new Plan(agency, order, clean, defects, duplicated);
    }

    public Expected expected() {
        Set<String> raised = new LinkedHashSet<>();
        Set<String> resolved = new LinkedHashSet<>();
        Map<DefectKind, Integer> byKind = new EnumMap<>(DefectKind.class);
        int defects = 0;
        int corrected = 0;
        for (int a = agencyOffset; a < agencyOffset + settings.agencies(); a++) {
            for (Defect d : plan(a).defects()) {
                if (d == null) {
                    continue;
                }
                defects++;
                byKind.merge(d.kind(), 1, Integer::sum);
                raised.addAll(d.alertKeys());
                if (d.corrected()) {
                    corrected++;
                    resolved.addAll(d.alertKeys());
                }
            }
        }
        return new Expected(raised, resolved, defects, byKind, corrected);
    }

    public List<Defect> defects() {
        List<Defect> out = new ArrayList<>();
        for (int a = agencyOffset; a < agencyOffset + settings.agencies(); a++) {
            Arrays.stream(plan(a).defects()).filter(d -> d != null).forEach(out::add);
        }
        return out;
    }

    /** The text of a report as the given event submits it. */
    public String text(Event e) {
        if (e.kind() == Kind.GARBAGE) {
            throw new IllegalArgumentException("garbage has no report text");
        }
        Plan p = plan(e.agency());
        int yi = e.year() - settings.firstYear();
        RequestNumbers numbers = p.clean()[yi];
        Defect d = p.defects()[yi];
        if (d != null && e.kind() != Kind.CORRECTION) {
            numbers = numbers.inject(d.kind(), d.column());
        }
        return ReportTemplate.forYear(e.year()).render(Agency.of(e.agency()), e.year(), numbers);
    }

    /** The submission event for an event of the history; received-at grows with seq, one second apart. */
    public ReportSubmission submission(Event e) {
        byte[] content;
        String source;
        if (e.kind() == Kind.GARBAGE) {
            content = garbage(e.seq());
            source = "bench/garbage/" + e.seq();
        } else {
            content = text(e).getBytes(StandardCharsets.UTF_8);
            source = "bench/" + e.agency() + "/" + e.year();
        }
        return ReportSubmission.newBuilder()
                .setSubmissionId(UUID.nameUUIDFromBytes((settings.seed() + "|" + agencyOffset + "|" + e.seq()).getBytes(StandardCharsets.UTF_8)).toString())
                .setContent(ByteBuffer.wrap(content))
                .setContentType(e.kind() == Kind.GARBAGE ? null : "text/plain")
                .setSource(source)
                .setSubmitter("bench")
                .setReceivedAt(EPOCH.plusSeconds(e.seq()).plusMillis(agencyOffset))
                .setSha256(Sha256.hex(content))
                .build();
    }

    /** Garbage the parser must reject: binary noise, or a text that names no year. */
    static byte[] garbage(int seq) {
        Random r = new Random(seq);
        if (seq % 2 == 0) {
            byte[] b = new byte[64 + r.nextInt(512)];
            r.nextBytes(b);
            b[0] = 0;
            b[1] = (byte) 0xff;
            return b;
        }
        return ("关于政府信息公开工作的说明\n\n本单位已按规定做好政府信息公开工作。\n").getBytes(StandardCharsets.UTF_8);
    }
}
