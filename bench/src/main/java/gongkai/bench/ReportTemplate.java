package gongkai.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import gongkai.avro.TemplateVersion;
import gongkai.report.RequestTable;

/**
 * One real report used as a template: the 2019-format one (丰台区长辛店镇 2020, for years up to 2020) or the
 * 2021-format one (朝阳区金盏乡 2022, for 2021 on). A generated report is the template with the agency's
 * names and the years rewritten, the section-3 table replaced by generated numbers in the same flattened
 * text layout (one cell per tab-indented line, rows separated by blank lines), and the narrative sentences
 * that state request counts replaced by one that states none (so R-NAR-01 has nothing to compare).
 */
final class ReportTemplate {
    private static final Pattern COUNT_SENTENCE = Pattern.compile("\\d+件");

    static final ReportTemplate T2019 = load("template-2019.txt", TemplateVersion.T2019, 2020, "北京市", "丰台区", "长辛店镇");
    static final ReportTemplate T2021 = load("template-2021.txt", TemplateVersion.T2021, 2022, "北京市", "朝阳区", "金盏乡");

    final TemplateVersion version;
    private final int year;
    private final String city;
    private final String district;
    private final String town;
    private final String head;
    private final String sectionHeading;
    private final String tail;

    private ReportTemplate(TemplateVersion version, int year, String city, String district, String town, String head,
                           String sectionHeading, String tail) {
        this.version = version;
        this.year = year;
        this.city = city;
        this.district = district;
        this.town = town;
        this.head = head;
        this.sectionHeading = sectionHeading;
        this.tail = tail;
    }

    static ReportTemplate forYear(int year) {
        return year <= 2020 ? T2019 : T2021;
    }

    private static ReportTemplate load(String resource, TemplateVersion version, int year, String city, String district, String town) {
        String text;
        try (InputStream in = ReportTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template resource " + resource + " is missing from the bench jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = List.of(text.split("\n", -1));
        int s3 = -1;
        int s4 = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("\t")) {
                continue;
            }
            if (s3 < 0 && l.contains("收到和处理政府信息公开申请情况")) {
                s3 = i;
            } else if (s3 >= 0 && l.contains("行政复议、行政诉讼情况")) {
                s4 = i;
                break;
            }
        }
        if (s3 < 0 || s4 < 0) {
            throw new IllegalStateException("template " + resource + " has no section 3 / section 4 headings");
        }
        List<String> headLines = new ArrayList<>();
        for (String l : lines.subList(0, s3)) {
            // Sentences with request counts would need to follow the generated numbers; say none instead.
            headLines.add(!l.startsWith("\t") && COUNT_SENTENCE.matcher(l).find()
                    ? "{YEAR}年，{TOWN}通过当面、邮寄、电子邮件等方式受理政府信息公开申请，均在法定期限内依法作出答复。" : l);
        }
        String head = String.join("\n", headLines) + "\n";
        String tail = String.join("\n", lines.subList(s4, lines.size()));
        return new ReportTemplate(version, year, city, district, town, head, lines.get(s3), tail);
    }

    /** Every character a generated report can contain: both templates, the table labels, agency names, digits. */
    static java.util.Set<Integer> characters() {
        java.util.Set<Integer> out = new java.util.TreeSet<>();
        java.util.Random r = new java.util.Random(0);
        for (ReportTemplate t : List.of(T2019, T2021)) {
            t.render(Agency.of(0), t.year, RequestNumbers.consistent(t.version, null, r)).codePoints().forEach(out::add);
        }
        (Agency.alphabet() + "0123456789-").codePoints().forEach(out::add);
        return out;
    }

    /** The report text of {@code agency} for {@code reportYear} with these section-3 numbers. */
    String render(Agency agency, int reportYear, RequestNumbers numbers) {
        if (numbers.template != version) {
            throw new IllegalArgumentException("numbers for " + numbers.template + " in a " + version + " template");
        }
        StringBuilder out = new StringBuilder(9000);
        out.append(rewrite(head, agency, reportYear));
        out.append(sectionHeading).append("\n\n");
        appendTable(out, numbers);
        out.append("\n\n");
        out.append(rewrite(tail, agency, reportYear));
        return out.toString();
    }

    private String rewrite(String text, Agency agency, int reportYear) {
        String s = text.replace("{YEAR}", Integer.toString(year)).replace("{TOWN}", town);
        s = s.replace(city + district + town, agency.fullName().replace("人民政府", ""));
        s = s.replace(district, agency.district()).replace(town, agency.town());
        char own = town.charAt(town.length() - 1);
        char theirs = agency.town().charAt(agency.town().length() - 1);
        s = s.replace("我" + own, "我" + theirs).replace("本" + own, "本" + theirs);
        // Years: the template's year becomes the report year, the year before it the year before that.
        s = s.replace(Integer.toString(year - 1), "\u0001").replace(Integer.toString(year), Integer.toString(reportYear))
                .replace("\u0001", Integer.toString(reportYear - 1));
        return s;
    }

    private static void appendTable(StringBuilder out, RequestNumbers t) {
        out.append("\t（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n\t申请人情况\n\n");
        out.append("\t\n\t自然人\n\t法人或其他组织\n\t总计\n\n");
        out.append("\t\n\t\n\t商业企业\n\t科研机构\n\t社会公益组织\n\t法律服务机构\n\t其他\n\t\n\n");
        for (String code : t.codes) {
            switch (code) {
                case RequestTable.NEW -> out.append("\t一、本年新收政府信息公开申请数量\n");
                case RequestTable.CARRIED_OVER -> out.append("\t二、上年结转政府信息公开申请数量\n");
                case RequestTable.DISCLOSED -> out.append("\t三、本年度办理结果\n\t（一）予以公开\n");
                case RequestTable.PARTIAL -> out.append("\t\n\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n");
                case RequestTable.RESULT_TOTAL -> out.append("\t\n\t（七）总计\n");
                case RequestTable.CARRY_FORWARD -> out.append("\t四、结转下年度继续办理\n");
                case "OTHER" -> out.append("\t\n\t（六）其他处理\n");
                default -> out.append(subRowLabel(code));
            }
            long[] row = t.row(code);
            for (long v : row) {
                out.append('\t').append(v).append('\n');
            }
            out.append('\n');
        }
    }

    private static final String[] WITHHELD = {"属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”", "保护第三方合法权益",
            "属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项"};
    private static final String[] UNABLE = {"本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"};
    private static final String[] NOT_PROCESSED = {"信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请",
            "要求行政机关确认或重新出具已获取信息"};
    private static final String[] OTHER = {"申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "其他"};

    private static String subRowLabel(String code) {
        int us = code.lastIndexOf('_');
        String group = code.substring(0, us);
        int n = Integer.parseInt(code.substring(us + 1));
        String[] labels;
        String groupLabel;
        switch (group) {
            case "WITHHELD" -> { labels = WITHHELD; groupLabel = "（三）不予公开"; }
            case "UNABLE" -> { labels = UNABLE; groupLabel = "（四）无法提供"; }
            case "NOT_PROCESSED" -> { labels = NOT_PROCESSED; groupLabel = "（五）不予处理"; }
            case "OTHER" -> { labels = OTHER; groupLabel = "（六）其他处理"; }
            default -> throw new IllegalArgumentException("no label for row " + code);
        }
        String first = n == 1 ? "\t" + groupLabel + "\n" : "\t\n";
        return "\t\n" + first + "\t" + n + "." + labels[n - 1] + "\n";
    }
}
