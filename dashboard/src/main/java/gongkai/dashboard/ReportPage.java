package gongkai.dashboard;

import java.util.List;

import gongkai.avro.CellRef;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.DisclosureReport;
import gongkai.avro.NarrativeClaim;
import gongkai.avro.ParseWarning;
import gongkai.avro.SectionHeading;
import gongkai.report.RequestTable;

/**
 * One parsed report version as a person reads it: identity, source and sha256, the sections and tables,
 * each cell an alert names highlighted, and the alerts with their bilingual message, expected/actual and
 * the cells on each side.
 */
final class ReportPage {
    private ReportPage() {
    }

    static String render(ViewState state, DisclosureReport r) {
        // The alerts about this version, and the next year's continuity alerts that name cells of it.
        List<ComplianceAlert> alerts = state.openAlerts().stream()
                .filter(a -> a.getReportId().equals(r.getReportId())
                        || CellMark.of(a, ReportChoice.previousReportId(state, a)).stream().anyMatch(m -> m.reportId().equals(r.getReportId())))
                .sorted(AlertQuery.WORST_FIRST).toList();
        Tables.Marks marks = ReportChoice.marks(state, alerts, r.getReportId());
        StringBuilder h = new StringBuilder();
        h.append("<h1 class=\"report-title\">").append(Html.text(r.getTitle())).append("</h1>");
        h.append("<dl class=\"facts\"><dt>").append(Html.both("机关", "agency")).append("</dt><dd><a href=\"/agency?name=").append(Html.q(r.getAgency()))
                .append("\">").append(Html.text(r.getAgency())).append("</a> <span class=\"muted\">(").append(r.getAgencySource().name()).append(")</span></dd>")
                .append("<dt>").append(Html.both("年度", "year")).append("</dt><dd>").append(r.getYear()).append(" · ").append(r.getTemplate().name()).append("</dd>")
                .append("<dt>").append(Html.both("来源", "source")).append("</dt><dd>").append(Html.sourceLink(r.getVersion().getSource())).append("</dd>")
                .append("<dt>sha256</dt><dd><code class=\"sha\">").append(Html.text(r.getVersion().getSha256())).append("</code></dd>")
                .append("<dt>").append(Html.both("报送者", "submitted by")).append("</dt><dd>")
                .append(Html.text(submittedBy(r.getVersion()))).append("</dd>")
                .append("<dt>").append(Html.both("收到", "received")).append("</dt><dd>").append(Html.text(r.getVersion().getReceivedAt())).append("</dd>")
                .append("<dt>").append(Html.both("发布日期", "published")).append("</dt><dd>")
                .append(r.getVersion().getPublishedAt() == null ? Html.both("未知", "unknown") : Html.text(r.getVersion().getPublishedAt())).append("</dd></dl>");

        h.append("<h2>").append(Html.both("章节", "Sections")).append("</h2><ol class=\"sections\">");
        for (SectionHeading s : r.getSections()) {
            h.append("<li value=\"").append(s.getNumber()).append("\">").append(Html.text(CellMark.plain(s.getHeading())))
                    .append(" <span class=\"muted\">").append(s.getNumbering().name()).append("</span></li>");
        }
        h.append("</ol>");

        h.append("<h2>").append(Html.both("二、主动公开政府信息情况", "2. Proactive disclosure")).append("</h2>").append(Tables.activeTable(r, marks));
        h.append("<h2>").append(Html.both("三、收到和处理政府信息公开申请情况", "3. Requests received and handled")).append("</h2>").append(Tables.requestTable(r, marks));
        h.append("<h2>").append(Html.both("四、政府信息公开行政复议、行政诉讼情况", "4. Administrative review and litigation")).append("</h2>").append(Tables.reviewTable(r, marks));
        h.append("<h2>").append(Html.both("六、收费情况", "6. Fees")).append("</h2><p>")
                .append(r.getFeeStatement() == null ? Html.both("（未说明）", "(not stated)") : Html.text(r.getFeeStatement())).append("</p>");

        h.append("<h2>").append(Html.both("告警", "Alerts")).append(" (").append(alerts.size()).append(")</h2>");
        for (ComplianceAlert a : alerts) {
            alert(h, state, a);
        }
        if (!r.getClaims().isEmpty()) {
            h.append("<h2>").append(Html.both("正文所述数字", "Counts stated in the text")).append("</h2><ul>");
            for (NarrativeClaim c : r.getClaims()) {
                h.append("<li>").append(c.getKind().name()).append(' ').append(c.getValue()).append(" 「").append(Html.text(c.getPhrase())).append("」</li>");
            }
            h.append("</ul>");
        }
        if (!r.getWarnings().isEmpty()) {
            h.append("<h2>").append(Html.both("解析提示", "Parser notes")).append("</h2><ul>");
            for (ParseWarning w : r.getWarnings()) {
                h.append("<li><code>").append(Html.text(w.getCode())).append("</code> ").append(Html.text(w.getMessage())).append("</li>");
            }
            h.append("</ul>");
        }
        return Layout.page("报告", "Report", "report", h.toString());
    }

    private static void alert(StringBuilder h, ViewState state, ComplianceAlert a) {
        h.append("<article class=\"alert sev-").append(a.getSeverity().name().toLowerCase(java.util.Locale.ROOT)).append("\" id=\"")
                .append(Tables.anchor(a.getAlertKey())).append("\"><header><strong>").append(a.getSeverity().name()).append(' ').append(Html.text(a.getRuleId()))
                .append("</strong> ").append(Html.text(a.getYear())).append(" · ").append(Html.place(a.getLocation()))
                .append(' ').append(ReviewBadge.of(a)).append(" <a href=\"/alert?key=").append(Html.q(a.getAlertKey())).append("\">")
                .append(Html.both("审核", "review")).append("</a></header>")
                .append("<p>").append(Html.text(a.getMessageZh())).append("</p><p class=\"en\">").append(Html.text(a.getMessageEn())).append("</p>")
                .append("<p>").append(Html.both("应为", "expected")).append(" <b>").append(Html.text(a.getExpected())).append("</b> · ")
                .append(Html.both("实为", "actual")).append(" <b>").append(Html.text(a.getActual())).append("</b>");
        if (a.getDelta() != null) {
            h.append(" · ").append(Html.both("差", "delta")).append(" <b>").append(a.getDelta()).append("</b>");
        }
        h.append("</p>");
        if (!a.getLeft().isEmpty() || !a.getRight().isEmpty()) {
            h.append("<div class=\"sides\">");
            sideList(h, "左边", "left side", a.getLeft());
            sideList(h, "右边", "right side", a.getRight());
            h.append("</div>");
        } else {
            comparedCells(h, state, a);
        }
        h.append("</article>");
    }

    /** For alerts whose rule does not list its cells: the cells its place names, with the values the reports state. */
    private static void comparedCells(StringBuilder h, ViewState state, ComplianceAlert a) {
        List<CellMark> marks = CellMark.of(a, ReportChoice.previousReportId(state, a));
        if (marks.size() < 2) {
            return;
        }
        h.append("<ul class=\"compared\">");
        for (CellMark m : marks) {
            DisclosureReport r = state.report(m.reportId()).orElse(null);
            int column = RequestTable.COLUMNS.indexOf(m.column());
            Long value = r == null || m.section() != 3 || column < 0 ? null : RequestTable.cell(r, m.row(), column);
            h.append("<li>").append(r == null ? "" : r.getYear() + " · ").append(Html.text(m.section() + " · " + m.row() + " · " + m.column()))
                    .append(" = <b>").append(value == null ? "?" : value.toString()).append("</b></li>");
        }
        h.append("</ul>");
    }

    private static void sideList(StringBuilder h, String zh, String en, List<CellRef> cells) {
        h.append("<div><h4>").append(Html.both(zh, en)).append("</h4><ul>");
        for (CellRef c : cells) {
            h.append("<li>").append(Html.text(c.getSection() + " · " + c.getRow() + " · " + c.getColumn())).append(" = <b>")
                    .append(c.getValue() == null ? Html.both("空", "blank") : c.getValue().toString()).append("</b>");
            if (c.getReportId() != null) {
                h.append(" <a href=\"/report?id=").append(Html.q(c.getReportId())).append("\">").append(Html.text(c.getReportId())).append("</a>");
            }
            h.append("</li>");
        }
        h.append("</ul></div>");
    }

    /** Who submitted the version, and the Kafka principal it wrote as on a secured cluster ("—" when unknown). */
    static String submittedBy(gongkai.avro.ReportVersion v) {
        String by = v.getSubmitter() == null ? "—" : v.getSubmitter();
        return v.getPrincipal() == null ? by : by + " (" + v.getPrincipal() + ")";
    }
}
