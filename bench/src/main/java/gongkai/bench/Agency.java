package gongkai.bench;

/**
 * A made-up agency: 北京市 + a district + a town (all from a fixed list of characters, so names are unique per
 * index and contain no digits, numerals or words the title reader strips) + 人民政府.
 */
public record Agency(int index, String district, String town) {
    private static final String STEMS = "安宁平兴华福德泰康永昌盛隆丰瑞祥吉荣富明光清远春新胜利民邦佳祺乐";
    private static final String DISTRICTS = "东西南北中";

    public static Agency of(int index) {
        int n = STEMS.length();
        int i = index;
        String town = "" + STEMS.charAt(i % n) + STEMS.charAt((i / n) % n) + STEMS.charAt((i / (n * n)) % n) + "镇";
        int d = i / (n * n * n);
        String district = "" + STEMS.charAt(d % n) + DISTRICTS.charAt((d / n) % DISTRICTS.length()) + "区";
        return new Agency(index, district, town);
    }

    /** Every character an agency's name can contain. */
    static String alphabet() {
        return STEMS + DISTRICTS + "北京市区镇人民政府";
    }

    public String fullName() {
        return "北京市" + district + town + "人民政府";
    }
}
