package gongkai.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import gongkai.avro.DisclosureReport;
import gongkai.avro.SectionHeading;

/** Headings and titles as agencies word, number and space them. */
class SectionHeadingsTest {
    @Test
    void aYearSetInWideTypeIsTheYear() throws Exception {
        String text = Samples.text("fengtai-changxindian-2020").replaceFirst("2020年政府信息公开", "2 0 2 0 年政府信息公开");
        DisclosureReport r = new ReportParser().parse(text.getBytes(StandardCharsets.UTF_8), "fengtai-wide.txt");
        assertEquals(2020, r.getYear());
        assertEquals(true, r.getWarnings().stream().noneMatch(w -> w.getCode().equals("YEAR_INFERRED")), r.getWarnings().toString());
    }

    @Test
    void reworderHeadingsAreStillTheSixSections() throws Exception {
        String text = Samples.text("fengtai-changxindian-2020")
                .replace("一、总体情况", "第一部分 概述")
                .replace("四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况")
                .replace("五、存在的主要问题及改进情况", "五、主要问题及改进措施");
        DisclosureReport r = new ReportParser().parse(text.getBytes(StandardCharsets.UTF_8), "fengtai-reworded.txt");
        List<Integer> numbers = r.getSections().stream().map(SectionHeading::getNumber).toList();
        assertEquals(List.of(1, 2, 3, 4, 5, 6), numbers);
        DisclosureReport original = new ReportParser().parse(Samples.bytes("fengtai-changxindian-2020"), "fengtai.txt");
        assertEquals(original.getRequestTable(), r.getRequestTable());
        assertEquals(original.getReview(), r.getReview());
    }
}
