package gongkai.rules;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Locale;
import java.util.Map;

/**
 * When each level of agency must publish its report for year Y (in year Y+1). 条例 Article 49-50:
 * county-level-and-higher departments by 31 January, a county-level-and-higher government's own
 * report by 31 March; townships (乡, 镇, 街道) follow 31 January in practice. Configurable per level
 * ({@code deadline.township=01-31}, {@code deadline.department=01-31}, {@code deadline.government=03-31}).
 */
public record PublicationDeadline(MonthDay township, MonthDay department, MonthDay government) {
    public enum Level { TOWNSHIP, DEPARTMENT, GOVERNMENT }

    public static final PublicationDeadline DEFAULT = new PublicationDeadline(MonthDay.of(1, 31), MonthDay.of(1, 31), MonthDay.of(3, 31));

    /** Reads {@code deadline.<level>=MM-dd} settings; levels not set keep their default. */
    public static PublicationDeadline fromConfig(Map<String, String> config) {
        return new PublicationDeadline(read(config, "township", DEFAULT.township), read(config, "department", DEFAULT.department),
                read(config, "government", DEFAULT.government));
    }

    private static MonthDay read(Map<String, String> config, String level, MonthDay fallback) {
        String v = config.get("deadline." + level);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return MonthDay.parse("--" + v.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("deadline." + level + "=" + v + ": expected MM-dd, e.g. 03-31", e);
        }
    }

    /**
     * The level an agency name says: 乡/镇/街道 are townships; other 人民政府, and a region named alone (a zone's
     * report titled "平潭综合实验区…", a district's "北京市朝阳区…") or its 管委会, are governments; the rest departments.
     */
    public static Level levelOf(String agency) {
        String a = agency.strip().toLowerCase(Locale.ROOT);
        if (a.endsWith("街道办事处") || a.endsWith("街道") || a.endsWith("乡人民政府") || a.endsWith("镇人民政府")
                || a.endsWith("乡") || a.endsWith("镇")) {
            return Level.TOWNSHIP;
        }
        return a.endsWith("人民政府") || REGION_ALONE.matcher(a).matches() ? Level.GOVERNMENT : Level.DEPARTMENT;
    }

    private static final java.util.regex.Pattern REGION_ALONE = java.util.regex.Pattern.compile(
            "\\p{IsHan}{2,}(省|自治区|市|自治州|地区|盟|县|区|旗)(管理委员会|管委会)?");

    public LocalDate deadlineFor(String agency, int reportYear) {
        MonthDay md = switch (levelOf(agency)) {
            case TOWNSHIP -> township;
            case DEPARTMENT -> department;
            case GOVERNMENT -> government;
        };
        return md.atYear(reportYear + 1);
    }
}
