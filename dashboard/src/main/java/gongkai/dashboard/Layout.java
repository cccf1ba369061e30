package gongkai.dashboard;

/** The frame of every page: bilingual navigation, the monitor's own stylesheet and script (no CDN). */
final class Layout {
    private Layout() {
    }

    static String page(String titleZh, String titleEn, String page, String body) {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Html.text(titleZh) + " · " + Html.text(titleEn) + " — 公开 Gongkai Monitor</title>"
                + "<link rel=\"stylesheet\" href=\"/static/app.css\">"
                + "<script src=\"/static/app.js\" defer></script></head>"
                + "<body data-page=\"" + Html.attr(page) + "\"><header><a class=\"brand\" href=\"/\">公开 <span class=\"en\">Gongkai Monitor</span></a>"
                + "<nav><a href=\"/\">" + Html.both("总览", "Overview") + "</a>"
                + "<a href=\"/agencies\">" + Html.both("机关", "Agencies") + "</a>"
                + "<a href=\"/rejected\">" + Html.both("无法读取", "Rejected") + "</a></nav>"
                + "<form class=\"search\" action=\"/agency\" method=\"get\"><input name=\"name\" placeholder=\"机关名称 agency\" aria-label=\"agency\">"
                + "<button>" + Html.both("查看", "Go") + "</button></form></header>\n<main>" + body + "</main>"
                + "<footer>" + Html.both("数据来自 Kafka 主题，实时更新", "Read from the monitor's Kafka topics, updated live") + "</footer></body></html>\n";
    }
}
