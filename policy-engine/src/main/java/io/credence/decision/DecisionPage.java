package io.credence.decision;

import java.util.List;

/** One page of a decision search, newest first; {@code total} counts every matching decision. */
public record DecisionPage(List<DecisionSummary> items, int page, int size, long total) {}
