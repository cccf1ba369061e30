package gongkai.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gongkai.avro.ClaimKind;
import gongkai.avro.ClaimPart;
import gongkai.avro.NarrativeClaim;

/**
 * Finds counts the narrative states about the request table and about active disclosure. Conservative: a request
 * count must sit in a sentence about 申请, be stated in digits with 件, and not be dated to another year; an
 * approximate figure ("300余条") is no claim.
 */
final class NarrativeClaimFinder {
    private NarrativeClaimFinder() {
    }

    private static final String GAP = "[^，。；,;！!？?0-9]{0,12}?";
    private static final String SHORT_GAP = "[^，。；,;！!？?0-9]{0,4}?";

    private record Shape(ClaimKind kind, Pattern pattern) {
    }

    private static final List<Shape> REQUEST_SHAPES = List.of(
            new Shape(ClaimKind.CARRIED_OVER, Pattern.compile("(?:上年度?|上一年度?|(\\d{4})年(?:底|度)?)结转" + GAP + "(\\d+)件")),
            new Shape(ClaimKind.CARRY_FORWARD, Pattern.compile("结转(?:至|到)?下一?年度?" + GAP + "(\\d+)件")),
            new Shape(ClaimKind.NEW_REQUESTS, Pattern.compile("(?:新收|收到|受理)" + GAP + "(\\d+)件")),
            new Shape(ClaimKind.DISCLOSED, Pattern.compile("(?<!不)予以公开" + SHORT_GAP + "(\\d+)件")),
            new Shape(ClaimKind.PARTIAL, Pattern.compile("部分公开" + SHORT_GAP + "(\\d+)件")),
            new Shape(ClaimKind.WITHHELD, Pattern.compile("不予以?公开" + SHORT_GAP + "(\\d+)件")),
            new Shape(ClaimKind.UNABLE, Pattern.compile("无法提供" + SHORT_GAP + "(\\d+)件")),
            new Shape(ClaimKind.NOT_PROCESSED, Pattern.compile("不予处理" + SHORT_GAP + "(\\d+)件")));
    private static final Pattern ACTIVE = Pattern.compile("主动公开(?:政府)?(?:信息)?共?(?:计)?(\\d+)条");
    private static final Pattern PART = Pattern.compile("^(\\p{IsHan}[^，、；,;。0-9]{0,20}?)(\\d+)条$");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})年");
    private static final int PARTS_LOOKAHEAD = 40;

    static List<NarrativeClaim> find(List<Block> blocks, int year) {
        List<NarrativeClaim> claims = new ArrayList<>();
        for (Block b : blocks) {
            if (b instanceof Block.Paragraph p) {
                scan(p, year, claims);
            }
        }
        claims.sort((a, b) -> Integer.compare(a.getOffset(), b.getOffset()));
        return List.copyOf(claims);
    }

    private static void scan(Block.Paragraph p, int year, List<NarrativeClaim> claims) {
        String text = Cells.halfWidth(p.text());
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || "。；;！!？?".indexOf(text.charAt(i)) >= 0) {
                String sentence = text.substring(start, i);
                if (sentence.contains("申请")) {
                    requestClaims(sentence, start, p, year, claims);
                }
                start = i + 1;
            }
        }
        activeClaims(text, p, year, claims);
    }

    private static void requestClaims(String sentence, int at, Block.Paragraph p, int year, List<NarrativeClaim> claims) {
        boolean[] taken = new boolean[sentence.length()];
        for (Shape shape : REQUEST_SHAPES) {
            Matcher m = shape.pattern().matcher(sentence);
            while (m.find()) {
                if (taken[m.start()] || !datedTo(sentence, m, shape.kind(), year) || jointFigure(sentence, m.start())
                        || narrowerSubject(sentence, m.start())) {
                    continue;
                }
                for (int k = m.start(); k < m.end(); k++) {
                    taken[k] = true;
                }
                long value = Long.parseLong(m.group(m.groupCount()));
                claims.add(claim(shape.kind(), value, p.text().substring(at + m.start(), at + m.end()), p.offset() + at + m.start(), List.of()));
            }
        }
    }

    /** "予以公开及部分公开42件": one figure for two rows, not a claim about either. */
    private static boolean jointFigure(String sentence, int start) {
        return start > 0 && "及和与、".indexOf(sentence.charAt(start - 1)) >= 0;
    }

    /**
     * "区政府办代表区政府受理…17件" in a district-wide report: the sentence counts one office's share, not the report's own
     * figure, so it is not compared with the table.
     */
    private static boolean narrowerSubject(String sentence, int start) {
        int clauseStart = Math.max(Math.max(sentence.lastIndexOf('，', start), sentence.lastIndexOf(',', start)),
                Math.max(sentence.lastIndexOf('：', start), sentence.lastIndexOf(':', start))) + 1;
        return NARROWER.matcher(sentence.substring(clauseStart, start)).find();
    }

    private static final Pattern NARROWER = Pattern.compile("代表|政府办|办公室|本级|各部门|各单位|各乡镇|各街道|下属|所属");

    /** A count dated to a year other than the report's (or, for 上年结转, the year before it) is about something else. */
    private static boolean datedTo(String sentence, Matcher m, ClaimKind kind, int year) {
        if (kind == ClaimKind.CARRIED_OVER) {
            String y = m.group(1);
            return y == null || Integer.parseInt(y) == year - 1;
        }
        if (kind == ClaimKind.CARRY_FORWARD) {
            return true;
        }
        int clauseStart = Math.max(sentence.lastIndexOf('，', m.start()), sentence.lastIndexOf(',', m.start())) + 1;
        Matcher y = YEAR.matcher(sentence.substring(clauseStart, m.end()));
        while (y.find()) {
            if (Integer.parseInt(y.group(1)) != year) {
                return false;
            }
        }
        return true;
    }

    private static void activeClaims(String text, Block.Paragraph p, int year, List<NarrativeClaim> claims) {
        Matcher m = ACTIVE.matcher(text);
        while (m.find()) {
            String before = text.substring(Math.max(0, m.start() - 8), m.start());
            if (before.contains("重点") || before.contains("领域") || before.contains("其中")) {
                continue;
            }
            int clauseStart = Math.max(text.lastIndexOf('，', m.start()), text.lastIndexOf('。', m.start())) + 1;
            Matcher y = YEAR.matcher(text.substring(clauseStart, m.start()));
            if (y.find() && Integer.parseInt(y.group(1)) != year) {
                continue;
            }
            claims.add(claim(ClaimKind.ACTIVE_TOTAL, Long.parseLong(m.group(1)), p.text().substring(m.start(), m.end()),
                    p.offset() + m.start(), parts(text, m.end())));
        }
    }

    /** The parts listed after a total: "…183条。…。其中，工作动态47条，营商动态1条，…政策解读1条。" */
    private static List<ClaimPart> parts(String text, int from) {
        int at = text.indexOf("其中", from);
        if (at < 0 || at - from > PARTS_LOOKAHEAD) {
            return List.of();
        }
        int end = text.indexOf('。', at);
        String list = text.substring(at + 2, end < 0 ? text.length() : end).replaceFirst("^[，,：:]", "");
        List<ClaimPart> parts = new ArrayList<>();
        for (String item : list.split("[，、；,;]")) {
            Matcher m = PART.matcher(Cells.trim(item));
            if (!m.matches()) {
                break;
            }
            parts.add(ClaimPart.newBuilder().setLabel(m.group(1)).setValue(Long.parseLong(m.group(2))).build());
        }
        return parts.size() >= 2 ? List.copyOf(parts) : List.of();
    }

    private static NarrativeClaim claim(ClaimKind kind, long value, String phrase, int offset, List<ClaimPart> parts) {
        return NarrativeClaim.newBuilder().setKind(kind).setValue(value).setPhrase(phrase).setOffset(offset).setParts(parts).build();
    }
}
