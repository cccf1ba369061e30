package gongkai.rules;

import static gongkai.avro.Severity.ERROR;
import static gongkai.avro.Severity.INFO;
import static gongkai.avro.Severity.WARNING;

import java.util.List;

/**
 * The rule catalog of docs/domain.md as data: ids, kinds and default severities live here once, so the rules,
 * the catalog and the CLI cannot disagree. Includes the rules other modules evaluate (R-ID-02 in the parser).
 */
final class RuleDefinitions {
    private RuleDefinitions() {
    }

    static final RuleInfo ID_01 = new RuleInfo("R-ID-01", "identity", WARNING,
            "标题未写明机关名称（机关名称系从正文或来源信息推断）", "title does not name the agency (inferred from body or source metadata)");
    static final RuleInfo ID_02 = new RuleInfo("R-ID-02", "identity", ERROR,
            "无法确定报告年度，报送被退回", "report year cannot be determined; the submission is rejected");
    static final RuleInfo SEC_01 = new RuleInfo("R-SEC-01", "section", ERROR,
            "缺少六个部分之一", "one of the six sections is missing");
    static final RuleInfo SEC_02 = new RuleInfo("R-SEC-02", "section", INFO,
            "部分标题编号不规范（如“2、”代替“二、”或无编号）", "section numbering irregular (\"2、\" for \"二、\", or unnumbered)");
    static final RuleInfo SEC_03 = new RuleInfo("R-SEC-03", "section", INFO,
            "第五部分未写明存在的问题（仅“无”或不足20字）", "section 5 names no problem (only \"无\", or under 20 characters)");
    static final RuleInfo TPL_01 = new RuleInfo("R-TPL-01", "template", WARNING,
            "表格格式与年度不符", "table template does not fit the report year");
    static final RuleInfo CELL_01 = new RuleInfo("R-CELL-01", "cell", INFO,
            "表格中的空白单元格和零记号（每表一次，按 0 计算；有等式因空白不成立时为警告）",
            "blank cells and zero notations of a table, noted once per table (read as 0; WARNING when an identity fails only because of them)");
    static final RuleInfo CELL_02 = new RuleInfo("R-CELL-02", "cell", ERROR,
            "表格中有非数字、负数或无法识别的数字", "non-numeric, negative or unreadable number in a table");
    static final RuleInfo BAL_01 = new RuleInfo("R-BAL-01", "balance", ERROR,
            "某列：本年新收 + 上年结转 ≠ 办理结果总计 + 结转下年度", "per column: new + carried over ≠ results total + carried forward");
    static final RuleInfo ROW_01 = new RuleInfo("R-ROW-01", "row-total", ERROR,
            "第三部分某行“总计”≠ 六类申请人之和", "a section-3 row's total ≠ the sum of its six applicant columns");
    static final RuleInfo SUB_01 = new RuleInfo("R-SUB-01", "subtotal", ERROR,
            "某列（七）总计 ≠（一）至（六）各行之和", "per column: results total ≠ the sum of result rows (一)…(六)");
    static final RuleInfo REV_01 = new RuleInfo("R-REV-01", "review-total", ERROR,
            "第四部分某组总计 ≠ 维持 + 纠正 + 其他 + 尚未审结", "a section-4 total ≠ upheld + corrected + other + pending");
    static final RuleInfo CONT_01 = new RuleInfo("R-CONT-01", "continuity", ERROR,
            "某列：本年上年结转 ≠ 上年度报告结转下年度继续办理", "per column: carried over ≠ the previous report's carried forward");
    static final RuleInfo CONT_02 = new RuleInfo("R-CONT-02", "continuity", WARNING,
            "现行有效件数 ≠ 上年现行有效件数 + 本年制发件数 − 本年废止件数", "valid documents ≠ last year's valid + issued − repealed");
    static final RuleInfo CONT_03 = new RuleInfo("R-CONT-03", "continuity", INFO,
            "尚未收到上年度报告，无法核对结转", "previous year's report not received; carry-over cannot be checked");
    static final RuleInfo NAR_01 = new RuleInfo("R-NAR-01", "narrative", WARNING,
            "正文所述件数与表格不符", "a count stated in the text differs from the table");
    static final RuleInfo NAR_02 = new RuleInfo("R-NAR-02", "narrative", INFO,
            "正文列举的各项之和与其所述总数不符", "the parts the text lists do not sum to the total it states");
    static final RuleInfo FEE_01 = new RuleInfo("R-FEE-01", "fee", WARNING,
            "2021年格式：第六部分未说明收费情况", "2021 format: section 6 does not state the fee figures");
    static final RuleInfo DL_01 = new RuleInfo("R-DL-01", "deadline", WARNING,
            "晚于本级报送期限发布", "published after the deadline for its level");
    static final RuleInfo MISS_01 = new RuleInfo("R-MISS-01", "missing", ERROR,
            "名录中的机关逾期未发布年度报告", "an agency on the roster has no report after the deadline");

    static final List<RuleInfo> ALL = List.of(ID_01, ID_02, SEC_01, SEC_02, SEC_03, TPL_01, CELL_01, CELL_02, BAL_01, ROW_01,
            SUB_01, REV_01, CONT_01, CONT_02, CONT_03, NAR_01, NAR_02, FEE_01, DL_01, MISS_01);
}
