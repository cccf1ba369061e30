package gongkai.dashboard;

import java.util.List;

import gongkai.avro.AlertReview;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.ReviewAction;

/** One alert with its review trail and the form to acknowledge, dismiss or reopen it (POST with a CSRF token). */
final class AlertPage {
    private AlertPage() {
    }

    static String render(ComplianceAlert a, boolean standing, List<AlertReview> trail, String csrfToken, boolean tokenField) {
        StringBuilder h = new StringBuilder();
        h.append("<h1>").append(Html.text(a.getRuleId())).append(' ').append(Html.text(a.getAgency())).append(' ').append(a.getYear()).append("</h1>");
        h.append("<p>").append(standing ? Html.both("当前有效", "standing") : Html.both("已解决", "resolved")).append(" · ").append(a.getSeverity().name())
                .append(" · ").append(ReviewBadge.of(a)).append("</p>");
        h.append("<p>").append(Html.text(a.getMessageZh())).append("</p><p class=\"en\">").append(Html.text(a.getMessageEn())).append("</p>");
        h.append("<p>").append(Html.both("应为", "expected")).append(" <b>").append(Html.text(a.getExpected())).append("</b> · ")
                .append(Html.both("实为", "actual")).append(" <b>").append(Html.text(a.getActual())).append("</b> · <a href=\"/report?id=")
                .append(Html.q(a.getReportId())).append('#').append(Tables.anchor(a.getAlertKey())).append("\">").append(Html.both("在报告中查看", "see it in the report"))
                .append("</a> · <a href=\"/agency?name=").append(Html.q(a.getAgency())).append("#y").append(a.getYear()).append("\">")
                .append(Html.both("机关历年对照", "agency, years side by side")).append("</a></p>");

        if (standing) {
            h.append("<form class=\"review-form\" method=\"post\" action=\"/review\"><input type=\"hidden\" name=\"csrf\" value=\"").append(Html.attr(csrfToken))
                    .append("\"><input type=\"hidden\" name=\"key\" value=\"").append(Html.attr(a.getAlertKey())).append("\"><fieldset><legend>")
                    .append(Html.both("审核", "Review")).append("</legend>");
            for (ReviewAction action : ReviewAction.values()) {
                String label = switch (action) {
                    case ACKNOWLEDGE -> Html.both("确认", "acknowledge");
                    case DISMISS -> Html.both("驳回（不是问题）", "dismiss (not a defect)");
                    case REOPEN -> Html.both("重开", "reopen");
                };
                h.append("<label><input type=\"radio\" name=\"action\" value=\"").append(action.name()).append("\" id=\"action-")
                        .append(action.name().toLowerCase(java.util.Locale.ROOT)).append("\"> ").append(label).append("</label>");
            }
            h.append("<label>").append(Html.both("审核人", "reviewer")).append(" <input name=\"reviewer\" maxlength=\"100\"></label>")
                    .append("<label>").append(Html.both("意见", "comment")).append("<textarea name=\"comment\" maxlength=\"2000\" rows=\"3\"></textarea></label>");
            if (tokenField) {
                h.append("<label>").append(Html.both("访问令牌", "access token")).append(" <input type=\"password\" name=\"token\" autocomplete=\"off\"></label>");
            }
            h.append("<button id=\"review-submit\">").append(Html.both("提交", "Submit")).append("</button></fieldset></form>");
        }

        h.append("<h2>").append(Html.both("审核记录", "Review trail")).append("</h2>");
        if (trail.isEmpty()) {
            h.append("<p class=\"none\">").append(Html.both("无", "none")).append("</p>");
        } else {
            h.append("<ol class=\"trail\">");
            for (AlertReview r : trail) {
                h.append("<li>").append(Html.text(r.getReviewedAt())).append(' ').append(r.getAction().name()).append(" · ").append(Html.text(r.getReviewer()))
                        .append(" · ").append(Html.text(r.getComment())).append("</li>");
            }
            h.append("</ol>");
        }
        return Layout.page("告警", "Alert", "alert", h.toString());
    }
}
