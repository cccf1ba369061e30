package gongkai.dashboard;

import java.util.List;

import gongkai.avro.ComplianceAlert;

/** Every agency the monitor has a report or an alert of, with its standing alerts. */
final class AgenciesPage {
    private AgenciesPage() {
    }

    static String render(ViewState state) {
        List<ComplianceAlert> open = state.openAlerts();
        java.util.TreeSet<String> names = new java.util.TreeSet<>(state.agencies());
        open.forEach(a -> names.add(a.getAgency()));
        StringBuilder h = new StringBuilder("<h1>").append(Html.both("机关", "Agencies")).append("</h1><table class=\"compact\"><tbody>");
        for (String n : names) {
            long standing = open.stream().filter(a -> a.getAgency().equals(n) && !AlertQuery.dismissed(a)).count();
            h.append("<tr><th><a href=\"/agency?name=").append(Html.q(n)).append("\">").append(Html.text(n)).append("</a></th><td>").append(standing)
                    .append(' ').append(Html.both("条告警", "alerts")).append("</td></tr>");
        }
        return Layout.page("机关", "Agencies", "agencies", h.append("</tbody></table>").toString());
    }
}
