package io.credence.experiment;

import io.credence.shared.FieldProblem;
import io.credence.shared.InvalidRequestException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * What a reviewer asks for when starting an experiment. A shadow experiment runs the challenger on
 * every application, so its traffic share is always 100. A guard rail is optional: with
 * {@code maxApprovalRateDifference} set, {@code minimumSample} (decisions per arm before the rail is
 * checked) defaults to {@value #DEFAULT_MINIMUM_SAMPLE}. A second, {@code maxBadRateDifference}, stops the
 * experiment when the challenger's bad rate to date exceeds the champion's by more than that, once both
 * arms have {@code minimumSample} funded loans.
 */
public record NewExperiment(
        int challengerVersion,
        ExperimentMode mode,
        int trafficPercent,
        BigDecimal maxApprovalRateDifference,
        Integer minimumSample,
        BigDecimal maxBadRateDifference) {

    public static final int DEFAULT_MINIMUM_SAMPLE = 100;

    /** A request without a bad-rate guard rail. */
    public NewExperiment(
            int challengerVersion,
            ExperimentMode mode,
            int trafficPercent,
            BigDecimal maxApprovalRateDifference,
            Integer minimumSample) {
        this(challengerVersion, mode, trafficPercent, maxApprovalRateDifference, minimumSample, null);
    }

    public NewExperiment {
        List<FieldProblem> problems = new ArrayList<>();
        if (challengerVersion < 1)
            problems.add(new FieldProblem("challengerVersion", "must be a version number (1 or more)"));
        if (mode == null) problems.add(new FieldProblem("mode", "must be SPLIT or SHADOW"));
        checkTraffic(mode, trafficPercent, problems);
        checkGuardRail(maxApprovalRateDifference, maxBadRateDifference, minimumSample, problems);
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);
        if (maxApprovalRateDifference != null) {
            maxApprovalRateDifference = maxApprovalRateDifference.setScale(4, RoundingMode.HALF_UP);
        }
        if (maxBadRateDifference != null) maxBadRateDifference = maxBadRateDifference.setScale(4, RoundingMode.HALF_UP);
        if ((maxApprovalRateDifference != null || maxBadRateDifference != null) && minimumSample == null) {
            minimumSample = DEFAULT_MINIMUM_SAMPLE;
        }
    }

    /**
     * Reads the API's JSON body, listing every offending field at once: {@code mode} defaults to SPLIT,
     * and a SHADOW body may leave {@code trafficPercent} out.
     */
    static NewExperiment from(JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("$", "must be a JSON object");
        }
        Integer version = integer(body, "challengerVersion", true, problems);
        ExperimentMode mode = mode(body.get("mode"), problems);
        Integer traffic = integer(body, "trafficPercent", mode == ExperimentMode.SPLIT, problems);
        BigDecimal maxDifference = decimal(body, "maxApprovalRateDifference", problems);
        Integer minimumSample = integer(body, "minimumSample", false, problems);
        BigDecimal maxBad = decimal(body, "maxBadRateDifference", problems);
        if (mode == ExperimentMode.SHADOW && traffic == null) traffic = 100;
        List<FieldProblem> ranges = new ArrayList<>();
        if (version != null && version < 1)
            ranges.add(new FieldProblem("challengerVersion", "must be a version number (1 or more)"));
        if (traffic != null && mode != null) checkTraffic(mode, traffic, ranges);
        checkGuardRail(maxDifference, maxBad, minimumSample, ranges);
        problems.addAll(ranges);
        if (!problems.isEmpty()) throw new InvalidRequestException(problems);
        return new NewExperiment(version, mode, traffic, maxDifference, minimumSample, maxBad);
    }

    private static void checkTraffic(ExperimentMode mode, int trafficPercent, List<FieldProblem> problems) {
        if (mode == ExperimentMode.SPLIT && (trafficPercent < 1 || trafficPercent > 99)) {
            problems.add(
                    new FieldProblem("trafficPercent", "must be a whole number from 1 to 99 for a SPLIT experiment"));
        } else if (mode == ExperimentMode.SHADOW && trafficPercent != 100) {
            problems.add(new FieldProblem(
                    "trafficPercent",
                    "must be 100 or left out: a SHADOW experiment runs the challenger on every application"));
        }
    }

    private static void checkGuardRail(
            BigDecimal maxDifference, BigDecimal maxBad, Integer minimumSample, List<FieldProblem> problems) {
        if (maxDifference != null && (maxDifference.signum() <= 0 || maxDifference.compareTo(BigDecimal.ONE) > 0)) {
            problems.add(new FieldProblem(
                    "maxApprovalRateDifference",
                    "must be a fraction above 0 and at most 1 (0.05 is five percentage points)"));
        }
        if (maxBad != null && (maxBad.signum() <= 0 || maxBad.compareTo(BigDecimal.ONE) > 0)) {
            problems.add(new FieldProblem(
                    "maxBadRateDifference",
                    "must be a fraction above 0 and at most 1 (0.02 is two percentage points)"));
        }
        if (minimumSample != null && minimumSample < 1) {
            problems.add(new FieldProblem("minimumSample", "must be a whole number of decisions per arm, 1 or more"));
        }
        if (minimumSample != null && maxDifference == null && maxBad == null) {
            problems.add(new FieldProblem(
                    "maxApprovalRateDifference", "or maxBadRateDifference is required when minimumSample is given"));
        }
    }

    private static Integer integer(JsonNode body, String field, boolean required, List<FieldProblem> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            problems.add(new FieldProblem(field, "must be a whole number"));
            return null;
        }
        return node.intValue();
    }

    private static BigDecimal decimal(JsonNode body, String field, List<FieldProblem> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) return null;
        if (!node.isNumber()) {
            problems.add(new FieldProblem(field, "must be a number"));
            return null;
        }
        return node.isBigDecimal() ? node.decimalValue() : new BigDecimal(node.asString());
    }

    private static ExperimentMode mode(JsonNode node, List<FieldProblem> problems) {
        if (node == null || node.isNull()) return ExperimentMode.SPLIT;
        if (node.isString()) {
            try {
                return ExperimentMode.valueOf(node.asString().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                // reported below
            }
        }
        problems.add(new FieldProblem("mode", "must be SPLIT or SHADOW"));
        return null;
    }
}
