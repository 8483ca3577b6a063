package io.credence.engine;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import io.credence.vocabulary.Decision;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks one piece of rule code against {@link PolicySandboxAllowList}: a condition's expression,
 * an {@code eval}, or a consequence. The code is parsed with JavaParser and walked with the type of
 * every value worked out, so a method is allowed because of what it is called on, never because of
 * its name alone. Anything the walk does not recognise is refused.
 */
final class DrlExpressionChecker {

    /** Receives a refusal at a 1-based line and column of the artifact. */
    interface Refusals {
        void refuse(int line, int column, String message);

        /** A reason code a consequence passes to the Decision: each one needs a message in every language. */
        default void emits(String code) {}
    }

    /** The Decision's methods that give a reason code; the code is their one argument. */
    static final Set<String> REASON_METHODS = Set.of("decline", "refer", "addReason");

    /**
     * Where a snippet starts in the artifact. {@code prefix} is the number of characters the checker
     * put before the snippet's first line to make it parse (the brace around a consequence).
     */
    record Origin(int line, int column, int prefix) {
        int lineOf(Position p) {
            return line + p.line - 1;
        }

        int columnOf(Position p) {
            return p.line == 1 ? Math.max(1, column + p.column - 1 - prefix) : p.column;
        }
    }

    /** Most pieces of text one value may be built from; past it, doubling a text in every line exhausts memory. */
    static final int MAX_TEXT_PIECES = 64;

    static final String LOOPS =
            "loops (while, for, do) are not allowed: Java cannot stop a rule while it runs, so a loop"
                    + " that does not end would hold the decision past its time budget and tie up a server thread for good."
                    + " Write one rule per case, or a formula with Math";
    private static final String EXCEPTIONS =
            "try, catch and throw are not allowed: when a rule fails, the engine refers"
                    + " the application and records the fault";
    private static final String ENGINE = "%s gives access to the engine itself (the session, its environment and every"
            + " fact), which policies may not use; bind what a rule needs in its conditions, e.g. $d : Decision()";
    private static final String WORKING_MEMORY = "%s changes the engine's working memory, which policies may not do:"
            + " the facts are read-only and rules give their verdict through the Decision, e.g. $d.decline(\"CODE\")";
    private static final String TOO_MUCH_TEXT = "builds text from more than " + MAX_TEXT_PIECES + " pieces: text that"
            + " keeps growing (a = a + a in line after line) would exhaust the server's memory";
    private static final Set<String> SAME_TEXT_METHODS =
            Set.of("substring", "trim", "strip", "toUpperCase", "toLowerCase", "toString", "valueOf");
    private static final Set<String> WORKING_MEMORY_CALLS =
            Set.of("insert", "insertLogical", "update", "modify", "retract", "delete");
    private static final Set<String> ENGINE_NAMES = Set.of("drools", "kcontext");
    private static final Set<String> REFLECTION_METHODS = Set.of("getClass", "wait", "notify", "notifyAll");
    private static final Pattern FORMAT_WIDTH =
            Pattern.compile("%[-#+ 0,(<]*(\\d+\\$)?[-#+ 0,(<]*\\d{4,}|%[^a-zA-Z%]*\\.\\d{4,}");
    private static final Pattern PARSE_POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    private final Map<String, DrlType> bindings;
    private final Class<?> fact;
    private final boolean condition;
    private final Origin origin;
    private final Refusals refusals;
    private final Deque<Map<String, DrlType>> locals = new ArrayDeque<>();
    /** How many pieces each text local may hold: the most of any value assigned to it. */
    private final Map<String, Integer> textPieces = new HashMap<>();

    private DrlExpressionChecker(
            Map<String, DrlType> bindings, Class<?> fact, boolean condition, Origin origin, Refusals refusals) {
        this.bindings = bindings;
        this.fact = fact;
        this.condition = condition;
        this.origin = origin;
        this.refusals = refusals;
    }

    static JavaParser newParser() {
        return new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                .setAttributeComments(false));
    }

    /**
     * Checks one expression of a condition or an eval; {@code fact} is the pattern's type (its
     * properties are in scope, as in DRL), or null for an eval. Adds every identifier the parser saw
     * to {@code seen}. Returns the expression's type, or null when it was refused.
     */
    static DrlType checkExpression(
            JavaParser parser,
            String text,
            Class<?> fact,
            Map<String, DrlType> bindings,
            Origin origin,
            Refusals refusals,
            Set<String> seen) {
        DrlExpressionChecker checker = new DrlExpressionChecker(bindings, fact, true, origin, refusals);
        ParseResult<Expression> parsed = parser.parseExpression(text);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            checker.refuseUnreadable(parsed.getProblems(), null);
            return null;
        }
        Expression expression = parsed.getResult().get();
        collectIdentifiers(expression, seen);
        return checker.expression(expression);
    }

    /** Checks a rule's consequence; the rule's bindings are its variables. */
    static void checkConsequence(
            JavaParser parser, String text, Map<String, DrlType> bindings, Origin origin, Refusals refusals) {
        DrlExpressionChecker checker = new DrlExpressionChecker(bindings, null, false, origin, refusals);
        ParseResult<BlockStmt> parsed = parser.parseBlock("{" + text + "\n}");
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            Matcher workingMemory = Pattern.compile("\\b(modify|update|insert|insertLogical|retract|delete)\\s*\\(")
                    .matcher(text);
            if (workingMemory.find()) {
                checker.refuseUnreadable(
                        parsed.getProblems(), String.format(WORKING_MEMORY, workingMemory.group(1) + "(...)"));
            } else {
                checker.refuseUnreadable(parsed.getProblems(), null);
            }
            return;
        }
        checker.statement(parsed.getResult().get());
    }

    /** Why a regular expression could take too long or is invalid; null when it is safe to use. */
    static String regexProblem(String regex) {
        if (regex.length() > 200) return "is longer than 200 characters";
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return "is not a valid regular expression (" + e.getDescription() + ")";
        }
        if (Pattern.compile("\\\\([1-9]|k<)").matcher(regex).find()) {
            return "uses a back-reference, which can take exponential time";
        }
        Deque<boolean[]> groups = new ArrayDeque<>();
        groups.push(new boolean[1]);
        int openEnded = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '*'
                    || c == '+'
                    || (c == '{' && regex.indexOf(',', i) > i && regex.indexOf(',', i) < regex.indexOf('}', i))) {
                if (++openEnded > 2) {
                    return "has more than two open-ended repetitions (*, + or {n,m}); each one multiplies the time a"
                            + " match can take on some inputs";
                }
            }
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = endOfClass(regex, i);
            } else if (c == '(') {
                groups.push(new boolean[1]);
            } else if (c == ')' && groups.size() > 1) {
                boolean inner = groups.pop()[0];
                boolean repeated = i + 1 < regex.length() && "*+{".indexOf(regex.charAt(i + 1)) >= 0;
                if (repeated && inner) {
                    return "repeats a group that itself repeats or has alternatives (like (a+)+ or (a|ab)*), which can"
                            + " take exponential time on some inputs";
                }
                groups.peek()[0] |= inner || repeated;
            } else if (c == '*' || c == '+' || c == '{' || (c == '|' && groups.size() > 1)) {
                groups.peek()[0] = true;
            }
        }
        return null;
    }

    private static int endOfClass(String regex, int open) {
        int depth = 0;
        for (int i = open; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') i++;
            else if (c == '[') depth++;
            else if (c == ']' && i > open + 1 && --depth == 0) return i;
        }
        return regex.length();
    }

    private static void collectIdentifiers(Node node, Set<String> seen) {
        node.findAll(SimpleName.class).forEach(n -> seen.add(n.getIdentifier()));
        node.findAll(Name.class).forEach(n -> seen.add(n.getIdentifier()));
    }

    // ---- statements (consequences only)

    private void statement(Statement statement) {
        if (statement instanceof BlockStmt block) {
            locals.push(new HashMap<>());
            block.getStatements().forEach(this::statement);
            locals.pop();
        } else if (statement instanceof ExpressionStmt stmt) {
            Expression e = stmt.getExpression();
            if (e instanceof VariableDeclarationExpr declaration) declare(declaration);
            else expression(e);
        } else if (statement instanceof IfStmt stmt) {
            expression(stmt.getCondition());
            statement(stmt.getThenStmt());
            stmt.getElseStmt().ifPresent(this::statement);
        } else if (statement instanceof EmptyStmt) {
            return;
        } else if (statement instanceof ReturnStmt stmt) {
            stmt.getExpression()
                    .ifPresent(e -> refuse(e, "returns a value; a consequence may only end early with 'return;'"));
        } else if (statement instanceof WhileStmt
                || statement instanceof DoStmt
                || statement instanceof ForStmt
                || statement instanceof ForEachStmt) {
            refuse(statement, LOOPS);
        } else if (statement instanceof TryStmt || statement instanceof ThrowStmt) {
            refuse(statement, EXCEPTIONS);
        } else if (statement instanceof SynchronizedStmt) {
            refuse(statement, "synchronized is not allowed: rules must never wait for a lock");
        } else if (statement instanceof SwitchStmt) {
            refuse(statement, "switch is not supported; write if / else if / else");
        } else if (statement instanceof LocalClassDeclarationStmt || statement instanceof LocalRecordDeclarationStmt) {
            refuse(statement, "declares a class, which policies may not do");
        } else {
            refuse(
                    statement,
                    "uses the '" + keyword(statement) + "' statement, which policies may not use; a consequence"
                            + " may declare local variables, assign them, call the vocabulary's methods and use if / else");
        }
    }

    private void declare(VariableDeclarationExpr declaration) {
        for (Modifier modifier : declaration.getModifiers()) {
            if (modifier.getKeyword() != Modifier.Keyword.FINAL) {
                refuse(
                        declaration,
                        "declares a '" + modifier.getKeyword().asString()
                                + "' variable; only plain local variables are allowed");
            }
        }
        if (!declaration.getAnnotations().isEmpty()) refuse(declaration, "annotations are not allowed in consequences");
        for (VariableDeclarator variable : declaration.getVariables()) {
            Class<?> type = localType(variable.getType());
            String name = variable.getNameAsString();
            checkVariableName(variable, name);
            boolean readable = variable.getInitializer().map(this::expression).isPresent()
                    || variable.getInitializer().isEmpty();
            if (type == String.class && readable) {
                int pieces = variable.getInitializer().map(this::pieces).orElse(0);
                textPieces.put(name, pieces);
                if (pieces > MAX_TEXT_PIECES) refuse(variable, TOO_MUCH_TEXT);
            }
            if (type != null) locals.peek().put(name, DrlType.of(type));
            else locals.peek().put(name, DrlType.of(Object.class));
        }
    }

    private Class<?> localType(Type type) {
        if (type instanceof PrimitiveType primitive) return primitiveClass(primitive);
        if (type instanceof ClassOrInterfaceType named
                && named.getTypeArguments().isEmpty()) {
            Class<?> allowed = PolicySandboxAllowList.LOCAL_TYPES.get(named.getNameWithScope());
            if (allowed != null) return allowed;
            Class<?> vocabulary = vocabularyType(named.getNameWithScope());
            if (vocabulary != null) return vocabulary;
        }
        if (type.isVarType()) {
            refuse(type, "declares a variable with 'var'; name its type, e.g. double or String");
        } else {
            refuse(
                    type,
                    "declares a variable of type " + type.asString() + "; local variables may be numbers, booleans,"
                            + " text (String) or the vocabulary's facts");
        }
        return null;
    }

    private void checkVariableName(Node where, String name) {
        if (ENGINE_NAMES.contains(name)) {
            refuse(where, "uses the name '" + name + "', which is reserved for the engine");
        } else if (!name.isEmpty() && Character.isUpperCase(name.charAt(0))) {
            refuse(
                    where,
                    "names a variable '" + name + "'; variable names start with $ or a lower-case letter, so they"
                            + " cannot be mistaken for a class");
        }
    }

    // ---- expressions

    /** The expression's type, or null once something in it was refused. */
    private DrlType expression(Expression e) {
        if (e instanceof IntegerLiteralExpr) return DrlType.of(int.class);
        if (e instanceof LongLiteralExpr) return DrlType.of(long.class);
        if (e instanceof DoubleLiteralExpr d) {
            return DrlType.of(d.getValue().endsWith("f") || d.getValue().endsWith("F") ? float.class : double.class);
        }
        if (e instanceof CharLiteralExpr) return DrlType.of(char.class);
        if (e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr) return DrlType.of(String.class);
        if (e instanceof BooleanLiteralExpr) return DrlType.of(boolean.class);
        if (e instanceof NullLiteralExpr) return DrlType.NULL;
        if (e instanceof EnclosedExpr enclosed) return expression(enclosed.getInner());
        if (e instanceof UnaryExpr unary) return unary(unary);
        if (e instanceof BinaryExpr binary) return binary(binary);
        if (e instanceof ConditionalExpr conditional) {
            DrlType condition = expression(conditional.getCondition());
            DrlType then = expression(conditional.getThenExpr());
            DrlType otherwise = expression(conditional.getElseExpr());
            return condition == null || then == null || otherwise == null ? null : DrlType.merge(then, otherwise);
        }
        if (e instanceof NameExpr name) return name(name);
        if (e instanceof FieldAccessExpr access) return fieldAccess(access);
        if (e instanceof MethodCallExpr call) return call(call);
        if (e instanceof ObjectCreationExpr creation) return creation(creation);
        if (e instanceof CastExpr cast) return cast(cast);
        if (e instanceof AssignExpr assign) return assign(assign);
        if (e instanceof ThisExpr self) {
            if (fact != null && self.getTypeName().isEmpty()) return DrlType.of(fact);
            return refuse(e, "uses 'this', which only means the matched fact inside a pattern's conditions");
        }
        if (e instanceof LambdaExpr || e instanceof MethodReferenceExpr) {
            return refuse(e, "lambdas and method references are not allowed: they run code the sandbox cannot follow");
        }
        if (e instanceof ClassExpr) {
            return refuse(e, "class literals (" + e + ") are not allowed: they open the way to reflection");
        }
        if (e.isArrayAccessExpr() || e.isArrayCreationExpr() || e.isArrayInitializerExpr()) {
            return refuse(e, "arrays are not supported in policies");
        }
        if (e instanceof InstanceOfExpr) return refuse(e, "instanceof is not supported: every fact has a fixed type");
        if (e instanceof SwitchExpr) return refuse(e, "switch is not supported; write a ? b : c or if / else");
        if (e instanceof VariableDeclarationExpr)
            return refuse(e, "declares a variable where only an expression is allowed");
        return refuse(e, "'" + e + "' is not allowed in a policy");
    }

    private DrlType unary(UnaryExpr unary) {
        UnaryExpr.Operator op = unary.getOperator();
        if (op == UnaryExpr.Operator.PREFIX_INCREMENT
                || op == UnaryExpr.Operator.PREFIX_DECREMENT
                || op == UnaryExpr.Operator.POSTFIX_INCREMENT
                || op == UnaryExpr.Operator.POSTFIX_DECREMENT) {
            return assignable(unary.getExpression()) ? expression(unary.getExpression()) : null;
        }
        DrlType operand = expression(unary.getExpression());
        if (operand == null) return null;
        if (op == UnaryExpr.Operator.LOGICAL_COMPLEMENT) return DrlType.of(boolean.class);
        return operand.isNumeric() ? DrlType.promote(operand, operand) : operand;
    }

    private DrlType binary(BinaryExpr binary) {
        DrlType left = expression(binary.getLeft());
        DrlType right = expression(binary.getRight());
        if (left == null || right == null) return null;
        return switch (binary.getOperator()) {
            case OR, AND, EQUALS, NOT_EQUALS, LESS, GREATER, LESS_EQUALS, GREATER_EQUALS -> DrlType.of(boolean.class);
            case PLUS -> left.isString() || right.isString() ? text(binary) : DrlType.promote(left, right);
            case BINARY_AND, BINARY_OR, XOR ->
                left.isBoolean() && right.isBoolean() ? DrlType.of(boolean.class) : DrlType.promote(left, right);
            case LEFT_SHIFT, SIGNED_RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT -> DrlType.promote(left, left);
            default -> DrlType.promote(left, right);
        };
    }

    /** A text built from others: refused once it could be made of too many pieces. */
    private DrlType text(Expression built) {
        return pieces(built) > MAX_TEXT_PIECES ? refuse(built, TOO_MUCH_TEXT) : DrlType.of(String.class);
    }

    /**
     * How many pieces (literals, facts' values, numbers) a text can be made of. A straight-line
     * consequence cannot loop, but it can double a text in every line; counting pieces bounds how
     * long any text can get by the length of the request's and the policy's own text.
     */
    private int pieces(Expression e) {
        if (e instanceof EnclosedExpr enclosed) return pieces(enclosed.getInner());
        if (e instanceof CastExpr cast) return pieces(cast.getExpression());
        if (e instanceof ConditionalExpr conditional) {
            return Math.max(pieces(conditional.getThenExpr()), pieces(conditional.getElseExpr()));
        }
        if (e instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
            return saturated(pieces(binary.getLeft()) + pieces(binary.getRight()));
        }
        if (e instanceof NameExpr name) return textPieces.getOrDefault(name.getNameAsString(), 1);
        if (e instanceof AssignExpr assign) {
            return assign.getOperator() == AssignExpr.Operator.ASSIGN
                    ? pieces(assign.getValue())
                    : saturated(pieces(assign.getTarget()) + pieces(assign.getValue()));
        }
        if (e instanceof MethodCallExpr call && call.getScope().isPresent()) {
            Expression scope = call.getScope().get();
            NodeList<Expression> arguments = call.getArguments();
            boolean onStringClass = classNamed(scope) == String.class;
            String name = call.getNameAsString();
            if (name.equals("concat") && arguments.size() == 1)
                return saturated(pieces(scope) + pieces(arguments.get(0)));
            if (onStringClass && name.equals("format") && !arguments.isEmpty()) {
                int placeholders = (int) arguments
                        .get(0)
                        .toString()
                        .chars()
                        .filter(c -> c == '%')
                        .count();
                int values = 0;
                for (int i = 1; i < arguments.size(); i++) values = saturated(values + pieces(arguments.get(i)));
                return saturated((long) (placeholders + 1) * (values + 1));
            }
            if (onStringClass && name.equals("valueOf") && arguments.size() == 1) return pieces(arguments.get(0));
            if (!onStringClass && SAME_TEXT_METHODS.contains(name)) return pieces(scope);
        }
        return 1;
    }

    private static int saturated(long pieces) {
        return (int) Math.min(pieces, 1 << 20);
    }

    private DrlType name(NameExpr expression) {
        String name = expression.getNameAsString();
        DrlType variable = variable(name);
        if (variable != null) return variable;
        if (ENGINE_NAMES.contains(name)) return refuse(expression, String.format(ENGINE, name));
        if (PolicySandboxAllowList.CLASSES_BY_NAME.containsKey(name)) {
            return refuse(
                    expression,
                    "uses the class " + name
                            + " as a value; call one of its methods or read one of its constants instead");
        }
        return refuse(expression, unknownName(name));
    }

    private DrlType variable(String name) {
        for (Map<String, DrlType> scope : locals) {
            DrlType local = scope.get(name);
            if (local != null) return local;
        }
        DrlType bound = bindings.get(name);
        if (bound != null) return bound;
        if (fact != null) {
            Method getter = PolicySandboxAllowList.property(fact, name);
            if (getter != null) return DrlType.of(getter.getGenericReturnType());
        }
        return null;
    }

    private String unknownName(String name) {
        if (fact != null && Character.isLowerCase(name.charAt(0))) {
            return "uses '" + name + "', which is neither a property of " + fact.getSimpleName()
                    + " nor a variable bound earlier in the rule";
        }
        return "uses " + name + ", which is not part of the vocabulary: policies may use the vocabulary's facts ("
                + String.join(", ", PolicySandboxAllowList.factNames())
                + "), Math, and simple String and number methods";
    }

    /** The class a scope such as Math, Decision.Reason or io.credence.vocabulary.Decision names; null if it is a value. */
    private Class<?> classNamed(Expression scope) {
        String dotted = dottedName(scope);
        if (dotted == null) return null;
        String first = dotted.contains(".") ? dotted.substring(0, dotted.indexOf('.')) : dotted;
        if (variable(first) != null) return null;
        Class<?> jdk = PolicySandboxAllowList.CLASSES_BY_NAME.get(dotted);
        return jdk != null ? jdk : vocabularyType(dotted);
    }

    private static Class<?> vocabularyType(String dotted) {
        String prefix = PolicySandboxAllowList.VOCABULARY_PACKAGE + ".";
        String name = dotted.startsWith(prefix) ? dotted.substring(prefix.length()) : dotted;
        return PolicySandboxAllowList.VOCABULARY_TYPES.get(name);
    }

    /** a.b.c for a chain of plain names, null for anything else. */
    private static String dottedName(Expression e) {
        if (e instanceof NameExpr name) return name.getNameAsString();
        if (e instanceof FieldAccessExpr access && access.getTypeArguments().isEmpty()) {
            String scope = dottedName(access.getScope());
            return scope == null ? null : scope + "." + access.getNameAsString();
        }
        return null;
    }

    /**
     * Refuses a scope that is neither a value nor an allowed class: an unknown or fully qualified name.
     * Returns true when it did.
     */
    private boolean refuseUnknownScope(Expression scope) {
        String dotted = dottedName(scope);
        if (dotted == null || !dotted.contains(".")) return false;
        String first = dotted.substring(0, dotted.indexOf('.'));
        if (variable(first) != null || PolicySandboxAllowList.CLASSES_BY_NAME.containsKey(first)) return false;
        if (ENGINE_NAMES.contains(first)) {
            refuse(scope, String.format(ENGINE, first));
        } else {
            refuse(
                    scope,
                    "uses the fully qualified name " + dotted + ": policies may only name the vocabulary"
                            + " (import io.credence.vocabulary.*), Math, and String and number classes");
        }
        return true;
    }

    private DrlType fieldAccess(FieldAccessExpr access) {
        String name = access.getNameAsString();
        Class<?> owner = classNamed(access.getScope());
        if (owner != null) {
            String dotted = dottedName(access);
            Class<?> nested = dotted == null ? null : vocabularyType(dotted);
            if (nested != null) return refuse(access, "uses the class " + nested.getSimpleName() + " as a value");
            Field constant = PolicySandboxAllowList.constant(owner, name);
            if (constant != null) return DrlType.of(constant.getType());
            return refuse(
                    access,
                    "reads " + owner.getSimpleName() + "." + name + ", which is not a constant policies may"
                            + " read (such as Decision.APPROVE, ListMatch.CUSTOMER or Math.PI)");
        }
        if (refuseUnknownScope(access.getScope())) return null;
        DrlType target = expression(access.getScope());
        if (target == null) return null;
        if (PolicySandboxAllowList.isVocabulary(target.raw())) {
            Field constant = PolicySandboxAllowList.constant(target.raw(), name);
            if (constant != null) return DrlType.of(constant.getType());
            if (fact != null) {
                Method getter = PolicySandboxAllowList.property(target.raw(), name);
                if (getter != null) return DrlType.of(getter.getGenericReturnType());
                return refuse(access, target.raw().getSimpleName() + " has no property '" + name + "'");
            }
            return refuse(
                    access,
                    "reads the field '" + name + "' of " + target.raw().getSimpleName()
                            + "; in a consequence, call its getter instead");
        }
        return refuse(
                access,
                "reads '" + name + "' of a " + target.describe() + "; only the vocabulary's facts have properties");
    }

    private DrlType call(MethodCallExpr call) {
        String name = call.getNameAsString();
        if (call.getTypeArguments().isPresent()) return refuse(call, "explicit type arguments are not allowed");
        // Inside a pattern an unscoped call is a method of the matched fact, Market( $age : param("minimumAge") ).
        boolean onFact = call.getScope().isEmpty()
                && fact != null
                && !WORKING_MEMORY_CALLS.contains(name)
                && !PolicySandboxAllowList.instanceMethods(DrlType.of(fact), name)
                        .isEmpty();
        if (call.getScope().isEmpty() && !onFact) {
            if (WORKING_MEMORY_CALLS.contains(name)) return refuse(call, String.format(WORKING_MEMORY, name + "(...)"));
            return refuse(
                    call,
                    "calls " + name + "(...), which is not a method of any fact: policies have no functions;"
                            + " call the vocabulary's methods on a bound fact, e.g. $d.decline(\"CODE\")");
        }
        Expression scope = onFact ? null : call.getScope().get();
        Class<?> owner = onFact ? null : classNamed(scope);
        List<Method> methods;
        String described;
        DrlType receiver = null;
        if (onFact) {
            receiver = DrlType.of(fact);
            described = fact.getSimpleName() + "." + name;
            methods = PolicySandboxAllowList.instanceMethods(receiver, name);
        } else if (owner != null) {
            described = owner.getSimpleName() + "." + name;
            methods = PolicySandboxAllowList.staticMethods(owner, name);
            if (methods.isEmpty()) {
                return refuse(
                        call,
                        "calls " + described + ", which policies may not call: they may only call "
                                + PolicySandboxAllowList.describeCallable());
            }
        } else {
            String dotted = dottedName(scope);
            String first = dotted == null ? null : dotted.split("\\.")[0];
            if (first != null
                    && variable(first) == null
                    && !PolicySandboxAllowList.CLASSES_BY_NAME.containsKey(first)) {
                if (ENGINE_NAMES.contains(first)) return refuse(call, String.format(ENGINE, first));
                return refuse(
                        call,
                        "calls " + dotted + "." + name + ", which policies may not call: "
                                + (dotted.contains(".")
                                        ? "fully qualified names are not allowed, and policies"
                                        : "they")
                                + " may only call " + PolicySandboxAllowList.describeCallable());
            }
            receiver = expression(scope);
            if (receiver == null) return null;
            described = receiver.describe() + "." + name;
            methods = PolicySandboxAllowList.instanceMethods(receiver, name);
            if (methods.isEmpty()) return refuse(call, notCallable(receiver, name));
        }
        List<DrlType> arguments = new ArrayList<>();
        for (Expression argument : call.getArguments()) arguments.add(expression(argument));
        if (arguments.contains(null)) return null;
        Executable method = pick(methods, arguments);
        if (method == null) {
            return refuse(
                    call,
                    "calls " + described + " with " + arguments.size() + " argument(s) of type "
                            + arguments.stream().map(DrlType::describe).toList() + ", which it does not take");
        }
        if (condition && ((Method) method).getReturnType() == void.class) {
            return refuse(call, "calls " + described + " in a condition; conditions only read facts, consequences act");
        }
        if (owner == String.class && name.equals("format")) checkFormat(call.getArguments());
        if ((owner == String.class && name.equals("format"))
                || (receiver != null && receiver.isString() && name.equals("concat"))) {
            return text(call);
        }
        if (receiver != null && receiver.isString() && name.equals("matches"))
            checkRegex(call.getArguments().get(0));
        if (receiver != null && receiver.raw() == Decision.class && REASON_METHODS.contains(name)) {
            reasonCode(call.getArguments().get(0));
        }
        if (receiver != null
                && receiver.element() != null
                && Set.of("get", "getFirst", "getLast").contains(name)) {
            return DrlType.of(receiver.element());
        }
        return DrlType.of(((Method) method).getGenericReturnType());
    }

    private static String notCallable(DrlType receiver, String name) {
        if (REFLECTION_METHODS.contains(name)) {
            return "calls " + name
                    + "(), which policies may not call: getClass opens the way to reflection, and wait and"
                    + " notify to threads";
        }
        if (receiver.isString()
                && Set.of("matches", "replaceAll", "replaceFirst", "split").contains(name)) {
            return "calls String." + name + ", " + NO_REGEX.substring("uses ".length());
        }
        String engineOnly =
                PolicySandboxAllowList.ENGINE_ONLY.get(receiver.raw().getSimpleName() + "." + name);
        if (engineOnly != null) return "calls " + receiver.raw().getSimpleName() + "." + name + ": " + engineOnly;
        if (PolicySandboxAllowList.isVocabulary(receiver.raw())) {
            return receiver.raw().getSimpleName() + " has no method " + name
                    + " that policies may call (see docs/authoring.md)";
        }
        return "calls " + receiver.describe() + "." + name + ", which policies may not call: they may only call "
                + PolicySandboxAllowList.describeCallable();
    }

    private void checkFormat(NodeList<Expression> arguments) {
        Expression pattern = arguments.isEmpty() ? null : arguments.get(0);
        if (!(pattern instanceof StringLiteralExpr literal)) {
            refuse(
                    pattern == null ? arguments.getParentNode().orElse(null) : pattern,
                    "String.format needs its pattern written out as text in quotes");
        } else if (FORMAT_WIDTH.matcher(literal.asString()).find()) {
            refuse(pattern, "String.format pads to a width or precision of 1,000 or more, which could exhaust memory");
        }
    }

    private void reasonCode(Expression code) {
        if (code instanceof StringLiteralExpr literal && !literal.asString().isBlank()) {
            refusals.emits(literal.asString());
        } else {
            refuse(
                    code,
                    "gives a reason code that is not written out as text in quotes: every code a policy can give"
                            + " needs a message in each of the market's languages (reasons.json), so each must be known before"
                            + " the policy runs; write one call per code, e.g. $d.decline(\"AP_UNDERAGE\")");
        }
    }

    /** Why policies may not use regular expressions at all, for every place one could be written. */
    static final String NO_REGEX =
            "uses a regular expression (matches): Java's regular expressions can take exponential"
                    + " time on an applicant's own input, even ones that look harmless like (a|a)(a|a)…b, and a running one"
                    + " cannot be stopped; compare text with ==, in, startsWith, endsWith or contains instead";

    private void checkRegex(Expression pattern) {
        refuse(pattern, NO_REGEX);
    }

    private DrlType creation(ObjectCreationExpr creation) {
        String typeName = creation.getType().getNameWithScope();
        Class<?> type = vocabularyType(typeName);
        if (creation.getAnonymousClassBody().isPresent()) {
            return refuse(creation, "declares an anonymous class, which policies may not do");
        }
        if (type == null
                || creation.getScope().isPresent()
                || creation.getType().getTypeArguments().isPresent()) {
            return refuse(creation, "creates a " + typeName + ": policies may only create the vocabulary's objects");
        }
        List<DrlType> arguments = new ArrayList<>();
        for (Expression argument : creation.getArguments()) arguments.add(expression(argument));
        if (arguments.contains(null)) return null;
        if (pick(PolicySandboxAllowList.constructors(type), arguments) == null) {
            return refuse(creation, "creates a " + type.getSimpleName() + " with arguments it does not take");
        }
        return DrlType.of(type);
    }

    private DrlType cast(CastExpr cast) {
        DrlType inner = expression(cast.getExpression());
        Type target = cast.getType();
        Class<?> type = null;
        if (target instanceof PrimitiveType primitive) type = primitiveClass(primitive);
        else if (target instanceof ClassOrInterfaceType named
                && named.getTypeArguments().isEmpty()) {
            type = PolicySandboxAllowList.LOCAL_TYPES.get(named.getNameWithScope());
            if (type == null) type = vocabularyType(named.getNameWithScope());
        }
        if (type == null) {
            return refuse(
                    cast,
                    "casts to " + target.asString() + "; policies may only cast to numbers, booleans, String"
                            + " or the vocabulary's facts");
        }
        return inner == null ? null : DrlType.of(type);
    }

    private DrlType assign(AssignExpr assign) {
        if (!assignable(assign.getTarget())) return null;
        DrlType target = expression(assign.getTarget());
        DrlType value = expression(assign.getValue());
        if (target == null || value == null) return null;
        if (target.isString()) {
            String name = ((NameExpr) assign.getTarget()).getNameAsString();
            int pieces = assign.getOperator() == AssignExpr.Operator.ASSIGN
                    ? pieces(assign.getValue())
                    : saturated(pieces(assign.getTarget()) + pieces(assign.getValue()));
            textPieces.merge(name, pieces, Math::max);
            if (textPieces.get(name) > MAX_TEXT_PIECES) return refuse(assign, TOO_MUCH_TEXT);
        }
        return target;
    }

    private boolean assignable(Expression target) {
        if (condition) {
            refuse(target, "assigns a value inside a condition; conditions may only compare");
            return false;
        }
        if (target instanceof NameExpr name) {
            for (Map<String, DrlType> scope : locals) {
                if (scope.containsKey(name.getNameAsString())) return true;
            }
        }
        refuse(
                target,
                "assigns to " + target + ": a rule may only assign its own local variables and gives its verdict"
                        + " through the Decision's methods (static fields and the facts cannot be changed)");
        return false;
    }

    /** The overload Java would choose, near enough: the cheapest conversion of the arguments, null when none fits. */
    private static Executable pick(List<? extends Executable> candidates, List<DrlType> arguments) {
        Executable best = null;
        int bestCost = Integer.MAX_VALUE;
        for (Executable candidate : candidates) {
            Class<?>[] parameters = candidate.getParameterTypes();
            boolean varArgs = candidate.isVarArgs();
            if (varArgs ? arguments.size() < parameters.length - 1 : arguments.size() != parameters.length) continue;
            int cost = 0;
            for (int i = 0; i < arguments.size() && cost < Integer.MAX_VALUE; i++) {
                Class<?> parameter = varArgs && i >= parameters.length - 1
                        ? parameters[parameters.length - 1].getComponentType()
                        : parameters[i];
                int step = conversionCost(arguments.get(i), parameter);
                cost = step == Integer.MAX_VALUE ? Integer.MAX_VALUE : cost + step;
            }
            if (varArgs) cost = cost == Integer.MAX_VALUE ? cost : cost + 50;
            if (cost < bestCost) {
                best = candidate;
                bestCost = cost;
            }
        }
        return best;
    }

    private static int conversionCost(DrlType argument, Class<?> parameter) {
        if (argument.isNull()) return parameter.isPrimitive() ? Integer.MAX_VALUE : 0;
        if (parameter.isPrimitive()) {
            Class<?> primitive = argument.unboxed();
            if (primitive == null) return Integer.MAX_VALUE;
            int boxing = argument.raw().isPrimitive() ? 0 : 1;
            if (primitive == parameter) return boxing;
            if (primitive == boolean.class || parameter == boolean.class) return Integer.MAX_VALUE;
            int from = DrlType.rank(argument);
            int to = DrlType.rank(DrlType.of(parameter));
            return from < to && parameter != char.class ? boxing + to - from : Integer.MAX_VALUE;
        }
        int objectPenalty = parameter == Object.class ? 20 : 0;
        if (parameter.isAssignableFrom(argument.raw())) return objectPenalty;
        if (argument.raw().isPrimitive() && parameter.isAssignableFrom(argument.boxed())) return 5 + objectPenalty;
        return Integer.MAX_VALUE;
    }

    private static Class<?> primitiveClass(PrimitiveType primitive) {
        return switch (primitive.getType()) {
            case BOOLEAN -> boolean.class;
            case CHAR -> char.class;
            case BYTE -> byte.class;
            case SHORT -> short.class;
            case INT -> int.class;
            case LONG -> long.class;
            case FLOAT -> float.class;
            case DOUBLE -> double.class;
        };
    }

    private static String keyword(Statement statement) {
        String kind = statement.getClass().getSimpleName().replace("Stmt", "");
        return kind.toLowerCase();
    }

    // ---- refusals

    private DrlType refuse(Node node, String message) {
        Position position = node == null ? null : node.getBegin().orElse(null);
        if (position == null) refusals.refuse(origin.line(), origin.column(), message);
        else refusals.refuse(origin.lineOf(position), origin.columnOf(position), message);
        return null;
    }

    /** A snippet JavaParser cannot read; {@code message} replaces the parser's own words when given. */
    private void refuseUnreadable(List<Problem> problems, String message) {
        Problem problem = problems.isEmpty() ? null : problems.get(0);
        String detail = problem == null
                ? ""
                : problem.getMessage().lines().findFirst().orElse("").strip();
        int expected = detail.indexOf(", expected");
        if (expected > 0) detail = detail.substring(0, expected);
        Position position = problem == null
                ? null
                : problem.getLocation()
                        .flatMap(range -> range.getBegin().getRange())
                        .map(r -> r.begin)
                        .orElse(null);
        if (position == null && problem != null) {
            Matcher at = PARSE_POSITION.matcher(problem.getMessage());
            if (at.find()) position = new Position(Integer.parseInt(at.group(1)), Integer.parseInt(at.group(2)));
        }
        if (message == null) {
            message = "could not read this " + (condition ? "condition" : "consequence") + " as Java, so it cannot be"
                    + " checked" + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
        if (position == null) refusals.refuse(origin.line(), origin.column(), message);
        else refusals.refuse(origin.lineOf(position), origin.columnOf(position), message);
    }
}
