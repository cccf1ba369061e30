package gongkai.parse;

import java.util.ArrayList;
import java.util.List;

import gongkai.avro.ParseWarning;
import gongkai.report.Place;

/** Collects what the parser noticed and did not guess about, for the rules to judge. */
final class Warnings {
    private final List<ParseWarning> list = new ArrayList<>();

    void add(WarningCode code, int section, String row, String column, String message) {
        list.add(ParseWarning.newBuilder()
                .setCode(code.name()).setSection(section).setRow(row).setColumn(column).setMessage(message).build());
    }

    /** BLANK_CELL or BAD_NUMBER for a cell that has no usable value; nothing for a good one. */
    void cell(Cells.Number n, int section, String row, String column) {
        String where = Place.of(section, row, column).en();
        switch (n.problem()) {
            case NONE -> {
            }
            case BLANK -> add(WarningCode.BLANK_CELL, section, row, column, where + ": blank cell");
            case NEGATIVE -> add(WarningCode.BAD_NUMBER, section, row, column, where + ": negative number \"" + n.raw() + "\"");
            case FRACTION -> add(WarningCode.BAD_NUMBER, section, row, column, where + ": not a whole number \"" + n.raw() + "\"");
            case NOT_A_NUMBER -> add(WarningCode.BAD_NUMBER, section, row, column, where + ": not a number \"" + n.raw() + "\"");
        }
    }

    /** One note for a table in which zero signs stood for 0: which sign, and in which cells. */
    void zeroSigns(int section, java.util.Map<String, List<String>> cellsBySign) {
        if (cellsBySign.isEmpty()) {
            return;
        }
        StringBuilder m = new StringBuilder("section " + section + ": read as 0 ");
        cellsBySign.forEach((sign, cells) -> m.append("\"").append(sign).append("\" in ").append(cells.size())
                .append(cells.size() == 1 ? " cell (" : " cells (").append(String.join(", ", cells.subList(0, Math.min(cells.size(), 8))))
                .append(cells.size() > 8 ? ", …" : "").append("); "));
        add(WarningCode.ZERO_NOTATION, section, null, null, m.substring(0, m.length() - 2));
    }

    List<ParseWarning> list() {
        return List.copyOf(list);
    }
}
