package gongkai.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which agency a name stands for, when reports write the same agency's name differently: "朝阳区金盏乡人民政府" one year,
 * "北京市朝阳区金盏乡人民政府" the next. Two names are the same agency when the roster says so (the agency's name or
 * one of its aliases), or when one is the other with only higher-level regions put in front ("北京市" + "朝阳区…")
 * and that is unambiguous. Two different full names are never linked: "北京市朝阳区人民政府" and
 * "长春市朝阳区人民政府" stay two agencies, and a bare "朝阳区人民政府" links to one of them only if it is the one known.
 *
 * <p>Pure: the caller supplies the roster and the names already seen, and keeps the result.
 */
public final class AgencyIdentity {
    private AgencyIdentity() {
    }

    /** A roster entry's names: the agency as the roster keys it, and the other names its reports use. */
    public record RosterNames(String agency, List<String> aliases) {
        public RosterNames {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }

        Set<String> names() {
            Set<String> all = new LinkedHashSet<>();
            all.add(normalise(agency));
            aliases.forEach(a -> all.add(normalise(a)));
            all.remove("");
            return all;
        }
    }

    /** How a name was resolved, for the log and the tests. */
    public enum How {
        /** The roster names it, as the agency or an alias. */
        ROSTER,
        /** A roster agency's name or alias with regions added or left out. */
        ROSTER_PREFIX,
        /** The name was seen before. */
        SEEN,
        /** A name seen before with regions added or left out, and no other agency could be meant. */
        SEEN_PREFIX,
        /** A new agency (or one that cannot be told from others): its name is its identity. */
        NEW,
        /** Regions added or left out would fit more than one known agency: not linked to any. */
        AMBIGUOUS
    }

    public record Resolution(String canonical, How how) {
    }

    /** A region that can stand in front of an agency's name: 省, 自治区, 市, 州, 地区, 盟, 县, 区, 旗 ("荆州" is no region of "荆州市"). */
    private static final Pattern REGION = Pattern.compile("^\\p{IsHan}+?(?:省|自治区|特别行政区|自治州|州(?![市区县])|地区|盟|自治县|县|区|旗|市)");
    /** An agency's own place: a region, or a township (乡, 镇, 街道, 苏木). */
    private static final Pattern PLACE = Pattern.compile("^\\p{IsHan}+?(?:省|自治区|特别行政区|自治州|州(?![市区县])|地区|盟|自治县|县|区|旗|市|乡|镇|街道|苏木)");
    /** "…镇人民政府" and "…镇政府" and "…镇" name one agency. */
    private static final Pattern GOVERNMENT_SUFFIX = Pattern.compile("(人民政府|政府)$");
    private static final int MAX_TOKENS = 8;

    /** The name as compared: no spaces of any kind, no trailing 人民政府/政府. */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(name.length());
        name.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u200B' && c != '\uFEFF')
                .forEach(b::appendCodePoint);
        return b.toString();
    }

    private static String core(String normalised) {
        return GOVERNMENT_SUFFIX.matcher(normalised).replaceFirst("");
    }

    /**
     * The name without the regions in front of the agency's own place, and without 人民政府/政府: every name of one
     * agency that differs only by those has the same stem, so partitioning by stem brings them together.
     * "北京市朝阳区金盏乡人民政府" and "朝阳区金盏乡人民政府" → "金盏乡"; "北京市朝阳区人民政府" → "朝阳区" (nothing
     * named would remain); "北京市朝阳区财政局" → "朝阳区财政局" (a department keeps its region).
     */
    public static String stem(String name) {
        String s = core(normalise(name));
        for (int i = 0; i < MAX_TOKENS; i++) {
            Matcher m = REGION.matcher(s);
            if (!m.find()) {
                break;
            }
            String rest = s.substring(m.end());
            if (!PLACE.matcher(rest).find()) {
                break;
            }
            s = rest;
        }
        return s;
    }

    /** Whether {@code longer} is {@code shorter} with only regions put in front (compared without 人民政府/政府). */
    public static boolean addsRegions(String longer, String shorter) {
        String l = core(normalise(longer));
        String s = core(normalise(shorter));
        if (s.isEmpty() || l.length() <= s.length() || !l.endsWith(s) || !PLACE.matcher(s).find()) {
            return false;
        }
        String prefix = l.substring(0, l.length() - s.length());
        for (int i = 0; i < MAX_TOKENS && !prefix.isEmpty(); i++) {
            Matcher m = REGION.matcher(prefix);
            if (!m.find()) {
                return false;
            }
            prefix = prefix.substring(m.end());
        }
        return prefix.isEmpty();
    }

    /** The same agency by name alone: equal, or one is the other with regions in front. */
    public static boolean sameByName(String a, String b) {
        String x = core(normalise(a));
        String y = core(normalise(b));
        return !x.isEmpty() && x.equals(y) || addsRegions(a, b) || addsRegions(b, a);
    }

    /**
     * The agency {@code name} stands for.
     *
     * @param roster every roster entry
     * @param seen   names already resolved (as written, normalised → the agency they were resolved to); the caller
     *               need only pass those with the same {@link #stem}, since no other can be linked by regions
     */
    public static Resolution resolve(String name, Collection<RosterNames> roster, Map<String, String> seen) {
        String n = normalise(name);
        String nCore = core(n);
        for (RosterNames r : roster) {
            for (String m : r.names()) {
                if (m.equals(n) || core(m).equals(nCore)) {
                    return new Resolution(r.agency(), How.ROSTER);
                }
            }
        }
        String seenAs = seen.get(n);
        if (seenAs != null) {
            return new Resolution(seenAs, How.SEEN);
        }
        // Every known agency the name could stand for with regions added or left out.
        Map<String, How> candidates = new LinkedHashMap<>();
        for (RosterNames r : roster) {
            if (r.names().stream().anyMatch(m -> sameByName(m, n))) {
                candidates.put(r.agency(), How.ROSTER_PREFIX);
            }
        }
        Map<String, List<String>> clusters = new LinkedHashMap<>();
        seen.forEach((written, agency) -> clusters.computeIfAbsent(agency, k -> new ArrayList<>()).add(written));
        for (Map.Entry<String, List<String>> c : clusters.entrySet()) {
            if (candidates.containsKey(c.getKey())) {
                continue;
            }
            // Every name of the cluster must fit, so a bare name linked to Beijing's 朝阳区 never pulls in Changchun's.
            List<String> names = new ArrayList<>(c.getValue());
            names.add(c.getKey());
            if (names.stream().allMatch(m -> sameByName(m, n))) {
                candidates.put(c.getKey(), How.SEEN_PREFIX);
            }
        }
        if (candidates.size() == 1) {
            Map.Entry<String, How> only = candidates.entrySet().iterator().next();
            return new Resolution(only.getKey(), only.getValue());
        }
        return new Resolution(n, candidates.isEmpty() ? How.NEW : How.AMBIGUOUS);
    }
}
