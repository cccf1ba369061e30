package gongkai.alerts;

/** Keys of the state stores and compacted topics: agency|year for a report, agency|year|rule|location for an alert. */
public final class AlertKeys {
    private AlertKeys() {
    }

    public static String report(String agency, int year) {
        return agency + "|" + year;
    }

    /** The prefix every alert key of one report starts with (years are four digits, so 2020| never matches 20201|). */
    public static String alertPrefix(String agency, int year) {
        return report(agency, year) + "|";
    }

    public static String alert(String agency, int year, String ruleId, String locationKey) {
        return alertPrefix(agency, year) + ruleId + "|" + locationKey;
    }
}
