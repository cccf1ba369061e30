package gongkai.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A generated report as a government site publishes it on a web page: the site's header, search box, navigation,
 * breadcrumbs, sharing links, related links and footer around the article, the national guidelines' meta tags
 * (ArticleTitle, PubDate, ContentSource), and the report's tables as HTML tables. Deterministic, so that an exact
 * duplicate of a submission is the same bytes.
 */
final class SitePage {
    private SitePage() {
    }

    static byte[] render(String text, Agency agency, int year) {
        ReportBlocks report = ReportBlocks.of(text);
        StringBuilder body = new StringBuilder(text.length() * 2);
        for (Object block : report.blocks()) {
            if (block instanceof ReportBlocks.Table t) {
                body.append("<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" style=\"border-collapse:collapse\"><tbody>\n");
                for (List<String> row : t.rows()) {
                    body.append("<tr>");
                    for (String cell : row) {
                        body.append("<td style=\"padding:2px 4px\"><p style=\"text-align:center\">").append(esc(cell)).append("</p></td>");
                    }
                    body.append("</tr>\n");
                }
                body.append("</tbody></table>\n");
            } else {
                body.append("<p style=\"text-indent:2em\">").append(esc((String) block)).append("</p>\n");
            }
        }
        String site = agency.fullName() + "门户网站";
        String page = """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <meta http-equiv="X-UA-Compatible" content="IE=edge">
                <meta name="SiteName" content="%2$s">
                <meta name="ColumnName" content="政府信息公开年报">
                <meta name="ArticleTitle" content="%1$s">
                <meta name="PubDate" content="%4$s 09:30">
                <meta name="ContentSource" content="%3$s">
                <title>%1$s_政府信息公开年报_%2$s</title>
                <link rel="stylesheet" href="/css/common.css">
                <script type="text/javascript">function setFont(n){document.getElementById('zoom').style.fontSize=n+'px';}</script>
                </head>
                <body>
                <div class="header">
                  <div class="top"><a href="/">首页</a> | <a href="/wza">无障碍浏览</a> <span>网站支持IPv6</span></div>
                  <div class="search"><form action="/search"><input type="text" name="q" placeholder="请输入关键词"><button type="submit">搜索</button></form></div>
                  <ul class="nav">
                    <li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/zwgk/zfxxgknb">政府信息公开年报</a></li>
                    <li><a href="/bsfw">办事服务</a></li><li><a href="/hdjl">互动交流</a></li>
                  </ul>
                </div>
                <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/zwgk/zfxxgknb">政府信息公开年报</a></div>
                <div class="main">
                  <div class="article">
                    <h1 class="article-title">%1$s</h1>
                    <div class="article-info"><span>发布时间：%4$s</span> <span>来源：%3$s</span></div>
                    <div id="zoom" class="TRS_Editor">
                %5$s
                    </div>
                    <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="javascript:window.print()">打印本页</a></div>
                  </div>
                  <div class="sidebar">
                    <h3>相关链接</h3>
                    <ul><li><a href="/zwgk/zfxxgknb/%6$d.html">%6$d年政府信息公开工作年度报告</a></li></ul>
                  </div>
                </div>
                <div class="footer"><p>主办单位：%2$s</p><p>网站标识码：1101050001 京ICP备05060933号</p></div>
                </body>
                </html>
                """.formatted(esc(report.title()), esc(site), esc(agency.fullName()), (year + 1) + "-01-20", body, year - 1);
        return page.getBytes(StandardCharsets.UTF_8);
    }

    private static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
