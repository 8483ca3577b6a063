package io.credence.workbench.simulation;

import io.credence.shared.FieldProblem;
import io.credence.workbench.i18n.Words;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A row's problem as the engine states it ({@code applicant.age} "is required") in the reader's
 * language. Field paths and CSV column names stay as written: they are what the file says. A sentence
 * the workbench does not know keeps the engine's English rather than lose what it says.
 */
final class ProblemWords {

    private record Known(Pattern pattern, String key) {}

    // Most specific first.
    private static final List<Known> KNOWN = List.of(
            known("is required", "required"),
            known("must be an object", "object"),
            known("must be a string", "string"),
            known("must not be blank", "blank"),
            known("must be at most (\\d+) characters", "too-long"),
            known("must be one of \\[(.+)\\]", "one-of"),
            known("must be a whole number", "whole"),
            known("must be between (\\S+) and (\\S+) on the (.+) scale used in (\\w+)", "bureau-range"),
            known("must be between (\\S+) and (\\S+)", "between"),
            known("must be a number", "number"),
            known("must be greater than zero", "positive"),
            known("must not be negative", "negative"),
            known("is implausibly large", "too-large"),
            known("must be true or false", "boolean"),
            known("must be good or bad \\(or empty when unknown\\)", "label"),
            known("has the wrong type or an unknown value", "wrong-type"),
            known("has the wrong type", "wrong-type"),
            known("must be (\\w{3}), the currency of market (\\w+)", "currency"),
            known("the line has (\\d+) cells but the header names (\\d+) columns", "cells"),
            known("has no column, and every application needs it", "no-column"));

    private ProblemWords() {}

    private static Known known(String regex, String key) {
        return new Known(Pattern.compile(regex, Pattern.DOTALL), "simulation.problem." + key);
    }

    static String of(FieldProblem problem, Words words) {
        String message = problem.message() == null ? "" : problem.message().strip();
        String field = "$".equals(problem.field()) ? null : problem.field();
        for (Known known : KNOWN) {
            Matcher m = known.pattern().matcher(message);
            if (!m.matches()) continue;
            Object[] args = new Object[m.groupCount() + 1];
            args[0] = field == null ? "" : field;
            for (int i = 1; i <= m.groupCount(); i++) args[i] = m.group(i);
            String said = words.translate(known.key(), args);
            return field == null ? said.replaceFirst("^\\s*[:：]\\s*", "") : said;
        }
        return field == null ? message : field + " " + message;
    }
}
