package io.credence.engine;

import com.github.javaparser.JavaParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * The policy sandbox: refuses any DRL that could reach outside the decision (the file system, the
 * network, processes, reflection, class loading, threads, shared state or the engine itself) before
 * Drools compiles it. It is an allow-list, not a list of bad words: each artifact is parsed with
 * Drools' own DRL parser and every condition and consequence with JavaParser, and only the constructs,
 * types and methods of {@link PolicySandboxAllowList} get through. What it allows, and why, is
 * written up in docs/security.md; analysts find the short version in docs/authoring.md.
 */
final class PolicySandbox {

    static final List<String> DRL_ARTIFACTS =
            List.of(PolicyPackage.FRAUD, PolicyPackage.APPROVAL, PolicyPackage.PRICING);

    /** DRL's own operators, allowed between two checked expressions. str takes startsWith, endsWith or length. */
    static final Set<String> OPERATORS =
            Set.of("==", "!=", "<", "<=", ">", ">=", "matches", "contains", "excludes", "memberOf", "str");
    /** Words a condition may contain that are DRL rather than Java: operators, and what 'in' and 'not' expand to. */
    private static final Set<String> DRL_WORDS = Set.of(
            "in",
            "not",
            "matches",
            "contains",
            "excludes",
            "memberOf",
            "str",
            "startsWith",
            "endsWith",
            "length",
            "null",
            "true",
            "false",
            "this");

    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9a-fA-F]{0,4}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final String ONLY_RULES =
            "; a policy holds only rules, written with the vocabulary (see docs/authoring.md)";

    private PolicySandbox() {}

    /** Every refusal in the package's DRL artifacts; empty when they may be compiled. */
    static List<ArtifactError> check(PolicyPackage policy) {
        return check(policy, (artifact, code) -> {});
    }

    /**
     * Every refusal in the package's DRL artifacts, telling {@code emitted} each reason code a consequence
     * gives to the Decision and the artifact it is in.
     */
    static List<ArtifactError> check(PolicyPackage policy, BiConsumer<String, String> emitted) {
        List<ArtifactError> errors = new ArrayList<>();
        for (String artifact : DRL_ARTIFACTS) {
            String drl = policy.artifact(artifact);
            if (drl == null || drl.isBlank()) continue;
            check(artifact, drl, errors, code -> emitted.accept(artifact, code));
        }
        return errors;
    }

    /** Checks one DRL artifact; false when it could not be read as DRL, so nothing in it was checked. */
    static boolean check(String artifact, String drl, List<ArtifactError> errors, Consumer<String> emitted) {
        ArtifactCheck check = new ArtifactCheck(artifact, drl, errors, emitted);
        try {
            check.run();
        } catch (StackOverflowError e) {
            errors.add(new ArtifactError(artifact, null, null, "nests expressions or blocks too deeply to be checked"));
        }
        return check.read;
    }

    /** The check of one DRL artifact. Not thread-safe; one per artifact and call. */
    private static final class ArtifactCheck {
        private final String artifact;
        private final String drl;
        private final List<ArtifactError> errors;
        private final DrlLines lines;
        private final JavaParser java = DrlExpressionChecker.newParser();
        private final Set<AttributeDescr> packageAttributes = Collections.newSetFromMap(new IdentityHashMap<>());
        private final DrlExpressionChecker.Refusals consequences;
        private String rule;
        private boolean read;

        ArtifactCheck(String artifact, String drl, List<ArtifactError> errors, Consumer<String> emitted) {
            this.artifact = artifact;
            this.drl = drl;
            this.errors = errors;
            this.consequences = new DrlExpressionChecker.Refusals() {
                @Override
                public void refuse(int line, int column, String message) {
                    ArtifactCheck.this.refuse(line, column, message);
                }

                @Override
                public void emits(String code) {
                    emitted.accept(code);
                }
            };
            this.lines = new DrlLines(drl);
        }

        void run() {
            refuseUnicodeEscapes();
            refuseTextBlocks();
            // The level Drools compiles with, so the sandbox reads exactly what the compiler will.
            DrlParser parser = new DrlParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, drl);
            } catch (DroolsParserException e) {
                refuse(e.getLineNumber(), e.getColumn() + 1, "could not be read: " + e.getMessage());
                return;
            }
            // A syntax error is the compiler's to report: it runs this same parser on this same text, reports
            // each error with its line and column, and compiles nothing of an artifact that does not parse.
            if (parser.hasErrors()) return;
            if (pkg == null) {
                refuse(0, 0, "could not be read as DRL");
                return;
            }
            read = true;
            checkPackage(pkg);
            for (RuleDescr r : pkg.getRules()) {
                rule = r.getName();
                if (r instanceof QueryDescr || r.isQuery()) {
                    refuse(
                            r,
                            "declares a query; the engine never runs queries, rules give their verdict through the Decision");
                } else {
                    checkRule(r);
                }
                rule = null;
            }
        }

        /** Java reads \\u escapes before anything else, even in comments and strings, so they can hide code. */
        private void refuseUnicodeEscapes() {
            Matcher escape = UNICODE_ESCAPE.matcher(drl);
            int lastLine = -1;
            while (escape.find()) {
                int[] at = position(escape.start());
                if (at[0] == lastLine) continue;
                lastLine = at[0];
                refuse(
                        at[0],
                        at[1],
                        "contains the unicode escape " + escape.group() + ": Java decodes these before"
                                + " anything else, even inside comments and text, so they can hide code; type the character itself");
            }
        }

        /**
         * Drools rewrites a consequence before javac reads it (KnowledgeHelperFixer, MVEL's macro pass),
         * and the rewrite reads text blocks and backslashes differently from Java: a text block that
         * JavaParser reads as one string can end early after the rewrite and let the rest run as code.
         */
        private void refuseTextBlocks() {
            int lastLine = -1;
            for (int at = drl.indexOf("\"\"\""); at >= 0; at = drl.indexOf("\"\"\"", at + 3)) {
                int[] where = position(at);
                if (where[0] == lastLine) continue;
                lastLine = where[0];
                refuse(
                        where[0],
                        where[1],
                        "contains a text block (\"\"\"): Drools rewrites rule code before Java reads"
                                + " it and does not understand text blocks, so they can hide code; write text in ordinary quotes");
            }
        }

        /** A backslash in a consequence is read one way by the sandbox and another by Drools' rewrite. */
        private void refuseBackslashes(String consequence, int start) {
            int slash = consequence.indexOf('\\');
            if (slash < 0) return;
            int[] where = start >= 0 ? position(start + slash) : new int[] {0, 0};
            refuse(
                    where[0],
                    where[1],
                    "contains a backslash: Drools rewrites a consequence before Java reads it and"
                            + " treats backslashes differently, so they can hide code; reason codes and messages need none");
        }

        private void checkPackage(PackageDescr pkg) {
            String expected = artifact.substring(0, artifact.indexOf('.'));
            if (!expected.equals(pkg.getName())) {
                Matcher declaration = Pattern.compile("(?m)^[ \\t]*package\\b").matcher(withoutTextAndComments(drl));
                int line = declaration.find() ? position(declaration.start())[0] : 1;
                refuse(
                        line,
                        null,
                        "declares package '" + pkg.getName() + "'; " + artifact + " must start with 'package "
                                + expected + ";' so its rules run in the " + expected + " stage");
            }
            for (ImportDescr i : pkg.getImports()) {
                if (!PolicySandboxAllowList.isImportAllowed(i.getTarget())) {
                    refuse(
                            i,
                            "imports " + i.getTarget() + "; a policy may import only the vocabulary (import "
                                    + PolicySandboxAllowList.VOCABULARY_PACKAGE + ".*;) and "
                                    + String.join(
                                            ", ",
                                            PolicySandboxAllowList.JDK_IMPORTS.stream()
                                                    .sorted()
                                                    .toList()));
                }
            }
            pkg.getFunctionImports()
                    .forEach(i -> refuse(
                            i,
                            "imports the function " + i.getTarget()
                                    + "; policies may not import functions or static methods" + ONLY_RULES));
            pkg.getAccumulateImports().forEach(i -> refuse(i, "imports an accumulate function; policies may not"));
            pkg.getGlobals()
                    .forEach(
                            g -> refuse(
                                    g,
                                    "declares the global '" + g.getIdentifier() + "': globals are state"
                                            + " shared by every decision, outside the facts; rules give their verdict through the Decision"));
            pkg.getFunctions()
                    .forEach(f -> refuse(
                            f,
                            "declares the function " + f.getName() + ": functions are free"
                                    + " Java code (loops, recursion, any class)" + ONLY_RULES));
            pkg.getTypeDeclarations()
                    .forEach(t -> refuse(
                            t,
                            "declares the type " + t.getTypeName() + ": the engine only"
                                    + " inserts the vocabulary's facts, and declarations can run code while the policy compiles or change"
                                    + " how the engine treats a fact" + ONLY_RULES));
            pkg.getEnumDeclarations().forEach(t -> refuse(t, "declares the enum " + t.getTypeName() + ONLY_RULES));
            pkg.getEntryPointDeclarations().forEach(d -> refuse(d, "declares an entry point" + ONLY_RULES));
            pkg.getWindowDeclarations().forEach(d -> refuse(d, "declares a window" + ONLY_RULES));
            if (pkg.getUnit() != null) refuse(pkg.getUnit(), "declares a rule unit" + ONLY_RULES);
            for (AttributeDescr attribute : pkg.getAttributes()) {
                packageAttributes.add(attribute);
                checkAttribute(attribute);
            }
        }

        private void checkRule(RuleDescr r) {
            if (!r.getAnnotations().isEmpty()) {
                refuse(
                        r,
                        "has an annotation (@"
                                + r.getAnnotations().iterator().next().getName() + "); rules may not be annotated");
            }
            for (AttributeDescr attribute : r.getAttributes().values()) {
                if (!packageAttributes.contains(attribute)) checkAttribute(attribute);
            }
            if (!r.getNamedConsequences().isEmpty()) {
                refuse(r, "has named consequences (then[...] / do[...]); a rule has one consequence");
            }
            Map<String, DrlType> bindings = new LinkedHashMap<>();
            checkConditionalElement(r.getLhs(), bindings);
            if (r.getConsequence() instanceof String consequence && !consequence.isBlank()) {
                int start = consequenceStart(r, consequence);
                int[] at = start >= 0 ? position(start) : new int[] {r.getLine(), 1};
                refuseBackslashes(consequence, start);
                DrlExpressionChecker.checkConsequence(
                        java, consequence, bindings, new DrlExpressionChecker.Origin(at[0], at[1], 1), consequences);
            }
        }

        /** Allowed: salience (a whole number), no-loop, lock-on-active, activation-group, enabled true/false, dialect "java". */
        private void checkAttribute(AttributeDescr attribute) {
            String name = attribute.getName();
            String value =
                    attribute.getValue() == null ? "" : attribute.getValue().strip();
            switch (name) {
                case "salience" -> {
                    if (!INTEGER.matcher(value).matches()) {
                        refuse(attribute, "salience must be a whole number such as 10 or -10, not an expression");
                    }
                }
                case "no-loop", "lock-on-active", "enabled" -> {
                    if (!value.isEmpty() && !value.equals("true") && !value.equals("false")) {
                        refuse(attribute, name + " must be true or false, not an expression");
                    }
                }
                case "activation-group" -> {}
                case "dialect" -> {
                    if (!value.equals("java")) {
                        refuse(
                                attribute,
                                "uses the '" + value + "' dialect; policies are written in the java dialect"
                                        + " (the default), the only one the sandbox checks");
                    }
                }
                case "timer", "duration", "calendars" ->
                    refuse(
                            attribute,
                            name + " is not allowed: timers run rules on"
                                    + " the engine's own threads, outside any decision");
                case "date-effective", "date-expires" ->
                    refuse(
                            attribute,
                            name + " is not allowed: a decision must not"
                                    + " depend on the clock; deploy a new policy version when the policy changes");
                default ->
                    refuse(
                            attribute,
                            "the rule attribute '" + name + "' is not allowed; policies may use salience,"
                                    + " no-loop, lock-on-active, activation-group and enabled");
            }
        }

        private void checkConditionalElement(BaseDescr element, Map<String, DrlType> bindings) {
            if (element instanceof PatternDescr pattern) {
                checkPattern(pattern, bindings);
            } else if (element instanceof EvalDescr eval) {
                checkEval(eval, bindings);
            } else if (element instanceof AndDescr
                    || element instanceof OrDescr
                    || element instanceof NotDescr
                    || element instanceof ExistsDescr
                    || element instanceof ForallDescr) {
                for (BaseDescr child : ((ConditionalElementDescr) element).getDescrs()) {
                    checkConditionalElement(child, bindings);
                }
            } else {
                refuse(
                        element,
                        "uses "
                                + element.getClass()
                                        .getSimpleName()
                                        .replace("Descr", "")
                                        .toLowerCase()
                                + ", which policies may not use; conditions are patterns on the vocabulary's facts combined with"
                                + " and, or, not, exists and forall");
            }
        }

        private void checkPattern(PatternDescr pattern, Map<String, DrlType> bindings) {
            PatternSourceDescr source = pattern.getSource();
            if (source != null) {
                String what;
                if (source instanceof FromDescr) what = "reads facts 'from' an expression";
                else if (source instanceof AccumulateDescr || source instanceof CollectDescr)
                    what = "uses accumulate or collect";
                else if (source instanceof EntryPointDescr) what = "reads facts from an entry point";
                else
                    what = "reads facts from a "
                            + source.getClass()
                                    .getSimpleName()
                                    .replace("Descr", "")
                                    .toLowerCase();
                refuse(
                        pattern,
                        what + ", which the sandbox cannot check; rules may only match the facts the engine"
                                + " inserts, e.g. ListMatch( list == ListMatch.CUSTOMER )");
                return;
            }
            if (!pattern.getBehaviors().isEmpty()) refuse(pattern, "uses a sliding window, which policies may not use");
            if (pattern.isQuery()) refuse(pattern, "calls a query, which policies may not use");
            if (!pattern.getAnnotations().isEmpty()) refuse(pattern, "annotates a pattern, which policies may not do");
            Class<?> type = PolicySandboxAllowList.fact(pattern.getObjectType());
            if (type == null) {
                refuse(
                        pattern,
                        "matches " + pattern.getObjectType() + ", which is not a fact of the vocabulary; rules may"
                                + " match " + String.join(", ", PolicySandboxAllowList.factNames()));
                return;
            }
            if (pattern.getIdentifier() != null) {
                bind(pattern.getIdentifier(), DrlType.of(type), bindings, message -> refuse(pattern, message));
            }
            for (BaseDescr constraint : pattern.getDescrs()) {
                if (constraint instanceof ExprConstraintDescr expr
                        && expr.getType() == ExprConstraintDescr.Type.NAMED) {
                    checkConstraint(expr, type, bindings);
                } else if (constraint instanceof ExprConstraintDescr) {
                    refuse(
                            constraint,
                            "uses a positional constraint (before ';'); name the property instead, e.g."
                                    + " Applicant( age > 18 )");
                } else {
                    refuse(constraint, "has a constraint the sandbox does not recognise");
                }
            }
        }

        private void bind(String variable, DrlType type, Map<String, DrlType> bindings, BindingRefusal refusal) {
            String name = variable.strip();
            if (name.equals("drools") || name.equals("kcontext")) {
                refusal.refuse("binds the name '" + name + "', which is reserved for the engine");
            } else if (!name.isEmpty() && Character.isUpperCase(name.charAt(0))) {
                refusal.refuse("binds the variable '" + name + "'; variable names start with $ or a lower-case letter,"
                        + " so they cannot be mistaken for a class");
            }
            bindings.put(name, type);
        }

        private interface BindingRefusal {
            void refuse(String message);
        }

        private void checkEval(EvalDescr eval, Map<String, DrlType> bindings) {
            String content = String.valueOf(eval.getContent());
            int start = eval.getStartCharacter() >= 0 ? drl.indexOf(content, eval.getStartCharacter()) : -1;
            int[] at = start >= 0 ? position(start) : new int[] {eval.getLine(), eval.getColumn() + 1};
            DrlExpressionChecker.checkExpression(
                    java,
                    content,
                    null,
                    bindings,
                    new DrlExpressionChecker.Origin(at[0], at[1], 0),
                    this::refuse,
                    new HashSet<>());
        }

        /**
         * A constraint is split into atoms by Drools' own expression parser, the way its compiler splits it;
         * each atom is checked as Java. Drools' splitter stops quietly at anything it does not understand,
         * so every identifier in the constraint's text must also have been seen in a checked atom.
         */
        private void checkConstraint(ExprConstraintDescr constraint, Class<?> fact, Map<String, DrlType> bindings) {
            String text = constraint.getExpression();
            int start = constraint.getStartCharacter() >= 0 && drl.startsWith(text, constraint.getStartCharacter())
                    ? constraint.getStartCharacter()
                    : -1;
            int[] at = start >= 0 ? position(start) : new int[] {constraint.getLine(), constraint.getColumn() + 1};
            ConstraintContext context = new ConstraintContext(text, at, fact, bindings);
            String stray = strayPunctuation(text);
            if (stray != null) {
                context.refuse(0, "contains '" + stray + "', which has no place in a condition");
                return;
            }
            DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
            ConstraintConnectiveDescr parsed = parser.parse(text);
            if (parser.hasErrors() || parsed == null) {
                String detail = parser.getErrors().isEmpty()
                        ? ""
                        : " (" + parser.getErrors().get(0).getMessage() + ")";
                context.refuse(0, "could not read this condition" + detail);
                return;
            }
            context.walk(parsed);
            if (context.refused) return;
            for (String identifier : identifiers(text)) {
                if (!context.seen.contains(identifier) && !DRL_WORDS.contains(identifier)) {
                    context.refuse(
                            Math.max(0, text.indexOf(identifier)),
                            "contains '" + identifier + "', which the"
                                    + " sandbox could not place in the condition; write conditions as in docs/authoring.md");
                    return;
                }
            }
        }

        /** One constraint being checked: its text, where it starts, and what its atoms have shown. */
        private final class ConstraintContext {
            final String text;
            final int[] at;
            final Class<?> fact;
            final Map<String, DrlType> bindings;
            final Set<String> seen = new HashSet<>();
            boolean refused;

            ConstraintContext(String text, int[] at, Class<?> fact, Map<String, DrlType> bindings) {
                this.text = text;
                this.at = at;
                this.fact = fact;
                this.bindings = bindings;
            }

            void walk(BaseDescr descr) {
                if (descr instanceof ConstraintConnectiveDescr connective) {
                    connective.getDescrs().forEach(this::walk);
                } else if (descr instanceof RelationalExprDescr relation) {
                    String operator = relation.getOperator();
                    if (!OPERATORS.contains(operator)) {
                        refuse(
                                Math.max(0, text.indexOf(operator)),
                                "uses the operator '" + operator + "'; conditions" + " may use "
                                        + String.join(
                                                ", ",
                                                OPERATORS.stream().sorted().toList()) + ", in and not in");
                        return;
                    }
                    if (operator.equals("str")) {
                        // Drools' constraint JIT compiles str[...] to a call that does not exist: after about
                        // twenty decisions every one that reaches the rule fails with NoSuchMethodError.
                        refuse(
                                Math.max(0, text.indexOf("str")),
                                "str[...] is not supported: Drools fails on it after a"
                                        + " few decisions; call the method instead, e.g. customerId.startsWith(\"C-\"),"
                                        + " customerId.endsWith(\"-X\") or customerId.length() > 3");
                        return;
                    }
                    if (operator.equals("matches")) {
                        refuse(Math.max(0, text.indexOf("matches")), DrlExpressionChecker.NO_REGEX);
                        return;
                    }
                    walk(relation.getLeft());
                    walk(relation.getRight());
                } else if (descr instanceof AtomicExprDescr atom) {
                    atom(atom.getExpression());
                } else if (descr instanceof BindingDescr binding) {
                    String expression =
                            binding.getExpression() != null ? binding.getExpression() : binding.getBindingField();
                    DrlType type = atom(expression);
                    seen.add(binding.getVariable().strip());
                    bind(
                            binding.getVariable(),
                            type == null ? DrlType.of(Object.class) : type,
                            bindings,
                            message -> refuse(
                                    Math.max(
                                            0,
                                            text.indexOf(binding.getVariable().strip())),
                                    message));
                } else {
                    refuse(0, "has a part the sandbox does not recognise");
                }
            }

            private DrlType atom(String expression) {
                int offset = Math.max(0, text.indexOf(expression.strip()));
                return DrlExpressionChecker.checkExpression(
                        java,
                        expression.strip(),
                        fact,
                        bindings,
                        origin(offset),
                        (line, column, message) -> {
                            refused = true;
                            ArtifactCheck.this.refuse(line, column, message);
                        },
                        seen);
            }

            private DrlExpressionChecker.Origin origin(int offset) {
                String before = text.substring(0, offset);
                int newlines = (int) before.chars().filter(c -> c == '\n').count();
                if (newlines == 0) return new DrlExpressionChecker.Origin(at[0], at[1] + offset, 0);
                return new DrlExpressionChecker.Origin(at[0] + newlines, offset - before.lastIndexOf('\n'), 0);
            }

            void refuse(int offset, String message) {
                refused = true;
                DrlExpressionChecker.Origin o = origin(offset);
                ArtifactCheck.this.refuse(o.line(), o.column(), message);
            }
        }

        private int consequenceStart(RuleDescr r, String consequence) {
            return lines.consequenceStart(r, consequence);
        }

        private int[] position(int offset) {
            return lines.position(offset);
        }

        private void refuse(BaseDescr where, String message) {
            Integer line = where != null && where.getLine() > 0 ? where.getLine() : null;
            Integer column = line != null && where.getColumn() >= 0 ? where.getColumn() + 1 : null;
            add(line, column, message);
        }

        private void refuse(int line, Integer column, String message) {
            add(line > 0 ? line : null, line > 0 && column != null && column > 0 ? column : null, message);
        }

        private void add(Integer line, Integer column, String message) {
            String where = rule == null ? "" : "rule \"" + rule + "\": ";
            errors.add(new ArtifactError(artifact, line, column, where + message));
        }
    }

    /** ';', braces, '#' and '@' never belong in a condition; outside text they only smuggle in statements or MVEL. */
    static String strayPunctuation(String text) {
        String code = withoutTextAndComments(text);
        for (String stray : List.of(";", "{", "}", "#", "@", "\\")) {
            if (code.contains(stray)) return stray;
        }
        return null;
    }

    /** The identifiers of a piece of code, outside text and comments. */
    static Set<String> identifiers(String text) {
        String code = withoutTextAndComments(text);
        Set<String> found = new HashSet<>();
        int i = 0;
        while (i < code.length()) {
            if (Character.isJavaIdentifierStart(code.charAt(i))) {
                int start = i;
                while (i < code.length() && Character.isJavaIdentifierPart(code.charAt(i))) i++;
                found.add(code.substring(start, i));
            } else if (Character.isDigit(code.charAt(i))) {
                while (i < code.length()
                        && (Character.isLetterOrDigit(code.charAt(i))
                                || code.charAt(i) == '.'
                                || code.charAt(i) == '_')) i++;
            } else {
                i++;
            }
        }
        return found;
    }

    /** Replaces string and character literals and comments by spaces, keeping offsets. */
    static String withoutTextAndComments(String text) {
        StringBuilder code = new StringBuilder(text);
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < code.length() && code.charAt(end) != c) end += code.charAt(end) == '\\' ? 2 : 1;
                blank(code, i, Math.min(end + 1, code.length()));
                i = end + 1;
            } else if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '/') {
                int end = code.indexOf("\n", i);
                end = end < 0 ? code.length() : end;
                blank(code, i, end);
                i = end;
            } else if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '*') {
                int end = code.indexOf("*/", i + 2);
                end = end < 0 ? code.length() : end + 2;
                blank(code, i, end);
                i = end;
            } else {
                i++;
            }
        }
        return code.toString();
    }

    private static void blank(StringBuilder code, int from, int to) {
        for (int i = from; i < to && i < code.length(); i++) {
            if (code.charAt(i) != '\n') code.setCharAt(i, ' ');
        }
    }
}
