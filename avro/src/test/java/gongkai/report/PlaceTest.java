package gongkai.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import gongkai.avro.AlertLocation;

class PlaceTest {

    @Test
    void keyJoinsSectionRowAndColumnOmittingNulls() {
        assertEquals("3/CARRIED_OVER/自然人", Place.of(3, "CARRIED_OVER", "自然人").key());
        assertEquals("3/总计", Place.of(3, null, "总计").key());
        assertEquals("1/新收13件", Place.text("新收13件").key());
        assertEquals("0", Place.document().key());
    }

    @Test
    void aSection3CellReadsByTheReportsLabelInChineseAndByTheTemplateInEnglish() {
        Place cell = new Place(3, "NEW", "自然人", "一、本年新收申请");
        assertEquals("第三部分“一、本年新收申请”行“自然人”列", cell.zh());
        assertEquals("Section 3, row 一 new requests, column natural persons", cell.en());
        assertEquals("3/NEW/自然人", cell.key(), "the key is the code, whatever the label");
        assertEquals("第三部分“一、本年新收政府信息公开申请数量”行“自然人”列", Place.of(3, "NEW", "自然人").zh(), "the template's label");
    }

    @Test
    void sectionOnlyRowOnlyColumnOnlyAndDocumentPlacesRead() {
        assertEquals("第三部分", Place.section(3).zh());
        assertEquals("Section 3", Place.section(3).en());
        assertEquals("第三部分“自然人”列", Place.of(3, null, "自然人").zh());
        assertEquals("Section 3, column natural persons", Place.of(3, null, "自然人").en());
        assertEquals("第三部分“四、结转下年度继续办理”行", Place.of(3, "CARRY_FORWARD", null).zh());
        assertEquals("Section 3, row 四 carried forward", Place.of(3, "CARRY_FORWARD", null).en());
        assertEquals("全文", Place.document().zh());
        assertEquals("The document", Place.document().en());
    }

    @Test
    void aSubRowIsNamedWithItsGroup() {
        assertEquals("第三部分“（三）不予公开 4.”行“总计”列", Place.of(3, "WITHHELD_4", "总计").zh());
        assertEquals("Section 3, row 三(三)4 withheld, column total", Place.of(3, "WITHHELD_4", "总计").en());
        assertEquals("Section 3, row 三(六) other handling", Place.of(3, "OTHER", null).en());
    }

    @Test
    void section4NamesTheGroupAndSection2TheRowAsPrinted() {
        assertEquals("第四部分行政复议“结果纠正”", Place.of(4, "ADMINISTRATIVE_REVIEW", "结果纠正").zh());
        assertEquals("Section 4, administrative review, corrected", Place.of(4, "ADMINISTRATIVE_REVIEW", "结果纠正").en());
        assertEquals("第四部分“行政复议”行“总计”列", Place.of(4, "行政复议", "总计").zh(), "a warning's own words are quoted");
        assertEquals("第二部分“第二十条第（一）项 规章”行“现行有效件数”列", Place.of(2, "第二十条第（一）项 规章", "现行有效件数").zh());
        assertEquals("Section 2, row 第二十条第（一）项 规章, column 现行有效件数", Place.of(2, "第二十条第（一）项 规章", "现行有效件数").en());
    }

    @Test
    void aNarrativePlaceQuotesTheSentence() {
        assertEquals("第一部分文字“新收13件”", Place.text("新收13件").zh());
        assertEquals("Section 1 text \"新收13件\"", Place.text("新收13件").en());
    }

    @Test
    void anAlertLocationRoundTripsAndReadsTheSame() {
        Place place = Place.of(3, "WITHHELD_4", "总计");
        AlertLocation location = place.toAlertLocation();
        assertEquals(3, location.getSection());
        assertEquals("WITHHELD_4", location.getRow());
        assertEquals("总计", location.getColumn());
        assertEquals(place, Place.of(location));
    }
}
