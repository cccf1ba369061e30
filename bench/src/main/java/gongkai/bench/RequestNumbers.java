package gongkai.bench;

import java.util.List;
import java.util.Random;

import gongkai.avro.TemplateVersion;
import gongkai.report.RequestTable;

/**
 * The numbers of one section-3 table (收到和处理政府信息公开申请情况): every row of the template, seven columns,
 * generated so that every identity the rules check holds: each row's 总计 is the sum of its six applicant columns,
 * （七）总计 is the sum of the result rows, and 一 + 二 = 三（七） + 四 in every column.
 */
final class RequestNumbers {
    static final int COLUMNS = RequestTable.COLUMNS.size();
    static final int TOTAL = RequestTable.TOTAL_COLUMN;

    final TemplateVersion template;
    final List<String> codes;
    private final long[][] cells;

    private RequestNumbers(TemplateVersion template, long[][] cells) {
        this.template = template;
        this.codes = RequestTable.rowCodes(template);
        this.cells = cells;
    }

    /**
     * A consistent table whose 上年结转 row is {@code carriedOver} (last year's 结转下年度, or null for an agency's
     * first year). Natural persons always have at least two new requests and at least one disclosed, so every kind
     * of defect can be put in column 0.
     */
    static RequestNumbers consistent(TemplateVersion template, long[] carriedOver, Random r) {
        List<String> codes = RequestTable.rowCodes(template);
        long[][] cells = new long[codes.size()][COLUMNS];
        int newRow = codes.indexOf(RequestTable.NEW);
        int carriedRow = codes.indexOf(RequestTable.CARRIED_OVER);
        int forwardRow = codes.indexOf(RequestTable.CARRY_FORWARD);
        int disclosed = codes.indexOf(RequestTable.DISCLOSED);
        int partial = codes.indexOf(RequestTable.PARTIAL);
        List<String> resultCodes = RequestTable.resultRowCodes(template);
        for (int c = 0; c < TOTAL; c++) {
            long fresh = switch (c) {
                case 0 -> 2 + r.nextInt(25);
                case 1 -> r.nextInt(6);
                default -> r.nextInt(10) < 2 ? r.nextInt(3) : 0;
            };
            long carried = carriedOver != null ? carriedOver[c] : (c == 0 ? r.nextInt(3) : 0);
            long available = fresh + carried;
            long forward = r.nextInt((int) (available / 3) + 1);
            long handled = available - forward;
            cells[newRow][c] = fresh;
            cells[carriedRow][c] = carried;
            cells[forwardRow][c] = forward;
            for (long u = 0; u < handled; u++) {
                double p = r.nextDouble();
                int row;
                if (u == 0 && c == 0 || p < 0.5) {
                    row = disclosed;
                } else if (p < 0.6) {
                    row = partial;
                } else {
                    row = codes.indexOf(resultCodes.get(r.nextInt(resultCodes.size())));
                }
                cells[row][c]++;
            }
        }
        RequestNumbers t = new RequestNumbers(template, cells);
        t.recomputeTotals();
        return t;
    }

    private void recomputeTotals() {
        int resultTotal = codes.indexOf(RequestTable.RESULT_TOTAL);
        List<String> resultCodes = RequestTable.resultRowCodes(template);
        for (int c = 0; c < TOTAL; c++) {
            long sum = 0;
            for (String code : resultCodes) {
                sum += cells[codes.indexOf(code)][c];
            }
            cells[resultTotal][c] = sum;
        }
        for (long[] row : cells) {
            long sum = 0;
            for (int c = 0; c < TOTAL; c++) {
                sum += row[c];
            }
            row[TOTAL] = sum;
        }
    }

    long get(String code, int column) {
        return cells[codes.indexOf(code)][column];
    }

    long[] row(String code) {
        return cells[codes.indexOf(code)].clone();
    }

    int rows() {
        return cells.length;
    }

    /** Whether {@link #inject} can put this kind of defect into this column. */
    boolean admits(DefectKind kind, int column) {
        return switch (kind) {
            case BALANCE -> true;
            case ROW_TOTAL -> get(RequestTable.DISCLOSED, column) >= 1;
            case CARRY_OVER -> get(RequestTable.NEW, column) >= 1;
        };
    }

    /** A copy with the defect in the given applicant column (0-5); see {@link DefectKind} for what changes. */
    RequestNumbers inject(DefectKind kind, int column) {
        if (!admits(kind, column)) {
            throw new IllegalArgumentException(kind + " cannot go into column " + column);
        }
        long[][] copy = new long[cells.length][];
        for (int i = 0; i < cells.length; i++) {
            copy[i] = cells[i].clone();
        }
        RequestNumbers t = new RequestNumbers(template, copy);
        switch (kind) {
            case BALANCE -> {
                t.add(RequestTable.NEW, column, 1);
                t.add(RequestTable.NEW, TOTAL, 1);
            }
            case ROW_TOTAL -> {
                t.add(RequestTable.DISCLOSED, column, -1);
                t.add(RequestTable.PARTIAL, column, 1);
            }
            case CARRY_OVER -> {
                t.add(RequestTable.CARRIED_OVER, column, 1);
                t.add(RequestTable.CARRIED_OVER, TOTAL, 1);
                t.add(RequestTable.NEW, column, -1);
                t.add(RequestTable.NEW, TOTAL, -1);
            }
        }
        return t;
    }

    private void add(String code, int column, long delta) {
        cells[codes.indexOf(code)][column] += delta;
    }
}
