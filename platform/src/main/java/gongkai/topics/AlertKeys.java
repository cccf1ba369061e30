package gongkai.topics;

/** Keys of the state stores and compacted topics: agency|year for a report, agency|year|rule|location for an alert. */
public final class AlertKeys {
    private AlertKeys() {
    }

    /** The prefix every key of one agency starts with. */
    public static String agencyPrefix(String agency) {
        return agency + "|";
    }

    /**
     * The agency an alert key is about: the topics that carry alert decisions (reviews) are keyed by it, like the
     * reports, so that an alert's reviews reach the task that holds its alerts.
     */
    public static String agencyOf(String alertKey) {
        int bar = alertKey.indexOf('|');
        if (bar <= 0) {
            throw new IllegalArgumentException("not an alert key (agency|year|rule|location): " + alertKey);
        }
        return alertKey.substring(0, bar);
    }

    public static String report(String agency, int year) {
        return agency + "|" + year;
    }

    /** The prefix every alert key of one report starts with (years are four digits, so 2020| never matches 20201|). */
    public static String alertPrefix(String agency, int year) {
        return agencyPrefix(agency) + year + "|";
    }

    public static String alert(String agency, int year, String ruleId, String locationKey) {
        return alertPrefix(agency, year) + ruleId + "|" + locationKey;
    }
}
