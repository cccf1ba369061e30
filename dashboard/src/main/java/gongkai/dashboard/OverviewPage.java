package gongkai.dashboard;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import gongkai.avro.ComplianceAlert;
import gongkai.avro.Severity;

/** Standing alerts by severity, rule and agency; the missing and late reports; the filtered list; live counts. */
final class OverviewPage {
    /** Rows the page lists; hundreds of agencies can stand thousands of alerts, which the exports carry whole. */
    static final int MAX_ROWS = 500;
    private OverviewPage() {
    }

    static String render(List<ComplianceAlert> open, AlertQuery query, boolean ready) {
        StringBuilder h = new StringBuilder();
        h.append("<h1>").append(Html.both("总览", "Overview")).append("</h1>");
        if (!ready) {
            h.append("<p class=\"notice\">").append(Html.both("正在读取主题，数字尚不完整", "Still reading the topics: the numbers are not complete yet")).append("</p>");
        }
        Map<String, Object> counts = Counts.of(open);
        h.append("<section class=\"cards\">");
        card(h, "ERROR", "错误", "errors", counts);
        card(h, "WARNING", "警告", "warnings", counts);
        card(h, "INFO", "提示", "notes", counts);
        card(h, "DISMISSED", "已驳回", "dismissed", counts);
        h.append("<div class=\"card live\"><span class=\"label\">").append(Html.both("实时", "Live"))
                .append("</span><span id=\"live-state\" class=\"live-state\">…</span></div></section>");
        // Events since the page opened, newest first: the office sees what just happened without reloading.
        h.append("<section class=\"live-panel\"><h2>").append(Html.both("实时事件", "Live events")).append("</h2><ol id=\"live-feed\" class=\"feed\"></ol></section>");

        List<ComplianceAlert> active = open.stream().filter(a -> !AlertQuery.dismissed(a)).toList();
        h.append("<section class=\"columns\">");
        h.append("<div><h2>").append(Html.both("按规则", "By rule")).append("</h2><table class=\"compact\"><tbody>");
        Map<String, Long> byRule = active.stream().collect(Collectors.groupingBy(ComplianceAlert::getRuleId, TreeMap::new, Collectors.counting()));
        byRule.forEach((rule, n) -> h.append("<tr><th><a href=\"/?rule=").append(Html.q(rule)).append("\">").append(Html.text(rule))
                .append("</a></th><td>").append(n).append("</td></tr>"));
        h.append("</tbody></table></div>");

        h.append("<div><h2>").append(Html.both("按机关", "By agency")).append("</h2><table class=\"compact\"><thead><tr><th></th><th>错误 <span class=\"en\">E</span></th><th>警告 <span class=\"en\">W</span></th><th>提示 <span class=\"en\">I</span></th></tr></thead><tbody>");
        Map<String, List<ComplianceAlert>> byAgency = active.stream().collect(Collectors.groupingBy(ComplianceAlert::getAgency, TreeMap::new, Collectors.toList()));
        byAgency.entrySet().stream()
                .sorted((x, y) -> Long.compare(weight(y.getValue()), weight(x.getValue())))
                .forEach(e -> h.append("<tr><th><a href=\"/agency?name=").append(Html.q(e.getKey())).append("\">").append(Html.text(e.getKey()))
                        .append("</a></th><td>").append(count(e.getValue(), Severity.ERROR)).append("</td><td>").append(count(e.getValue(), Severity.WARNING))
                        .append("</td><td>").append(count(e.getValue(), Severity.INFO)).append("</td></tr>"));
        h.append("</tbody></table></div></section>");

        h.append("<section class=\"columns\">");
        rulePanel(h, active, "R-MISS-01", "未发布年度报告", "Reports not published (R-MISS-01)");
        rulePanel(h, active, "R-DL-01", "逾期发布", "Published late (R-DL-01)");
        h.append("</section>");

        h.append("<section><h2>").append(Html.both("告警", "Alerts")).append("</h2>");
        filterForm(h, query);
        List<ComplianceAlert> shown = query.apply(open);
        String qs = query.toQueryString();
        h.append("<p class=\"export\">").append(shown.size()).append(" ").append(Html.both("条", "shown")).append(" · ")
                .append("<a id=\"export-csv\" href=\"/export.csv").append(qs.isEmpty() ? "" : "?" + Html.attr(qs)).append("\">CSV</a> · ")
                .append("<a id=\"export-xlsx\" href=\"/export.xlsx").append(qs.isEmpty() ? "" : "?" + Html.attr(qs)).append("\">Excel (.xlsx)</a></p>");
        if (shown.size() > MAX_ROWS) {
            h.append("<p class=\"notice\">").append(Html.both("只显示最严重的 " + MAX_ROWS + " 条；导出文件包含全部", "Showing the worst " + MAX_ROWS
                    + "; the exports hold them all")).append("</p>");
        }
        alertTable(h, shown.subList(0, Math.min(shown.size(), MAX_ROWS)));
        h.append("</section>");
        return Layout.page("总览", "Overview", "overview", h.toString());
    }

    private static long weight(List<ComplianceAlert> alerts) {
        return alerts.stream().mapToLong(a -> a.getSeverity() == Severity.ERROR ? 1_000_000 : a.getSeverity() == Severity.WARNING ? 1_000 : 1).sum();
    }

    private static long count(List<ComplianceAlert> alerts, Severity s) {
        return alerts.stream().filter(a -> a.getSeverity() == s).count();
    }

    private static void card(StringBuilder h, String key, String zh, String en, Map<String, Object> counts) {
        h.append("<div class=\"card ").append(key.toLowerCase(java.util.Locale.ROOT)).append("\"><span class=\"label\">").append(Html.both(zh, en))
                .append("</span><span class=\"count\" data-count=\"").append(key).append("\">").append(counts.get(key)).append("</span></div>");
    }

    private static void rulePanel(StringBuilder h, List<ComplianceAlert> active, String rule, String zh, String en) {
        List<ComplianceAlert> alerts = active.stream().filter(a -> a.getRuleId().equals(rule)).sorted(AlertQuery.WORST_FIRST).toList();
        h.append("<div class=\"panel\" id=\"").append(rule).append("\"><h2>").append(Html.both(zh, en)).append("</h2>");
        if (alerts.isEmpty()) {
            h.append("<p class=\"none\">").append(Html.both("无", "none")).append("</p></div>");
            return;
        }
        h.append("<table class=\"compact\"><tbody>");
        for (ComplianceAlert a : alerts) {
            h.append("<tr><th><a href=\"/agency?name=").append(Html.q(a.getAgency())).append("\">").append(Html.text(a.getAgency())).append("</a></th><td>")
                    .append(a.getYear()).append("</td><td>").append(Html.text(a.getExpected())).append(" → ").append(Html.text(a.getActual()))
                    .append("</td><td><a href=\"/alert?key=").append(Html.q(a.getAlertKey())).append("\">").append(Html.both("详情", "details")).append("</a></td></tr>");
        }
        h.append("</tbody></table></div>");
    }

    private static void filterForm(StringBuilder h, AlertQuery q) {
        var f = q.filter();
        h.append("<form class=\"filter\" method=\"get\" action=\"/\"><label>").append(Html.both("最低级别", "min. severity")).append(" <select name=\"severity\">");
        for (Severity s : new Severity[] {Severity.INFO, Severity.WARNING, Severity.ERROR}) {
            h.append("<option").append(s == f.minSeverity() ? " selected" : "").append('>').append(s.name()).append("</option>");
        }
        h.append("</select></label><label>").append(Html.both("机关", "agency")).append(" <input name=\"agency\" value=\"").append(Html.attr(f.agency())).append("\"></label>")
                .append("<label>").append(Html.both("年度", "year")).append(" <input name=\"year\" size=\"5\" value=\"").append(Html.attr(f.year())).append("\"></label>")
                .append("<label>").append(Html.both("规则", "rule")).append(" <input name=\"rule\" size=\"9\" value=\"").append(Html.attr(f.ruleId())).append("\"></label>")
                .append("<label>").append(Html.both("审核", "review")).append(" <select name=\"show\">");
        for (AlertQuery.Show s : AlertQuery.Show.values()) {
            String v = s.name().toLowerCase(java.util.Locale.ROOT);
            h.append("<option value=\"").append(v).append('"').append(s == q.show() ? " selected" : "").append('>').append(switch (s) {
                case ACTIVE -> "待处理 active";
                case DISMISSED -> "已驳回 dismissed";
                case ALL -> "全部 all";
            }).append("</option>");
        }
        h.append("</select></label><button>").append(Html.both("筛选", "Filter")).append("</button></form>");
    }

    static void alertTable(StringBuilder h, List<ComplianceAlert> alerts) {
        h.append("<table class=\"alerts\"><thead><tr><th>级别 <span class=\"en\">severity</span></th><th>规则 <span class=\"en\">rule</span></th>")
                .append("<th>机关 <span class=\"en\">agency</span></th><th>年度 <span class=\"en\">year</span></th><th>位置 <span class=\"en\">place</span></th>")
                .append("<th>应为 / 实为 <span class=\"en\">expected / actual</span></th><th>说明 <span class=\"en\">message</span></th><th>审核 <span class=\"en\">review</span></th></tr></thead><tbody>");
        for (ComplianceAlert a : alerts) {
            h.append("<tr class=\"sev-").append(a.getSeverity().name().toLowerCase(java.util.Locale.ROOT)).append("\" data-rule=\"").append(Html.attr(a.getRuleId()))
                    .append("\" data-key=\"").append(Html.attr(a.getAlertKey())).append("\"><td>").append(a.getSeverity().name()).append("</td><td>")
                    .append("<a class=\"alert-link\" href=\"/alert?key=").append(Html.q(a.getAlertKey())).append("\">").append(Html.text(a.getRuleId())).append("</a></td><td>")
                    .append("<a class=\"agency-link\" href=\"/agency?name=").append(Html.q(a.getAgency())).append("#y").append(a.getYear()).append("\">")
                    .append(Html.text(a.getAgency())).append("</a></td><td>").append(a.getYear()).append("</td><td>")
                    .append(Html.place(a.getLocation())).append("</td><td>")
                    .append(Html.text(a.getExpected())).append(" / ").append(Html.text(a.getActual())).append("</td><td><div>")
                    .append(Html.text(a.getMessageZh())).append("</div><div class=\"en\">").append(Html.text(a.getMessageEn())).append("</div></td><td>")
                    .append(ReviewBadge.of(a)).append("</td></tr>");
        }
        h.append("</tbody></table>");
    }
}
