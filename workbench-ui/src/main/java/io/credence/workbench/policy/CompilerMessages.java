package io.credence.workbench.policy;

import io.credence.engine.ArtifactError;
import io.credence.workbench.i18n.Words;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drools' messages as an analyst should read them. Drools starts a parser error with its own
 * "[ERR 102] Line 15:4" (a 0-based column, next to our 1-based "line 15, column 5"), and reports a
 * missing ")" on the line where the parser gave up, usually the next one. So the prefix goes, the
 * known parser and compiler sentences are said in the reader's language, and an error that follows
 * a line with an unclosed "(" points at that line.
 */
final class CompilerMessages {

    private static final Pattern DROOLS_PREFIX = Pattern.compile("^\\[ERR \\d+\\]\\s*Line \\d+:\\d+\\s*");

    private record Known(Pattern pattern, String key) {}

    // Most specific first: "mismatched input ... expecting ..." before plain "mismatched input".
    private static final List<Known> KNOWN = List.of(
            new Known(
                    Pattern.compile("^mismatched input '(.+?)' expecting (.+?) in rule \"(.+?)\".*", Pattern.DOTALL),
                    "editor.compiler.mismatched-expecting"),
            new Known(
                    Pattern.compile("^mismatched input '(.+?)' in rule \"(.+?)\".*", Pattern.DOTALL),
                    "editor.compiler.mismatched"),
            new Known(Pattern.compile("^mismatched input '(.+?)'.*", Pattern.DOTALL), "editor.compiler.unexpected"),
            new Known(
                    Pattern.compile("^no viable alternative at input '(.+?)' in rule \"(.+?)\".*", Pattern.DOTALL),
                    "editor.compiler.no-viable"),
            new Known(
                    Pattern.compile("^no viable alternative at input '(.+?)'.*", Pattern.DOTALL),
                    "editor.compiler.unexpected"),
            new Known(
                    Pattern.compile("^missing (.+?) at '(.+?)' in rule \"(.+?)\".*", Pattern.DOTALL),
                    "editor.compiler.missing"),
            new Known(
                    Pattern.compile("^extraneous input '(.+?)'.*in rule \"(.+?)\".*", Pattern.DOTALL),
                    "editor.compiler.extraneous"),
            new Known(
                    Pattern.compile(".*Unable to resolve ObjectType '(.+?)'.*", Pattern.DOTALL),
                    "editor.compiler.unknown-type"),
            new Known(
                    Pattern.compile(".*Duplicate rule name: (.+?)(\\s|$).*", Pattern.DOTALL),
                    "editor.compiler.duplicate-rule"),
            new Known(
                    Pattern.compile(".*Parser returned a null Package.*", Pattern.DOTALL),
                    "editor.compiler.no-package"));

    private CompilerMessages() {}

    /** The errors as the analyst reads them, for the artifacts' texts as they are now (edits included). */
    static List<ArtifactError> readable(List<ArtifactError> errors, Map<String, String> artifacts, Words words) {
        if (errors == null) return List.of();
        return errors.stream()
                .map(e -> readable(e, artifacts == null ? null : artifacts.get(e.artifact()), words))
                .toList();
    }

    static ArtifactError readable(ArtifactError error, String source, Words words) {
        String message = error.message() == null
                ? ""
                : DROOLS_PREFIX.matcher(error.message().strip()).replaceFirst("");
        String said = message;
        for (Known known : KNOWN) {
            Matcher m = known.pattern().matcher(message);
            if (m.matches()) {
                Object[] groups = new Object[m.groupCount()];
                for (int i = 0; i < groups.length; i++) groups[i] = m.group(i + 1);
                said = words.translate(known.key(), groups);
                break;
            }
        }
        Integer unclosed = error.line() == null || source == null ? null : unclosedBefore(source, error.line());
        if (unclosed != null && message.matches("(?s)^(mismatched input|no viable alternative|missing|extraneous).*")) {
            return new ArtifactError(
                    error.artifact(),
                    unclosed,
                    null,
                    words.translate("editor.compiler.unclosed", String.valueOf(unclosed)) + " " + said);
        }
        return new ArtifactError(error.artifact(), error.line(), error.column(), said);
    }

    /**
     * The last line before {@code line} (1-based) that leaves a "(" open, within the same rule: the
     * line a missing ")" belongs on. Null when the parentheses before the error balance.
     */
    static Integer unclosedBefore(String source, int line) {
        String[] lines = source.split("\n", -1);
        int start = Math.min(line - 1, lines.length) - 1;
        for (int i = start; i >= 0; i--) {
            String text = withoutStringsAndComments(lines[i]);
            if (text.strip().startsWith("rule ") || text.strip().equals("end")) return null;
            int depth = 0;
            for (char c : text.toCharArray()) {
                if (c == '(') depth++;
                else if (c == ')') depth--;
            }
            if (depth > 0) return i + 1;
        }
        return null;
    }

    private static String withoutStringsAndComments(String line) {
        String noStrings = line.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
        int comment = noStrings.indexOf("//");
        return comment < 0 ? noStrings : noStrings.substring(0, comment);
    }
}
