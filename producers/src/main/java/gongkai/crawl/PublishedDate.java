package gongkai.crawl;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a calendar date as Chinese government sites print them: 2024-01-30, 2024/1/30, 2024.01.30, 2024年1月30日. */
final class PublishedDate {
    private static final Pattern DATE = Pattern.compile("((?:19|20)\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?!\\d)\\s*日?");
    private static final Pattern LABELLED = Pattern.compile("(?:发布日期|发布时间|发文日期|公开日期|成文日期|发布于)\\s*[:：]?\\s*(" + DATE.pattern() + ")");

    private PublishedDate() {
    }

    /** The first valid date in the text, as yyyy-MM-dd. */
    static Optional<String> first(String text) {
        return firstMatch(DATE.matcher(text), 1);
    }

    /** A date the text labels as the publication date (发布日期：2024-01-30), as yyyy-MM-dd. */
    static Optional<String> labelled(String text) {
        return firstMatch(LABELLED.matcher(text), 2);
    }

    private static Optional<String> firstMatch(Matcher m, int yearGroup) {
        while (m.find()) {
            try {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(yearGroup)), Integer.parseInt(m.group(yearGroup + 1)),
                        Integer.parseInt(m.group(yearGroup + 2)));
                return Optional.of(d.toString());
            } catch (DateTimeException e) {
                // 2023年13月 and the like: not a date, look further
            }
        }
        return Optional.empty();
    }
}
