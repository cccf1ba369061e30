package gongkai.rules;

import gongkai.avro.ActiveDisclosureCell;
import gongkai.avro.ActiveDisclosureRow;

/** Naming section-2 rows and columns for locations and messages. */
final class ActiveRows {
    private ActiveRows() {
    }

    /**
     * Row names repeat across 第二十条 items in some reports, so the location row is "item name"
     * (e.g. "第二十条第（一）项 规章"), whitespace-normalised so a re-extraction gives the same key.
     */
    static String rowKey(ActiveDisclosureRow row) {
        String item = Text.plain(row.getItem());
        String name = Text.plain(row.getName());
        return item.isEmpty() ? name : name.isEmpty() ? item : item + " " + name;
    }

    static String header(ActiveDisclosureCell cell) {
        return Text.plain(cell.getHeader());
    }

    /** 本年增/减 (2019 format) is a signed change; a negative there is a decrease, not an error. */
    static boolean isSignedColumn(ActiveDisclosureCell cell) {
        String header = cell.getHeader() == null ? "" : cell.getHeader().replaceAll("\\s", "");
        return header.contains("增/减") || header.contains("增减") || header.contains("增／减");
    }
}
