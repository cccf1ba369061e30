package gongkai.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the title lines at the top of a report and the agency they name, if they name one. */
final class TitleReader {
    private TitleReader() {
    }

    record Title(String text, String agency) {
    }

    private static final Pattern ATTACHMENT = Pattern.compile("^(附件|附表)[0-9０-９一二三四五六七八九十]*[:：]?$");
    private static final Pattern REPORT = Pattern.compile("年度报告|工作报告|年报");
    private static final Pattern YEAR = Pattern.compile("[（(]?([0-9０-９]{4}|[〇○零一二三四五六七八九]{4})年度?[）)]?");
    private static final Pattern REPORT_PHRASE = Pattern.compile("(政府)?信息公开(工作)?(年度)?(报告|年报)|政务公开(工作)?(年度)?报告");
    private static final Pattern AGENCY_SUFFIX = Pattern.compile(
            ".*(人民政府|政府|办事处|街道|镇|乡|局|委员会|委|办公室|办|厅|院|署|中心|所|馆|队|会|站|处|部|区|县|市|旗|公司)$");
    private static final int MAX_TITLE_LINES = 3;

    static Title read(List<Block> preamble) {
        List<String> lines = new ArrayList<>();
        for (Block b : preamble) {
            if (!(b instanceof Block.Paragraph p)) {
                break;
            }
            String line = Cells.trim(p.text());
            String squashed = Cells.squash(line);
            if (squashed.isEmpty() || ATTACHMENT.matcher(squashed).matches()) {
                continue;
            }
            if (squashed.startsWith("依据") || squashed.contains("编制本报告") || squashed.length() > 80) {
                break;
            }
            lines.add(line);
            if (REPORT.matcher(squashed).find()) {
                List<String> title = lines.subList(Math.max(0, lines.size() - MAX_TITLE_LINES), lines.size());
                return new Title(String.join("\n", title), agencyIn(String.join("", title)));
            }
        }
        return new Title("", null);
    }

    /** Separators of a page's {@code <title>}: "ArticleTitle_column_site", "ArticleTitle - site", "site|ArticleTitle". */
    private static final Pattern PAGE_TITLE_PARTS = Pattern.compile("\\s*(?:_|——|--|\\s-\\s|[|｜])\\s*");
    private static final int MAX_TITLE_CHARS = 80;

    /**
     * The report's title as a web page states it, or null: the {@code ArticleTitle} meta tag, else the first
     * {@code <h1>}, else the part of {@code <title>} that is the article's. A candidate counts only if it reads as a
     * report title (报告/年报 with a year or an agency) and is not the name of the page's column ("政府信息公开年报"),
     * so navigation text is never taken for a title.
     */
    static Title fromPage(PageMeta meta) {
        List<String> candidates = new ArrayList<>();
        candidates.add(meta.articleTitle());
        candidates.add(meta.h1());
        if (meta.htmlTitle() != null) {
            candidates.addAll(List.of(PAGE_TITLE_PARTS.split(meta.htmlTitle())));
        }
        for (String c : candidates) {
            String line = c == null ? "" : Cells.trim(c.replace('\n', ' '));
            if (isReportTitle(line, meta.columnName())) {
                return new Title(line, agencyIn(line));
            }
        }
        return new Title("", null);
    }

    static boolean isReportTitle(String line, String columnName) {
        String squashed = Cells.squash(line);
        if (squashed.isEmpty() || squashed.length() > MAX_TITLE_CHARS || !REPORT.matcher(squashed).find()
                || columnName != null && squashed.equals(Cells.squash(columnName))) {
            return false;
        }
        return YearFinder.fromTitle(line) != null || agencyIn(line) != null;
    }

    /** The agency named in a title, or null if the title names none ("2020年政府信息公开工作年度报告"). */
    static String agencyIn(String title) {
        String s = Cells.squash(title);
        s = YEAR.matcher(s).replaceAll("");
        s = REPORT_PHRASE.matcher(s).replaceAll("");
        s = s.replaceFirst("^关于", "").replaceFirst("(本级|的)+$", "");
        s = s.replaceAll("^[\\p{Punct}，。、：；“”《》（）]+|[\\p{Punct}，。、：；“”《》（）]+$", "");
        if (s.endsWith("人民")) {
            s = s + "政府";
        }
        if (s.length() < 2 || s.length() > 50 || Cells.hanCount(s) < 2 || !AGENCY_SUFFIX.matcher(s).matches()) {
            return null;
        }
        return s;
    }
}
