package gongkai.rules;

import static gongkai.avro.Severity.ERROR;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import gongkai.avro.DisclosureReport;
import gongkai.avro.RequestRow;
import gongkai.report.Place;
import gongkai.report.RequestTable;

/** R-SUB-01: per column, （七）总计 is the sum of the result rows （一）…（六）. */
@RuleSpec(id = "R-SUB-01", kind = "subtotal", severity = ERROR,
        zh = "某列（七）总计 ≠（一）至（六）各行之和", en = "per column: results total ≠ the sum of result rows (一)…(六)")
public final class ResultSubtotalRule extends IdentityRule {
    @Override
    List<Identity> identities(DisclosureReport report) {
        Optional<RequestRow> totalRow = RequestRows.row(report, RequestTable.RESULT_TOTAL);
        if (totalRow.isEmpty()) {
            return List.of();
        }
        List<RequestRow> resultRows = RequestRows.resultRowCodes().stream().map(code -> RequestRows.row(report, code))
                .flatMap(Optional::stream).toList();
        List<Identity> out = new ArrayList<>();
        for (int c = 0; c < RequestTable.COLUMNS.size(); c++) {
            int column = c;
            Place place = Place.of(3, RequestTable.RESULT_TOTAL, RequestRows.columnZh(c));
            out.add(new Identity(id(), place, () -> new Identity.Wording(
                    place.wholeColumn().zhInSection() + " 办理结果（一）至（六）之和 = （七）总计",
                    place.wholeColumn().enInSection() + " result rows 三(一) to 三(六) = total of results",
                    "办理结果（一）至（六）各行合计", "result rows 三(一) to 三(六) sum to",
                    RequestRows.place(report, RequestTable.RESULT_TOTAL, null).zhInSection(), place.wholeRow().enInSection()),
                    resultRows.stream().map(r -> RequestRows.ref(r, column)).toList(), List.of(RequestRows.ref(totalRow.get(), c))));
        }
        return out;
    }
}
