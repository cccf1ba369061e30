package gongkai.dashboard;

import java.util.List;

/** Documents the monitor could not read, newest first, with the reason: for crawler operators. */
final class RejectedPage {
    private RejectedPage() {
    }

    static String render(List<Rejection> rejections) {
        StringBuilder h = new StringBuilder("<h1>").append(Html.both("无法读取的文件", "Documents the monitor could not read")).append("</h1>");
        if (rejections.isEmpty()) {
            h.append("<p class=\"none\">").append(Html.both("无", "none")).append("</p>");
            return Layout.page("无法读取", "Rejected", "rejected", h.toString());
        }
        h.append("<table class=\"rejected\"><thead><tr><th>时间 <span class=\"en\">when</span></th><th>来源 <span class=\"en\">source</span></th>")
                .append("<th>原因 <span class=\"en\">reason</span></th><th>规则 <span class=\"en\">rule</span></th><th>大小 <span class=\"en\">bytes</span></th>")
                .append("<th>位置 <span class=\"en\">record</span></th></tr></thead><tbody>");
        for (Rejection r : rejections) {
            h.append("<tr><td>").append(Html.text(r.rejectedAt())).append("</td><td>").append(Html.sourceLink(r.source())).append("</td><td><code>")
                    .append(Html.text(r.reasonCode())).append("</code> ").append(Html.text(r.reason())).append("</td><td>").append(Html.text(r.ruleId()))
                    .append("</td><td>").append(r.size()).append("</td><td><code>").append(Html.text(r.sourceTopic() + "-" + r.sourcePartition() + "@" + r.sourceOffset()))
                    .append("</code></td></tr>");
        }
        h.append("</tbody></table>");
        return Layout.page("无法读取", "Rejected", "rejected", h.toString());
    }
}
