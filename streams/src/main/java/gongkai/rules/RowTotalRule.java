package gongkai.rules;

import static gongkai.avro.Severity.ERROR;

import java.util.ArrayList;
import java.util.List;

import gongkai.avro.CellRef;
import gongkai.avro.DisclosureReport;
import gongkai.avro.RequestRow;
import gongkai.report.Place;
import gongkai.report.RequestTable;

/**
 * R-ROW-01: in every section-3 row the 总计 column is the sum of the six applicant columns. A row whose 总计 was
 * left blank is noted with the blank cells (R-CELL-01), not reported as a wrong total.
 */
@RuleSpec(id = "R-ROW-01", kind = "row-total", severity = ERROR,
        zh = "第三部分某行“总计”≠ 六类申请人之和", en = "a section-3 row's total ≠ the sum of its six applicant columns")
public final class RowTotalRule extends IdentityRule {
    @Override
    List<Identity> identities(DisclosureReport report) {
        List<Identity> out = new ArrayList<>();
        int total = RequestTable.TOTAL_COLUMN;
        for (RequestRow row : RequestRows.distinctRows(report)) {
            List<CellRef> parts = new ArrayList<>();
            for (int c = 0; c < total; c++) {
                parts.add(RequestRows.ref(row, c));
            }
            Place place = Place.of(3, row.getCode(), RequestRows.columnZh(total));
            out.add(new Identity(id(), place, () -> new Identity.Wording(
                    RequestRows.place(report, row.getCode(), null).zhInSection() + " 六类申请人之和 = 总计",
                    place.wholeRow().enInSection() + " six applicant columns = total",
                    "六类申请人合计 " + Identity.figures(parts), "the six applicant columns sum to " + Identity.figures(parts),
                    place.wholeColumn().zhInSection(), place.wholeColumn().enInSection()), parts, List.of(RequestRows.ref(row, total))));
        }
        return out;
    }
}
