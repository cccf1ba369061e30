package gongkai.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import gongkai.avro.AlertStatus;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.DisclosureReport;
import gongkai.avro.ReportVerdict;

/**
 * One agency: its years side by side (each year's section 3 next to the previous year's, the carried-over
 * and carried-forward rows highlighted, each continuity alert drawn as a link between the two cells it
 * compares), and its versions with what each raised or resolved.
 */
final class AgencyPage {
    private AgencyPage() {
    }

    static String render(ViewState state, String agency) {
        Map<Integer, DisclosureReport> years = ReportChoice.standing(state, agency);
        List<ComplianceAlert> open = state.openAlerts().stream().filter(a -> a.getAgency().equals(agency)).toList();
        StringBuilder h = new StringBuilder("<h1>").append(Html.text(agency)).append("</h1>");
        if (years.isEmpty() && open.isEmpty()) {
            // The header's search box gives part of a name: offer the agencies whose name contains it.
            List<String> matches = state.agencies().stream().filter(n -> n.contains(agency)).toList();
            h.append("<p class=\"notice\">").append(Html.both(matches.isEmpty() ? "没有此机关的报告" : "名称包含此文字的机关",
                    matches.isEmpty() ? "No report of this agency" : "Agencies whose name contains this")).append("</p><ul>");
            matches.forEach(n -> h.append("<li><a href=\"/agency?name=").append(Html.q(n)).append("\">").append(Html.text(n)).append("</a></li>"));
            h.append("</ul>");
            return Layout.page("机关", "Agency", "agency", h.toString());
        }
        verdicts(h, state, agency);

        h.append("<h2>").append(Html.both("历年对照（第三部分）", "Years side by side (section 3)")).append("</h2>");
        List<Integer> ys = new ArrayList<>(years.keySet());
        for (int i = 0; i < ys.size(); i++) {
            int year = ys.get(i);
            DisclosureReport current = years.get(year);
            DisclosureReport previous = years.get(year - 1);
            List<ComplianceAlert> continuity = open.stream()
                    .filter(a -> a.getYear() == year && "continuity".equals(a.getKind())).toList();
            h.append("<section class=\"pair\" id=\"y").append(year).append("\"><h3>").append(previous != null ? (year - 1) + " → " : "").append(year).append("</h3>");
            h.append("<div class=\"side-by-side\">");
            if (previous != null) {
                column(h, state, previous, open.stream().filter(a -> a.getYear() == year - 1 || continuity.contains(a)).toList());
            }
            column(h, state, current, open.stream().filter(a -> a.getYear() == year).toList());
            h.append("<svg class=\"links\" aria-hidden=\"true\"></svg></div>");
            if (!continuity.isEmpty()) {
                h.append("<ul class=\"continuity\">");
                for (ComplianceAlert a : continuity) {
                    List<CellMark> cells = CellMark.of(a, ReportChoice.previousReportId(state, a));
                    CellMark from = cells.stream().filter(c -> c.side() == CellMark.Side.LEFT).findFirst().orElse(null);
                    CellMark to = cells.stream().filter(c -> c.side() == CellMark.Side.RIGHT).findFirst().orElse(null);
                    h.append("<li class=\"continuity-link sev-").append(a.getSeverity().name().toLowerCase(java.util.Locale.ROOT)).append('"');
                    if (from != null && to != null) {
                        h.append(" data-from-report=\"").append(Html.attr(from.reportId())).append("\" data-from-cell=\"").append(Html.attr(from.key()))
                                .append("\" data-to-report=\"").append(Html.attr(to.reportId())).append("\" data-to-cell=\"").append(Html.attr(to.key())).append('"');
                    }
                    h.append("><a href=\"/alert?key=").append(Html.q(a.getAlertKey())).append("\">").append(Html.text(a.getRuleId())).append("</a> ")
                            .append(Html.text(a.getMessageZh())).append(" <span class=\"en\">").append(Html.text(a.getMessageEn())).append("</span> ")
                            .append(ReviewBadge.of(a)).append("</li>");
                }
                h.append("</ul>");
            }
            h.append("</section>");
        }
        versions(h, state, agency);
        return Layout.page("机关", "Agency", "agency", h.toString());
    }

    private static void column(StringBuilder h, ViewState state, DisclosureReport r, List<ComplianceAlert> alerts) {
        h.append("<div class=\"year\"><h4><a href=\"/report?id=").append(Html.q(r.getReportId())).append("\">").append(r.getYear()).append("年 ")
                .append(Html.both("报告", "report")).append("</a> <code>").append(Html.text(r.getVersion().getSha256().substring(0, 12))).append("</code></h4>")
                .append(Tables.requestTable(r, ReportChoice.marks(state, alerts, r.getReportId()))).append("</div>");
    }

    private static void verdicts(StringBuilder h, ViewState state, String agency) {
        List<ReportVerdict> vs = state.verdicts().stream().filter(v -> v.getAgency().equals(agency))
                .sorted(java.util.Comparator.comparing(ReportVerdict::getYear)).toList();
        if (vs.isEmpty()) {
            return;
        }
        h.append("<table class=\"compact verdicts\"><thead><tr><th>年度 <span class=\"en\">year</span></th><th>结论 <span class=\"en\">verdict</span></th>")
                .append("<th>错误 <span class=\"en\">E</span></th><th>警告 <span class=\"en\">W</span></th><th>提示 <span class=\"en\">I</span></th></tr></thead><tbody>");
        for (ReportVerdict v : vs) {
            h.append("<tr class=\"verdict-").append(v.getOutcome().name().toLowerCase(java.util.Locale.ROOT)).append("\"><td><a href=\"/report?id=")
                    .append(Html.q(v.getReportId())).append("\">").append(v.getYear()).append("</a></td><td>").append(v.getOutcome().name()).append("</td><td>")
                    .append(v.getErrors()).append("</td><td>").append(v.getWarnings()).append("</td><td>").append(v.getInfos()).append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    /** Like {@code ./monitor history}: each version, when it arrived, what it raised and resolved. */
    private static void versions(StringBuilder h, ViewState state, String agency) {
        h.append("<h2>").append(Html.both("版本", "Versions")).append("</h2><ol class=\"versions\">");
        List<ComplianceAlert> events = state.events(agency);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (DisclosureReport r : state.versions(agency)) {
            String sha = r.getVersion().getSha256();
            boolean duplicate = !seen.add(r.getYear() + "|" + sha);
            h.append("<li><a href=\"/report?id=").append(Html.q(r.getReportId())).append("\">").append(r.getYear()).append("</a> ")
                    .append(Html.text(r.getVersion().getReceivedAt())).append(" <code>").append(Html.text(sha.substring(0, 12))).append("</code> ")
                    .append(Html.sourceLink(r.getVersion().getSource()));
            if (duplicate) {
                h.append(" <span class=\"muted\">").append(Html.both("相同内容，无变化", "same content again: no change")).append("</span></li>");
                continue;
            }
            List<ComplianceAlert> mine = events.stream().filter(a -> a.getYear() == r.getYear() && a.getReport().getSha256().equals(sha)).toList();
            long raised = mine.stream().filter(a -> a.getStatus() == AlertStatus.RAISED).count();
            long resolved = mine.stream().filter(a -> a.getStatus() == AlertStatus.RESOLVED).count();
            h.append(" — ").append(Html.both("新增", "raised")).append(' ').append(raised).append(", ").append(Html.both("解决", "resolved")).append(' ').append(resolved);
            if (!mine.isEmpty()) {
                h.append("<ul class=\"events\">");
                for (ComplianceAlert a : mine) {
                    h.append("<li class=\"").append(a.getStatus().name().toLowerCase(java.util.Locale.ROOT)).append("\">").append(a.getStatus().name()).append(' ')
                            .append(Html.text(a.getRuleId())).append(' ').append(Html.place(a.getLocation())).append("</li>");
                }
                h.append("</ul>");
            }
            h.append("</li>");
        }
        h.append("</ol>");
    }
}
