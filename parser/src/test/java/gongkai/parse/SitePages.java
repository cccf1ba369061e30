package gongkai.parse;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the web-page corpus under {@code src/test/resources/corpus/html/} was made: each sample's report saved inside a
 * government site page the way real sites serve them (meta tags, navigation with a "政府信息公开年报" column, search box,
 * breadcrumbs, scripts, a sidebar listing other years' reports, footer), in three site templates. The pages are
 * committed; this class only documents and re-creates them ({@code main}, run by hand), the tests read the files.
 */
final class SitePages {
    private SitePages() {
    }

    /** A page of the corpus: which sample, which site template, and what the page's meta tags say. */
    record Page(String file, String sample, Template template, String agency, String agencySource, String publishedAt) {
    }

    enum Template {
        /** A div-based CMS page (TRS-like: meta tags, #zoom content), UTF-8. */
        CMS,
        /** An older site laid out with nested tables, GB18030 declared as gb2312, no meta tags: title from {@code <title>}. */
        TABLE_LAYOUT,
        /** A CMS page whose table cells are split into several p/span (header words over two paragraphs, digits over spans). */
        SPLIT_CELLS
    }

    static final List<Page> PAGES = List.of(
            new Page("fengtai-changxindian-2020.html", "fengtai-changxindian-2020", Template.CMS, "北京市丰台区长辛店镇人民政府", "TITLE", "2021-01-29"),
            new Page("chaoyang-jinzhan-2021.html", "chaoyang-jinzhan-2021", Template.CMS, "北京市朝阳区金盏乡人民政府", "TITLE", "2022-01-28"),
            new Page("miyun-mujiayu-2020.html", "miyun-mujiayu-2020", Template.CMS, "北京市密云区穆家峪镇", "TITLE", "2021-01-30"),
            new Page("anfeng-2020.html", "anfeng-2020", Template.CMS, "安丰镇", "METADATA", "2021-02-05"),
            new Page("daxing-yinghai-2023.html", "daxing-yinghai-2023", Template.CMS, "北京市大兴区瀛海镇人民政府", "TITLE", "2024-01-26"),
            new Page("chaoyang-jinzhan-2021.table-layout.gbk.html", "chaoyang-jinzhan-2021", Template.TABLE_LAYOUT, "北京市朝阳区金盏乡人民政府", "TITLE", null),
            new Page("miyun-mujiayu-2020.table-layout.gbk.html", "miyun-mujiayu-2020", Template.TABLE_LAYOUT, "北京市密云区穆家峪镇", "TITLE", null),
            new Page("daxing-yinghai-2023.split-cells.html", "daxing-yinghai-2023", Template.SPLIT_CELLS, "北京市大兴区瀛海镇人民政府", "TITLE", "2024-01-26"),
            new Page("fengtai-changxindian-2020.split-cells.html", "fengtai-changxindian-2020", Template.SPLIT_CELLS, "北京市丰台区长辛店镇人民政府", "TITLE", "2021-01-29"));

    static byte[] render(Page p) {
        String title = Golden.expected(p.sample()).stream().filter(l -> l.startsWith("title ")).findFirst().orElseThrow()
                .substring(6).replace("\\n", "");
        String source = p.agencySource().equals("METADATA") ? p.agency() + "人民政府" : p.agency() + "党政办公室";
        String body = GovDocuments.articleBody(p.sample());
        return switch (p.template()) {
            case CMS -> cms(title, source, p.publishedAt(), body).getBytes(StandardCharsets.UTF_8);
            case SPLIT_CELLS -> cms(title, source, p.publishedAt(), splitCells(body)).getBytes(StandardCharsets.UTF_8);
            case TABLE_LAYOUT -> tableLayout(title, body).getBytes(Charset.forName("GB18030"));
        };
    }

    private static final String SITE = "某某区人民政府门户网站";

    private static String cms(String title, String source, String date, String body) {
        return """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <meta http-equiv="X-UA-Compatible" content="IE=edge">
                <meta name="SiteName" content="%2$s">
                <meta name="SiteDomain" content="www.example.gov.cn">
                <meta name="ColumnName" content="政府信息公开年报">
                <meta name="ArticleTitle" content="%1$s">
                <meta name="PubDate" content="%4$s 09:30">
                <meta name="ContentSource" content="%3$s">
                <meta name="Url" content="http://www.example.gov.cn/zwgk/zfxxgknb/t20240126_1.html">
                <title>%1$s_政府信息公开年报_%2$s</title>
                <link rel="stylesheet" href="/css/common.css">
                <style>.nav li{float:left;margin:0 10px}.footer{color:#666}</style>
                <script type="text/javascript">var _hmt = _hmt || []; function setFont(n){document.getElementById('zoom').style.fontSize=n+'px';}</script>
                </head>
                <body>
                <div class="header">
                  <div class="top"><a href="/">首页</a> | <a href="/wza">无障碍浏览</a> | <a href="/en">English</a> <span>网站支持IPv6</span></div>
                  <div class="search"><form action="/search"><input type="text" name="q" placeholder="请输入关键词"><button type="submit">搜索</button></form></div>
                  <ul class="nav">
                    <li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/zwgk/zfxxgknb">政府信息公开年报</a></li>
                    <li><a href="/bsfw">办事服务</a></li><li><a href="/hdjl">互动交流</a></li><li><a href="/zjwq">走进我区</a></li>
                  </ul>
                </div>
                <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/zwgk/zfxxgknb">政府信息公开年报</a></div>
                <div class="main">
                  <div class="article">
                    <h1 class="article-title">%1$s</h1>
                    <div class="article-info"><span>发布时间：%4$s</span> <span>来源：%3$s</span> <span>字号：<a href="javascript:setFont(16)">大</a> <a href="javascript:setFont(14)">中</a> <a href="javascript:setFont(12)">小</a></span></div>
                    <div id="zoom" class="TRS_Editor">
                %5$s
                    </div>
                    <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
                  </div>
                  <div class="sidebar">
                    <h3>相关链接</h3>
                    <ul><li><a href="/zwgk/zfxxgknb/2019.html">2019年政府信息公开工作年度报告</a></li>
                    <li><a href="/zwgk/zfxxgknb/2018.html">2018年政府信息公开工作年度报告</a></li></ul>
                  </div>
                </div>
                <div class="footer">
                  <p>主办单位：%2$s 承办：%3$s</p>
                  <p>网站标识码：1101050001 京ICP备05060933号 京公网安备11010502030000号</p>
                </div>
                <script src="/js/jquery.min.js"></script>
                <script>$(function(){ $('.nav li').hover(function(){ $(this).addClass('on'); }); });</script>
                </body>
                </html>
                """.formatted(title, SITE, source, date, body);
    }

    private static String tableLayout(String title, String body) {
        return """
                <html>
                <head>
                <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
                <title>%1$s - %2$s</title>
                <script language="javascript">function MM_swapImage(){}</script>
                </head>
                <body topmargin="0">
                <table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
                  <tr><td colspan="2" class="top"><table width="100%%"><tr>
                    <td><a href="/">首页</a></td><td><a href="/zwgk">政务公开</a></td><td><a href="/nb">政府信息公开年报</a></td><td><a href="/hd">互动交流</a></td>
                    <td><form action="/s"><input name="k" value="请输入关键字"><input type="submit" value="搜索"></form></td>
                  </tr></table></td></tr>
                  <tr>
                    <td width="200" valign="top" class="left"><table width="100%%">
                      <tr><td><a href="/nb/2020">2020年政府信息公开工作年度报告</a></td></tr>
                      <tr><td><a href="/nb/2019">2019年政府信息公开工作年度报告</a></td></tr>
                      <tr><td><a href="/zn">政府信息公开指南</a></td></tr>
                    </table></td>
                    <td width="800" valign="top"><table width="100%%" border="0">
                      <tr><td align="center" class="title"><b>%1$s</b></td></tr>
                      <tr><td align="center">发布日期：见正文 浏览次数：<script>document.write(123)</script></td></tr>
                      <tr><td class="text">
                %3$s
                      </td></tr>
                    </table></td>
                  </tr>
                  <tr><td colspan="2" align="center" class="bottom">版权所有：%2$s 技术支持：某某信息中心</td></tr>
                </table>
                </body>
                </html>
                """.formatted(title, SITE, body);
    }

    /** Header words over two paragraphs, numbers of two or more digits over two spans, blank cells as &amp;nbsp;. */
    private static String splitCells(String body) {
        return body.replace("<span>商业企业</span>", "<span>商业</span></p><p><span>企业</span>")
                .replace("<span>社会公益组织</span>", "<span>社会公益</span></p><p><span>组织</span>")
                .replace("<span>法律服务机构</span>", "<span>法律服务</span></p><p><span>机构</span>")
                .replaceAll("<span>(\\d)(\\d+)", "<span>$1</span><span style=\"font-family:宋体\">$2")
                .replace("<span>\u3000</span>", "<span>&nbsp;</span>");
    }

    /** The golden of a page: its identity, and every cell of sections 3 and 4 from the sample's hand-written golden. */
    static String golden(Page p) {
        List<String> lines = new ArrayList<>();
        lines.add("# " + p.file() + ": the sample " + p.sample() + " saved as a " + p.template() + " site page; cells from golden/" + p.sample() + ".expected");
        lines.add("agency " + p.agency());
        lines.add("agencySource " + p.agencySource());
        for (String l : Golden.expected(p.sample())) {
            if (l.startsWith("year ") || l.startsWith("template ") || l.startsWith("s3 ") || l.startsWith("s4 ")) {
                lines.add(l);
            }
        }
        lines.add("publishedAt " + (p.publishedAt() == null ? "_" : p.publishedAt()));
        return String.join("\n", lines) + "\n";
    }

    /** Re-creates the corpus files: {@code java ... gongkai.parse.SitePages parser/src/test/resources/corpus/html}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (Page p : PAGES) {
            Files.write(dir.resolve(p.file()), render(p));
            Files.writeString(dir.resolve(p.file().replaceFirst("\\.html$", ".expected")), golden(p));
        }
    }
}
