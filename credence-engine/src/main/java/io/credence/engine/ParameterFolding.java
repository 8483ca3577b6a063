package io.credence.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Folds market.json's parameters into the rules at compile time, so that what Drools compiles is the
 * literal threshold of before: {@code Market( $minimumAge : param("minimumAge") )  Applicant( age < $minimumAge )}
 * is a join between two facts, {@code Applicant( age < 18 )} an alpha constraint Drools indexes and
 * shares (docs/performance.md, round 4). A package's parameters are fixed once it is compiled: every
 * {@link CompiledPolicy} is built by {@link PolicyCompiler} from its own market.json, and the Market fact
 * it inserts holds exactly those values.
 *
 * <p>Folded: a {@code Market( ... )} pattern at the top of a rule's conditions whose constraints are all
 * {@code $x : param("name")} is dropped, and every {@code $x} of the rule is replaced by the value; the
 * inline form {@code Applicant( age < param("minimumAge") )} is replaced the same way. A variable is
 * folded only where the literal is known to decide exactly as the bound double did (checked against
 * Drools, which converts a literal compared with a whole-number property to that property's type):
 * in the consequence (Java, where a double literal and a double variable are the same), as one side of
 * a comparison with a number property (a whole-number property only with a whole value), or inside an
 * expression that also reads a property. Anywhere else the rule keeps its binding and runs as before.
 *
 * <p>The rewrite keeps every line where it was (a dropped pattern becomes spaces, a literal never holds
 * a line break) and records where columns moved, so errors found in the folded text point into the
 * analyst's. It inserts only number literals it wrote itself from a validated decimal, and the sandbox
 * and the bytecode check see the folded text, which is what Drools compiles.
 */
final class ParameterFolding {

    /** {@code $x : param("name")}, the whole of a constraint. */
    private static final Pattern BINDING =
            Pattern.compile("\\s*(\\$[A-Za-z_][A-Za-z0-9_$]*)\\s*:\\s*param\\s*\\(\\s*\"([^\"]*)\"\\s*\\)\\s*");
    /** {@code param("name")} written inline. */
    private static final Pattern INLINE = Pattern.compile("\\bparam\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");
    /** What this class ever writes into a rule. */
    private static final Pattern LITERAL = Pattern.compile("\\(?-?\\d+\\.\\d+\\)?");

    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
    private static final Set<Class<?>> DECIMALS = Set.of(double.class, Double.class);
    private static final Set<Class<?>> WHOLE = Set.of(int.class, Integer.class, long.class, Long.class);

    private ParameterFolding() {}

    /** One change to a line: at 1-based {@code column} of the original, {@code from} characters became {@code to}. */
    record Edit(int line, int column, int from, int to) {}

    /** The folded text, where its columns moved, and the errors of inline parameters that could not be folded. */
    record Folded(String text, List<Edit> edits, List<ArtifactError> errors) {

        boolean changed(String original) {
            return !text.equals(original);
        }

        /** An error found in the folded text, with its column in the analyst's text. */
        ArtifactError original(ArtifactError error) {
            if (error.line() == null || error.column() == null) return error;
            int column = error.column();
            int shift = 0;
            for (Edit edit : edits) {
                if (edit.line() != error.line()) continue;
                int foldedStart = edit.column() + shift;
                if (column >= foldedStart + edit.to()) {
                    shift += edit.to() - edit.from();
                } else if (column >= foldedStart) {
                    return new ArtifactError(error.artifact(), error.line(), edit.column(), error.message());
                } else {
                    break;
                }
            }
            return shift == 0
                    ? error
                    : new ArtifactError(error.artifact(), error.line(), column - shift, error.message());
        }
    }

    /**
     * Folds the parameters into one DRL artifact. Text that does not parse is returned as it is: the
     * compiler reports its syntax errors with the analyst's own lines.
     */
    static Folded fold(String artifact, String drl, Map<String, MarketParameter> parameters) {
        return fold(artifact, drl, parameters, drl);
    }

    /**
     * As {@link #fold(String, String, Map)}, where {@code stage} is everything Drools builds into the same
     * rule base (the artifact and its stage's decision tables).
     */
    static Folded fold(String artifact, String drl, Map<String, MarketParameter> parameters, String stage) {
        if (drl == null || drl.isBlank() || parameters.isEmpty()) return new Folded(drl, List.of(), List.of());
        DrlParser parser = new DrlParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, drl);
        } catch (DroolsParserException e) {
            return new Folded(drl, List.of(), List.of());
        }
        if (parser.hasErrors() || pkg == null) return new Folded(drl, List.of(), List.of());
        return new Rewrite(artifact, drl, parameters, fractional(stage)).run(pkg);
    }

    /**
     * The literal that stands for a parameter: its value as rules read it ({@link MarketParameter#asDouble()}),
     * written as a Java double literal that parses back to exactly that double, in parentheses when negative.
     * Null when the value has no such literal (it is too large for a double).
     */
    static String literal(MarketParameter parameter) {
        double value = parameter.asDouble();
        if (!Double.isFinite(value)) return null;
        String plain = BigDecimal.valueOf(value).toPlainString();
        if (!plain.contains(".")) plain += ".0";
        String literal = value < 0 ? "(" + plain + ")" : plain;
        // Defence in depth: nothing but a number ever goes into a rule.
        if (!LITERAL.matcher(literal).matches() || Double.parseDouble(plain) != value) return null;
        return literal;
    }

    /** {@code age < 17.5}: a name compared with a number that has a fraction (group 1 or 3 the name, 2 or 4 the number). */
    private static final Pattern FRACTION_COMPARED =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(?:<=|>=|==|!=|<|>)\\s*[(\\s-]*(\\d*\\.\\d+|\\d+\\.\\d*)"
                    + "|(\\d*\\.\\d+|\\d+\\.\\d*)[\\s)]*(?:<=|>=|==|!=|<|>)\\s*([A-Za-z_][A-Za-z0-9_]*)");
    /** {@code age in (17.5, 18)}. */
    private static final Pattern FRACTION_LISTED =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s+(?:not\\s+)?in\\s*\\(([^)]*)\\)");

    /**
     * Names the stage's rules compare with a number that has a fraction. Drools converts a literal to the
     * type of the property it is compared with, and then shares and indexes conditions by the converted
     * value: Applicant( age < 17.5 ) next to a folded Applicant( age < 17 ) would be taken for the same
     * condition. A whole-number property with such a neighbour is never compared with a folded literal.
     */
    static Set<String> fractional(String stage) {
        Set<String> names = new HashSet<>();
        String code = PolicySandbox.withoutTextAndComments(stage == null ? "" : stage);
        Matcher compared = FRACTION_COMPARED.matcher(code);
        while (compared.find()) {
            String name = compared.group(1) != null ? compared.group(1) : compared.group(4);
            String number = compared.group(2) != null ? compared.group(2) : compared.group(3);
            if (hasFraction(number)) names.add(name);
        }
        Matcher listed = FRACTION_LISTED.matcher(code);
        while (listed.find()) {
            for (String item : listed.group(2).split(",")) {
                if (item.strip().matches("-?(\\d*\\.\\d+|\\d+\\.\\d*)") && hasFraction(item.strip())) {
                    names.add(listed.group(1));
                }
            }
        }
        return names;
    }

    private static boolean hasFraction(String number) {
        try {
            BigDecimal value = new BigDecimal(number.replace("-", ""));
            return value.stripTrailingZeros().scale() > 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** One place a parameter is read: a bound variable or an inline call, at an offset of the text. */
    private record Use(int start, int length, MarketParameter parameter) {}

    /** A pattern constraint's text and the fact it tests. */
    private record Constraint(int start, int end, Class<?> fact, String text) {}

    private static final class Rewrite {
        private final String artifact;
        private final String drl;
        private final Map<String, MarketParameter> parameters;
        /** The text without strings and comments, same offsets: where names are looked for. */
        private final String code;

        private final DrlLines lines;
        /** The text with this rule's inline calls replaced by placeholders: what its constraints are parsed from. */
        private String workText;

        private int placeholders;

        private final List<Use> uses = new ArrayList<>();
        private final List<int[]> dropped = new ArrayList<>();
        private final List<ArtifactError> errors = new ArrayList<>();

        /** Whole-number properties the stage also compares with a fraction: no literal is folded next to them. */
        private final Set<String> fractional;

        Rewrite(String artifact, String drl, Map<String, MarketParameter> parameters, Set<String> fractional) {
            this.artifact = artifact;
            this.fractional = fractional;
            this.drl = drl;
            this.parameters = parameters;
            this.code = PolicySandbox.withoutTextAndComments(drl);
            this.lines = new DrlLines(drl);
        }

        Folded run(PackageDescr pkg) {
            Set<String> extended = new HashSet<>();
            for (RuleDescr rule : pkg.getRules()) if (rule.getParentName() != null) extended.add(rule.getParentName());
            for (RuleDescr rule : pkg.getRules()) {
                // A rule that extends another, or is extended, shares its conditions and bindings: left alone.
                if (rule.isQuery() || rule.getParentName() != null || extended.contains(rule.getName())) continue;
                rule(rule);
            }
            return apply();
        }

        private void rule(RuleDescr rule) {
            int start = rule.getStartCharacter();
            int end = rule.getEndCharacter();
            if (start < 0 || end <= start || end > drl.length()) return;
            int consequence = consequenceStart(rule);
            if (consequence < start || consequence > end) return;
            List<Constraint> constraints = new ArrayList<>();
            List<int[]> marketPatterns = new ArrayList<>();
            if (!constraints(rule.getLhs(), constraints, marketPatterns)) return;

            // The binding form: top-level Market patterns whose constraints all bind a parameter.
            Map<String, MarketParameter> bound = new LinkedHashMap<>();
            Map<String, Integer> declaredAt = new LinkedHashMap<>();
            Set<String> declaredTwice = new HashSet<>();
            Map<PatternDescr, List<String>> droppable = new LinkedHashMap<>();
            for (BaseDescr element : rule.getLhs().getDescrs()) {
                if (!(element instanceof PatternDescr pattern) || !isPlainMarket(pattern)) continue;
                List<String> variables = new ArrayList<>();
                for (BaseDescr constraint : pattern.getDescrs()) {
                    Matcher binding = constraint instanceof ExprConstraintDescr expr
                                    && expr.getType() == ExprConstraintDescr.Type.NAMED
                            ? BINDING.matcher(expr.getExpression())
                            : null;
                    MarketParameter parameter =
                            binding != null && binding.matches() ? parameters.get(binding.group(2)) : null;
                    int at = parameter == null ? -1 : declaration(constraint, binding.group(1));
                    if (at < 0) {
                        variables = null;
                        continue;
                    }
                    String variable = binding.group(1);
                    if (bound.containsKey(variable)) declaredTwice.add(variable);
                    bound.put(variable, parameter);
                    declaredAt.put(variable, at);
                    if (variables != null) variables.add(variable);
                }
                if (variables != null && !variables.isEmpty()) droppable.put(pattern, variables);
            }

            String[] works = inlineCalls(start, end, marketPatterns);
            String work = works[0];
            this.workText = works[1];
            Set<String> folded = new HashSet<>();
            for (var variable : bound.entrySet()) {
                if (declaredTwice.contains(variable.getKey()) || literal(variable.getValue()) == null) continue;
                List<Integer> at = occurrences(work, variable.getKey(), start, end);
                at.remove(declaredAt.get(variable.getKey()));
                boolean safe = true;
                for (int offset : at) {
                    safe &= safe(work, offset, variable.getKey(), variable.getValue(), consequence, constraints);
                }
                if (!safe) continue;
                folded.add(variable.getKey());
                for (int offset : at) uses.add(new Use(offset, variable.getKey().length(), variable.getValue()));
            }
            for (var pattern : droppable.entrySet()) {
                if (folded.containsAll(pattern.getValue())) {
                    dropped.add(new int[] {
                        pattern.getKey().getStartCharacter(), pattern.getKey().getEndCharacter()
                    });
                }
            }
            inlineUses(work, rule, start, end, consequence, constraints);
        }

        /**
         * Replaces each inline param("name") outside Market patterns by a same-length placeholder name, in
         * the text without strings and comments (where names are looked for) and in the text itself (what
         * constraints are parsed from).
         */
        private String[] inlineCalls(int start, int end, List<int[]> marketPatterns) {
            StringBuilder work = new StringBuilder(code);
            StringBuilder text = new StringBuilder(drl);
            Matcher call = INLINE.matcher(drl);
            call.region(start, end);
            while (call.find()) {
                int at = call.start();
                if (code.charAt(at) != 'p' || insideAny(at, marketPatterns) || scoped(at)) continue;
                MarketParameter parameter = parameters.get(call.group(1));
                if (parameter == null) continue;
                String placeholder = placeholder(placeholders++, call.end() - at);
                work.replace(at, call.end(), placeholder);
                text.replace(at, call.end(), placeholder);
            }
            return new String[] {work.toString(), text.toString()};
        }

        private void inlineUses(
                String work, RuleDescr rule, int start, int end, int consequence, List<Constraint> constraints) {
            Matcher call = INLINE.matcher(drl);
            call.region(start, end);
            while (call.find()) {
                int at = call.start();
                if (!work.startsWith("$$p", at)) continue;
                MarketParameter parameter = parameters.get(call.group(1));
                String token = work.substring(at, call.end());
                boolean safe = literal(parameter) != null
                        && at < consequence
                        && safe(work, at, token, parameter, consequence, constraints);
                if (safe) {
                    uses.add(new Use(at, call.end() - at, parameter));
                } else {
                    int[] where = position(at);
                    errors.add(new ArtifactError(
                            artifact,
                            where[0],
                            where[1],
                            "rule \"" + rule.getName() + "\": param(\"" + parameter.name() + "\") can be written"
                                    + " inline only as one side of a comparison with a property, e.g. Applicant( age"
                                    + " < param(\"minimumAge\") ), and with a whole number where the property holds"
                                    + " whole numbers; elsewhere bind it first: Market( $" + parameter.name()
                                    + " : param(\"" + parameter.name() + "\") ), then use $" + parameter.name()));
                }
            }
        }

        /**
         * Whether the literal decides exactly as the bound double did at this occurrence: in the consequence
         * as a plain value, or in a pattern's constraint as a comparison's side or within an expression on a property.
         */
        private boolean safe(
                String work,
                int offset,
                String token,
                MarketParameter parameter,
                int consequence,
                List<Constraint> constraints) {
            int after = skipSpaces(work, offset + token.length());
            char next = after < work.length() ? work.charAt(after) : ' ';
            char nextButOne = after + 1 < work.length() ? work.charAt(after + 1) : ' ';
            if (next == '.' || next == '(' || next == '[') return false;
            if (next == '=' && nextButOne != '=') return false;
            if ("+-*/%&|^<>".indexOf(next) >= 0 && nextButOne == '=' && !(next == '<' || next == '>')) return false;
            if ((next == '+' || next == '-') && nextButOne == next) return false;
            int before = skipSpacesBack(work, offset - 1);
            if (before >= 0 && work.charAt(before) == '.') return false;
            if (before >= 1 && (work.startsWith("++", before - 1) || work.startsWith("--", before - 1))) return false;
            if (offset >= consequence) return true;
            for (Constraint constraint : constraints) {
                if (offset >= constraint.start() && offset < constraint.end()) {
                    return safeInConstraint(work, constraint, token, parameter);
                }
            }
            return false;
        }

        private boolean safeInConstraint(String work, Constraint constraint, String token, MarketParameter parameter) {
            String text = workText.substring(constraint.start(), constraint.end());
            String names = work.substring(constraint.start(), constraint.end());
            if (next(names, token, 0) < 0) return false;
            DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
            ConstraintConnectiveDescr parsed = parser.parse(text);
            if (parser.hasErrors() || parsed == null) return false;
            int[] seen = {0};
            if (!safeIn(parsed, token, constraint.fact(), parameter, seen)) return false;
            // Every occurrence must have been one the walk judged; anything else (a binding, a bare call) is not
            // folded.
            int count = 0;
            for (int at = next(names, token, 0); at >= 0; at = next(names, token, at + token.length())) count++;
            return count == seen[0];
        }

        private boolean safeIn(BaseDescr descr, String token, Class<?> fact, MarketParameter parameter, int[] seen) {
            if (descr instanceof ConstraintConnectiveDescr connective) {
                for (BaseDescr child : connective.getDescrs()) {
                    if (!safeIn(child, token, fact, parameter, seen)) return false;
                }
                return true;
            }
            if (descr instanceof RelationalExprDescr relation) {
                if (!(relation.getLeft() instanceof AtomicExprDescr left)
                        || !(relation.getRight() instanceof AtomicExprDescr right)) {
                    return !mentions(relation.toString(), token);
                }
                String l = left.getExpression().strip();
                String r = right.getExpression().strip();
                boolean inLeft = mentions(l, token);
                boolean inRight = mentions(r, token);
                if (!inLeft && !inRight) return true;
                if (inLeft && inRight) return false;
                if (!COMPARISONS.contains(relation.getOperator()) || relation.isNegated()) return false;
                String operand = inLeft ? l : r;
                String other = inLeft ? r : l;
                if (operand.equals(token)) {
                    seen[0]++;
                    return comparable(fact, other, parameter) && !(whole(fact, other) && fractional.contains(other));
                }
                // Within an expression: safe when it also reads a property, so it is no constant Drools would convert.
                int count = 0;
                for (int at = next(operand, token, 0); at >= 0; at = next(operand, token, at + token.length())) count++;
                seen[0] += count;
                for (String identifier : PolicySandbox.identifiers(operand.replace(token, " "))) {
                    if (PolicySandboxAllowList.property(fact, identifier) != null
                            && !followedByCall(operand, identifier)) return true;
                }
                return false;
            }
            if (descr instanceof AtomicExprDescr atom) return !mentions(atom.getExpression(), token);
            return !mentions(String.valueOf(descr.getText()), token);
        }

        /** A number property of the fact, compared with which the literal keeps the bound double's meaning. */
        private static boolean comparable(Class<?> fact, String property, MarketParameter parameter) {
            var getter = PolicySandboxAllowList.property(fact, property);
            if (getter == null) return false;
            Class<?> type = getter.getReturnType();
            if (DECIMALS.contains(type)) return true;
            if (!WHOLE.contains(type)) return false;
            // Drools converts the literal to the property's type: exact only for a whole value within an int.
            double value = parameter.asDouble();
            return value == Math.rint(value) && value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
        }

        private static boolean whole(Class<?> fact, String property) {
            var getter = PolicySandboxAllowList.property(fact, property);
            return getter != null && WHOLE.contains(getter.getReturnType());
        }

        private static boolean followedByCall(String text, String identifier) {
            return Pattern.compile("(?<![\\w$.])" + Pattern.quote(identifier) + "\\s*\\(")
                    .matcher(text)
                    .find();
        }

        private static boolean mentions(String text, String token) {
            return next(text, token, 0) >= 0;
        }

        /** The next occurrence of {@code token} as a whole name (not part of $maxDti when looking for $max). */
        private static int next(String text, String token, int from) {
            for (int at = text.indexOf(token, from); at >= 0; at = text.indexOf(token, at + 1)) {
                boolean startsName = at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1));
                int end = at + token.length();
                boolean endsName = end >= text.length() || !Character.isJavaIdentifierPart(text.charAt(end));
                if (startsName && endsName) return at;
            }
            return -1;
        }

        private static List<Integer> occurrences(String work, String token, int start, int end) {
            List<Integer> found = new ArrayList<>();
            for (int at = next(work, token, start); at >= 0 && at < end; at = next(work, token, at + token.length())) {
                found.add(at);
            }
            return found;
        }

        /** Collects every pattern constraint of the conditions; false when a pattern's text cannot be placed. */
        private boolean constraints(BaseDescr element, List<Constraint> constraints, List<int[]> marketPatterns) {
            if (element instanceof PatternDescr pattern) {
                if ("Market".equals(pattern.getObjectType())
                        || (PolicySandboxAllowList.VOCABULARY_PACKAGE + ".Market").equals(pattern.getObjectType())) {
                    marketPatterns.add(new int[] {pattern.getStartCharacter(), pattern.getEndCharacter()});
                }
                Class<?> fact = PolicySandboxAllowList.fact(pattern.getObjectType());
                if (pattern.getSource() != null || fact == null) return true;
                for (BaseDescr constraint : pattern.getDescrs()) {
                    if (!(constraint instanceof ExprConstraintDescr expr)
                            || expr.getType() != ExprConstraintDescr.Type.NAMED) continue;
                    int start = expr.getStartCharacter();
                    String text = expr.getExpression();
                    if (start < 0 || !drl.startsWith(text, start)) return false;
                    constraints.add(new Constraint(start, start + text.length(), fact, text));
                }
                return true;
            }
            if (element instanceof AndDescr || element instanceof ConditionalElementDescr) {
                for (BaseDescr child : ((ConditionalElementDescr) element).getDescrs()) {
                    if (!constraints(child, constraints, marketPatterns)) return false;
                }
            }
            return true;
        }

        private static boolean isPlainMarket(PatternDescr pattern) {
            return ("Market".equals(pattern.getObjectType())
                            || (PolicySandboxAllowList.VOCABULARY_PACKAGE + ".Market").equals(pattern.getObjectType()))
                    && pattern.getIdentifier() == null
                    && pattern.getSource() == null
                    && pattern.getAnnotations().isEmpty()
                    && pattern.getBehaviors().isEmpty()
                    && !pattern.isQuery()
                    && pattern.getStartCharacter() >= 0
                    && pattern.getEndCharacter() > pattern.getStartCharacter();
        }

        /** Where the variable of a binding constraint is written, or -1 when its text cannot be placed. */
        private int declaration(BaseDescr constraint, String variable) {
            int start = constraint.getStartCharacter();
            String text = ((ExprConstraintDescr) constraint).getExpression();
            if (start < 0 || !drl.startsWith(text, start)) return -1;
            int at = next(code, variable, start);
            return at >= 0 && at < start + text.length() ? at : -1;
        }

        private boolean scoped(int at) {
            int before = skipSpacesBack(code, at - 1);
            return before >= 0 && code.charAt(before) == '.';
        }

        private static boolean insideAny(int at, List<int[]> ranges) {
            for (int[] range : ranges) if (at >= range[0] && at < range[1]) return true;
            return false;
        }

        /** A name no analyst writes, as long as the call it stands for (at least 10 characters, as param("a")). */
        private static String placeholder(int index, int length) {
            String name = "$$p" + index + "$";
            return name + "_".repeat(Math.max(0, length - name.length()));
        }

        private static int skipSpaces(String text, int at) {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
            return at;
        }

        private static int skipSpacesBack(String text, int at) {
            while (at >= 0 && Character.isWhitespace(text.charAt(at))) at--;
            return at;
        }

        /** Where the consequence's text starts, as PolicySandbox finds it: after the rule's 'then'. */
        private int consequenceStart(RuleDescr rule) {
            return rule.getConsequence() instanceof String consequence ? lines.consequenceStart(rule, consequence) : -1;
        }

        private int[] position(int offset) {
            return lines.position(offset);
        }

        /** Applies the replacements and drops, keeping every line break where it was. */
        private Folded apply() {
            if (uses.isEmpty() && dropped.isEmpty()) return new Folded(drl, List.of(), List.copyOf(errors));
            StringBuilder text = new StringBuilder(drl);
            for (int[] range : dropped) {
                for (int i = range[0]; i < range[1]; i++) if (text.charAt(i) != '\n') text.setCharAt(i, ' ');
            }
            List<Use> sorted = new ArrayList<>(uses);
            sorted.sort(Comparator.comparingInt(Use::start).reversed());
            List<Edit> edits = new ArrayList<>();
            for (Use use : sorted) {
                String literal = literal(use.parameter());
                // Padded to the name's length where it is shorter, so the rest of the line keeps its columns.
                String replacement = literal.length() < use.length()
                        ? literal + " ".repeat(use.length() - literal.length())
                        : literal;
                text.replace(use.start(), use.start() + use.length(), replacement);
                if (replacement.length() != use.length()) {
                    int[] at = position(use.start());
                    edits.add(new Edit(at[0], at[1], use.length(), replacement.length()));
                }
            }
            edits.sort(Comparator.comparingInt(Edit::line).thenComparingInt(Edit::column));
            return new Folded(text.toString(), List.copyOf(edits), List.copyOf(errors));
        }
    }
}
