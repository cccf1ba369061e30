package gongkai.bench;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the reports of a bench history are published: shares of plain text, web pages and PDFs. Each report (agency and
 * year) gets one format, drawn from the seed, so its corrections and duplicates come in the same format and an exact
 * duplicate is the same bytes.
 */
public record FormatMix(Map<Format, Integer> weights) {
    /** How a generated report is published, and the content type its submission declares. */
    public enum Format {
        TEXT("text/plain"), HTML("text/html"), PDF("application/pdf");

        final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }
    }

    /** Today's default history: text only, as every figure before the mix was measured. */
    public static final FormatMix TEXT_ONLY = new FormatMix(Map.of(Format.TEXT, 1));

    public FormatMix {
        weights = Map.copyOf(weights);
        if (weights.values().stream().anyMatch(w -> w < 0) || weights.values().stream().mapToInt(Integer::intValue).sum() <= 0) {
            throw new IllegalArgumentException("format weights must be ≥ 0 and not all 0: " + weights);
        }
    }

    /** {@code pdf=60,html=25,text=15}: a weight per format (relative; formats left out get none). */
    public static FormatMix parse(String spec) {
        Map<Format, Integer> w = new EnumMap<>(Format.class);
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("format share '" + part.trim() + "' is not format=weight (e.g. pdf=60,html=25,text=15)");
            }
            Format f;
            try {
                f = Format.valueOf(kv[0].trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown format '" + kv[0].trim() + "' (text, html or pdf)");
            }
            try {
                w.put(f, Integer.parseInt(kv[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("weight of " + kv[0].trim() + " is not a whole number: '" + kv[1].trim() + "'");
            }
        }
        return new FormatMix(w);
    }

    int weight(Format f) {
        return weights.getOrDefault(f, 0);
    }

    boolean uses(Format f) {
        return weight(f) > 0;
    }

    /** The format of an agency's report for a year: a pure function of the seed, the agency and the year. */
    Format formatOf(long seed, int agency, int year) {
        int total = 0;
        for (Format f : Format.values()) {
            total += weight(f);
        }
        long h = seed * 0x9E3779B97F4A7C15L + agency * 0xC2B2AE3D27D4EB4FL + year * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        int pick = (int) Math.floorMod(h, (long) total);
        for (Format f : Format.values()) {
            pick -= weight(f);
            if (pick < 0) {
                return f;
            }
        }
        throw new AssertionError();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (Format f : Format.values()) {
            if (uses(f)) {
                s.append(s.isEmpty() ? "" : ",").append(f.name().toLowerCase(Locale.ROOT)).append('=').append(weight(f));
            }
        }
        return s.toString();
    }
}
