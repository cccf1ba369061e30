package gongkai.rules;

import java.util.StringJoiner;

/**
 * Where a finding is: section 1-6 (0 for the document as a whole), a row (row code for section 3, so the
 * key survives relabelled corrections) and a column header. Row and column may be null.
 */
public record Location(int section, String row, String column) {

    public static Location document() {
        return new Location(0, null, null);
    }

    public static Location section(int section) {
        return new Location(section, null, null);
    }

    /** Part of the alert key (agency|year|ruleId|key), so it must be stable across versions of a report. */
    public String key() {
        StringJoiner key = new StringJoiner("/");
        key.add(Integer.toString(section));
        if (row != null) {
            key.add(row);
        }
        if (column != null) {
            key.add(column);
        }
        return key.toString();
    }
}
