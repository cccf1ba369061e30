package gongkai.parse;

import java.util.ArrayList;
import java.util.List;

import gongkai.avro.AgencySource;
import gongkai.avro.DisclosureReport;
import gongkai.avro.ReportSubmission;
import gongkai.avro.ReportVersion;
import gongkai.avro.RequestRow;
import gongkai.avro.SectionHeading;
import gongkai.avro.TemplateVersion;

/** Turns the intermediate form of any input type into a {@link DisclosureReport}. */
final class ReportInterpreter {
    private ReportInterpreter() {
    }

    private static final int MIN_HEADINGS = 2;

    static DisclosureReport interpret(ExtractedDocument doc, ReportSubmission s, String sha256) throws ReportRejectedException {
        String source = s.getSource();
        Warnings warnings = new Warnings();
        SectionSplitter.Sections sections = SectionSplitter.split(doc, warnings);

        List<Block> requestBlocks = sections.find(3) != null ? sections.blocks(3) : tablesMentioning(doc.blocks(), "本年新收");
        // The phrase may be broken by spaces or line breaks; look at the whole squashed text only when it is not there as is.
        boolean mentionsDisclosure = doc.text().contains("政府信息公开") || Cells.squash(doc.text()).contains("政府信息公开");
        if (!mentionsDisclosure || sections.found().size() < MIN_HEADINGS && requestBlocks.isEmpty()) {
            throw new ReportRejectedException(RejectionReason.NOT_A_REPORT, source,
                    "not a 政府信息公开工作年度报告: " + (mentionsDisclosure ? "" : "the text never mentions 政府信息公开; ")
                            + "found " + sections.found().size() + " of the 6 section headings and no request table (三、收到和处理政府信息公开申请情况)");
        }

        ReportHeader header = ReportHeader.read(doc, sections.preamble(), s, warnings);
        TitleReader.Title title = new TitleReader.Title(header.title(), header.agency());
        String agency = header.agency();
        AgencySource agencySource = header.agencySource();

        Integer year = YearFinder.fromTitle(title.text());
        if (year == null) {
            year = YearFinder.fromBody(doc.blocks());
            if (year == null) {
                throw new ReportRejectedException(RejectionReason.NO_YEAR, source,
                        "report year cannot be determined: the title" + (title.text().isEmpty() ? " (none found)" : " \"" + oneLine(title.text()) + "\"")
                                + " states no year and the body has no \"YYYY年，\" opening or 统计期限");
            }
            warnings.add(WarningCode.YEAR_INFERRED, 0, null, null, "the title states no year; " + year + " was taken from the body text");
        }

        ActiveDisclosureReader.Result active = ActiveDisclosureReader.read(sections.blocks(2), warnings);
        RequestTableReader.Result requests = RequestTableReader.read(requestBlocks, warnings, source);
        TemplateVersion template = template(active, requests, year, warnings);
        List<RequestRow> requestTable = requests.foundTable() || !requests.rows().isEmpty()
                ? RequestTableReader.complete(requests, template, warnings, source)
                : List.of();
        if (sections.find(3) != null && !requests.foundTable()) {
            throw new ReportRejectedException(RejectionReason.TABLE_TRUNCATED, source,
                    "section 3 (" + sections.find(3).heading().getHeading() + ") has no table");
        }

        List<Block> reviewBlocks = sections.find(4) != null ? sections.blocks(4) : tablesMentioning(doc.blocks(), "行政复议");
        List<Block> narrative = narrativeBlocks(sections);
        ReportVersion version = ReportVersion.newBuilder()
                .setSha256(sha256).setReceivedAt(s.getReceivedAt()).setSubmissionId(s.getSubmissionId())
                .setSource(source).setPublishedAt(header.publishedAt())
                .setSubmitter(s.getSubmitter()).setPrincipal(s.getPrincipal()).build();
        return DisclosureReport.newBuilder()
                .setReportId(agency + "|" + year + "|" + sha256.substring(0, 12))
                .setAgency(agency)
                .setAgencySource(agencySource)
                .setYear(year)
                .setTemplate(template)
                .setTitle(title.text())
                .setVersion(version)
                .setSections(headings(sections))
                .setActiveDisclosure(active.rows())
                .setRequestTable(requestTable)
                .setReview(ReviewTableReader.read(reviewBlocks, warnings))
                .setFeeStatement(FeeStatementFinder.find(sections.find(6) != null ? sections.blocks(6) : sections.from(5)))
                .setProblemsStatement(ProblemsStatementFinder.find(sections))
                .setClaims(NarrativeClaimFinder.find(narrative, year))
                .setWarnings(warnings.list())
                .build();
    }

    /**
     * Section 2 headers decide, section 3's （六）其他处理 rows confirm; if they disagree the request table's own
     * layout wins, because its rows must be read with the codes of the template they follow.
     */
    private static TemplateVersion template(ActiveDisclosureReader.Result active, RequestTableReader.Result requests,
            int year, Warnings warnings) {
        TemplateVersion fromHeaders = active.votes2019() > active.votes2021() ? TemplateVersion.T2019
                : active.votes2021() > active.votes2019() ? TemplateVersion.T2021 : null;
        TemplateVersion fromRows = requests.structure();
        if (fromHeaders != null && fromRows != null && fromHeaders != fromRows) {
            warnings.add(WarningCode.TEMPLATE_CONFLICT, 3, null, null, "section 2 headers follow the " + fromHeaders
                    + " template but section 3 （六）其他处理 follows " + fromRows + "; " + fromRows + " was used");
            return fromRows;
        }
        if (fromRows != null) {
            return fromRows;
        }
        if (fromHeaders != null) {
            return fromHeaders;
        }
        TemplateVersion byYear = year >= 2021 ? TemplateVersion.T2021 : TemplateVersion.T2019;
        warnings.add(WarningCode.TEMPLATE_GUESSED, 0, null, null, "neither section 2 nor section 3 shows the table template; "
                + byYear + " was assumed from the year " + year);
        return byYear;
    }

    private static List<SectionHeading> headings(SectionSplitter.Sections sections) {
        List<SectionHeading> out = new ArrayList<>();
        for (SectionSplitter.Found f : sections.found()) {
            out.add(f.heading());
        }
        return out;
    }

    /**
     * The narrative that talks about the year's figures: everything before section 2 (title, opening, section 1), and
     * section 3's own prose (sentences, not table rows: a row per line has no 。).
     */
    private static List<Block> narrativeBlocks(SectionSplitter.Sections sections) {
        List<Block> out = openingBlocks(sections);
        for (Block b : sections.blocks(3)) {
            if (b instanceof Block.Paragraph p && p.text().indexOf('。') >= 0) {
                out.add(b);
            }
        }
        return out;
    }

    private static List<Block> openingBlocks(SectionSplitter.Sections sections) {
        SectionSplitter.Found second = sections.find(2);
        int end = second != null ? second.blockIndex() : sections.blocks().size();
        List<Block> out = new ArrayList<>();
        for (Block b : sections.blocks().subList(0, end)) {
            if (b instanceof Block.Table) {
                if (second == null) {
                    break;
                }
                continue;
            }
            out.add(b);
        }
        return out;
    }

    private static List<Block> tablesMentioning(List<Block> blocks, String word) {
        for (Block b : blocks) {
            if (b instanceof Block.Table t && t.rows().stream().flatMap(List::stream).anyMatch(c -> Cells.squash(c).contains(word))) {
                return List.of(b);
            }
        }
        return List.of();
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ');
    }
}
