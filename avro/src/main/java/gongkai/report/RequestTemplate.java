package gongkai.report;

import java.util.List;

import gongkai.avro.TemplateVersion;

/**
 * The rows of section 3 in both templates, as one table: code, group, printed label, English label and the
 * distinguishing words that recognise the row in any layout (a row per line, a cell per line, wrapped over lines,
 * run together with a page footer). A row is recognised by what it means, never by where it stands.
 *
 * <p>Words are compared against the label text with spaces, line breaks and punctuation removed, so "（四）无 / 法提供"
 * split by a page break and "1．本机关不掌握相关政府信息" match as well as the clean form. A row may list several words
 * (any one suffices) because real labels wrap in the middle of a word ("重新出 / 具已获取信息"). A <em>weak</em> row
 * ("3.其他", "（七）总计") has a word too common to find inside other text: it matches only as a whole label, and only
 * when it is the next row the table can have.
 */
public final class RequestTemplate {
    private RequestTemplate() {
    }

    /** The first report year whose table follows the 2021 format (国办公开办函〔2021〕30号). */
    public static final int FIRST_2021_YEAR = 2021;

    /** A line of the table: a numbered row with cells ({@code code} set) or a group label without cells. */
    public record Line(String code, Group group, String labelZh, String labelEn, List<String> words, boolean weak,
            TemplateVersion only) {
        public boolean isGroupLabel() {
            return code == null;
        }

        /** The sub-row number within its group (1 for WITHHELD_1), 0 for a row that is not a sub-row. */
        public int index() {
            if (code == null || group == null || !code.startsWith(group.prefix)) {
                return 0;
            }
            return Integer.parseInt(code.substring(group.prefix.length()));
        }
    }

    /** The groups of result rows whose sub-rows are numbered 1., 2., … under a group label. */
    public enum Group {
        RESULTS("", "三、本年度办理结果", "results"),
        WITHHELD("WITHHELD_", "（三）不予公开", "withheld"),
        UNABLE("UNABLE_", "（四）无法提供", "unable to provide"),
        NOT_PROCESSED("NOT_PROCESSED_", "（五）不予处理", "not processed"),
        OTHER("OTHER_", "（六）其他处理", "other handling");

        public final String prefix;
        public final String labelZh;
        public final String labelEn;

        Group(String prefix, String labelZh, String labelEn) {
            this.prefix = prefix;
            this.labelZh = labelZh;
            this.labelEn = labelEn;
        }
    }

    private static Line row(String code, String zh, String en, String... words) {
        return new Line(code, groupOf(code), zh, en, List.of(words), false, null);
    }

    private static Line group(Group g, String... words) {
        return new Line(null, g, g.labelZh, g.labelEn, List.of(words), false, null);
    }

    private static Group groupOf(String code) {
        for (Group g : Group.values()) {
            if (!g.prefix.isEmpty() && code.startsWith(g.prefix)) {
                return g;
            }
        }
        return null;
    }

    /**
     * Every line of both templates in printed order. The 2019 format's single （六）其他处理 row (code OTHER) is
     * the OTHER group label carrying cells; the 2021 format has OTHER_1..3 under it.
     */
    public static final List<Line> LINES = List.of(
            row(RequestTable.NEW, "一、本年新收政府信息公开申请数量", "row 一 new requests", "本年新收", "新收政府信息公开申请"),
            row(RequestTable.CARRIED_OVER, "二、上年结转政府信息公开申请数量", "row 二 carried over", "上年结转"),
            group(Group.RESULTS, "本年度办理结果", "办理结果"),
            row(RequestTable.DISCLOSED, "（一）予以公开", "row 三(一) disclosed", "予以公开"),
            row(RequestTable.PARTIAL, "（二）部分公开", "row 三(二) partly disclosed", "部分公开"),
            group(Group.WITHHELD, "不予公开"),
            row("WITHHELD_1", "1.属于国家秘密", "withheld 1: state secret", "国家秘密"),
            row("WITHHELD_2", "2.其他法律行政法规禁止公开", "withheld 2: barred by other laws", "禁止公开", "法律行政法规"),
            row("WITHHELD_3", "3.危及“三安全一稳定”", "withheld 3: endangers security or stability", "三安全一稳定", "危及"),
            row("WITHHELD_4", "4.保护第三方合法权益", "withheld 4: third-party rights", "第三方合法权益", "保护第三方"),
            row("WITHHELD_5", "5.属于三类内部事务信息", "withheld 5: internal affairs", "内部事务"),
            row("WITHHELD_6", "6.属于四类过程性信息", "withheld 6: process information", "过程性信息"),
            row("WITHHELD_7", "7.属于行政执法案卷", "withheld 7: enforcement files", "行政执法案卷", "执法案卷"),
            row("WITHHELD_8", "8.属于行政查询事项", "withheld 8: administrative enquiry", "行政查询"),
            group(Group.UNABLE, "无法提供"),
            row("UNABLE_1", "1.本机关不掌握相关政府信息", "unable 1: not held by this agency", "不掌握"),
            row("UNABLE_2", "2.没有现成信息需要另行制作", "unable 2: would have to be created", "另行制作", "没有现成信息"),
            row("UNABLE_3", "3.补正后申请内容仍不明确", "unable 3: still unclear after correction", "仍不明确", "补正后申请内容"),
            group(Group.NOT_PROCESSED, "不予处理"),
            row("NOT_PROCESSED_1", "1.信访举报投诉类申请", "not processed 1: petitions and complaints", "信访", "举报投诉"),
            row("NOT_PROCESSED_2", "2.重复申请", "not processed 2: repeated request", "重复申请"),
            row("NOT_PROCESSED_3", "3.要求提供公开出版物", "not processed 3: published material", "公开出版物"),
            row("NOT_PROCESSED_4", "4.无正当理由大量反复申请", "not processed 4: mass repeated requests", "大量反复"),
            row("NOT_PROCESSED_5", "5.要求行政机关确认或重新出具已获取信息", "not processed 5: confirm or reissue information",
                    "重新出具", "确认或重新", "已获取信息"),
            new Line("OTHER", Group.OTHER, "（六）其他处理", "row 三(六) other handling", List.of("其他处理"), false, TemplateVersion.T2019),
            new Line("OTHER_1", Group.OTHER, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                    "other 1: applicant did not complete the request in time", List.of("逾期不补正", "不补正"), false, TemplateVersion.T2021),
            new Line("OTHER_2", Group.OTHER, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                    "other 2: applicant did not pay the fee in time", List.of("收费通知", "缴纳费用"), false, TemplateVersion.T2021),
            new Line("OTHER_3", Group.OTHER, "3.其他", "other 3: other", List.of("其他"), true, TemplateVersion.T2021),
            new Line(RequestTable.RESULT_TOTAL, null, "（七）总计", "row 三(七) total of results", List.of("总计", "合计"), true, null),
            row(RequestTable.CARRY_FORWARD, "四、结转下年度继续办理", "row 四 carried forward", "结转下年度", "下年度继续办理"));

    /** The line of a row code, or null. */
    public static Line line(String code) {
        for (Line l : LINES) {
            if (code.equals(l.code())) {
                return l;
            }
        }
        return null;
    }

    /** The template's label of a row, for a place named by its code ("（三）不予公开 4." for a sub-row); the code if unknown. */
    public static String labelZh(String code) {
        Line line = line(code);
        if (line == null) {
            return code;
        }
        return line.index() > 0 ? line.group().labelZh + " " + line.index() + "." : line.labelZh();
    }

    /** The row in English, as messages name it ("row 一 new requests", "row 三(三)4 withheld"). */
    public static String labelEn(String code) {
        Line line = line(code);
        if (line == null) {
            return "row " + code;
        }
        if (line.index() == 0) {
            return line.labelEn();
        }
        String group = line.group().labelZh;
        return "row 三(" + group.substring(group.indexOf('（') + 1, group.indexOf('）')) + ")" + line.index() + " " + line.group().labelEn;
    }

    /** The template a report year should follow. */
    public static TemplateVersion forYear(int year) {
        return year >= FIRST_2021_YEAR ? TemplateVersion.T2021 : TemplateVersion.T2019;
    }
}
