import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The reference for Baton's case-insensitive comparison (scripts/lib/criteria/caseFold.ts): Java's own
 * Character case mappings, String.equalsIgnoreCase and "(?iu)" literal patterns, which Apex runs on.
 * Prints "defined FROM TO" ranges of defined code points, then "map CP UPPER LOWER" for every code point a
 * case mapping changes, then, for each stdin line "A|B" (code points in hex, space separated), "pair E F S":
 * A.equalsIgnoreCase(B), A contains B by "(?iu)" + Pattern.quote(B), A starts with B ignoring case.
 */
public class CaseFold {
    public static void main(String[] args) throws Exception {
        StringBuilder out = new StringBuilder();
        int start = -1;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT + 1; cp++) {
            boolean defined = cp <= Character.MAX_CODE_POINT && Character.isDefined(cp);
            if (defined && start < 0) {
                start = cp;
            } else if (!defined && start >= 0) {
                out.append("defined ").append(hex(start)).append(' ').append(hex(cp - 1)).append('\n');
                start = -1;
            }
            if (defined) {
                int upper = Character.toUpperCase(cp);
                int lower = Character.toLowerCase(cp);
                if (upper != cp || lower != cp) {
                    out.append("map ").append(hex(cp)).append(' ').append(hex(upper)).append(' ').append(hex(lower)).append('\n');
                }
            }
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] sides = line.split("\\|", -1);
            String text = text(sides[0]);
            String part = text(sides[1]);
            boolean contains = Pattern.compile("(?iu)" + Pattern.quote(part)).matcher(text).find();
            boolean startsWith = text.regionMatches(true, 0, part, 0, part.length());
            out.append("pair ").append(text.equalsIgnoreCase(part)).append(' ').append(contains).append(' ').append(startsWith).append('\n');
        }
        System.out.print(out);
    }

    private static String hex(int value) {
        return Integer.toHexString(value);
    }

    private static String text(String codePoints) {
        StringBuilder text = new StringBuilder();
        for (String code : codePoints.trim().split(" ")) {
            if (!code.isEmpty()) {
                text.appendCodePoint(Integer.parseInt(code, 16));
            }
        }
        return text.toString();
    }
}
