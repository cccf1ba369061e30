package gongkai.dashboard;

import gongkai.avro.ComplianceAlert;
import gongkai.avro.ReviewState;

/** The review standing of an alert as the topology annotated it on the open-alerts topic. */
final class ReviewBadge {
    private ReviewBadge() {
    }

    static String of(ComplianceAlert a) {
        ReviewState r = a.getReview();
        if (r == null) {
            return "<span class=\"review none\">" + Html.both("未审核", "not reviewed") + "</span>";
        }
        String label = switch (r.getAction()) {
            case ACKNOWLEDGE -> Html.both("已确认", "acknowledged");
            case DISMISS -> Html.both("已驳回", "dismissed");
            case REOPEN -> Html.both("已重开", "reopened");
        };
        return "<span class=\"review " + r.getAction().name().toLowerCase(java.util.Locale.ROOT) + "\" title=\"" + Html.attr(r.getReviewer() + ": " + r.getComment())
                + "\">" + label + "</span>";
    }
}
