package io.credence.decision;

import io.credence.engine.Contribution;
import io.credence.shared.FieldProblem;
import io.credence.shared.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Decision searches for people: paged, exported as CSV, and activity over a period. */
@RestController
@RequestMapping("/api/v1/decisions")
class DecisionSearchController {

    private final DecisionSearch search;
    private final DecisionContributions contributions;

    DecisionSearchController(DecisionSearch search, DecisionContributions contributions) {
        this.search = search;
        this.contributions = contributions;
    }

    @Operation(
            summary = "How each part of the risk model contributed to a decision's score",
            description = "kind POINTS: a Scorecard's points per characteristic with its reason code; kind RISK: "
                    + "other models' reason-giving inputs ranked by how much their reference value would lower the risk. "
                    + "Computed again on the deciding version; 409 once the request was purged.")
    @GetMapping("/{decisionId}/contributions")
    Contribution.Explanation contributions(@PathVariable String decisionId) {
        return contributions.of(decisionId);
    }

    @Operation(
            summary = "Search decisions, newest first, a page at a time",
            description = "Filters combine; each may be left out. `to` is exclusive. The answer carries `total`, "
                    + "the number of matching decisions.")
    @GetMapping("/search")
    DecisionPage search(
            @RequestParam(required = false) String market,
            @RequestParam(required = false) @Parameter(description = "APPROVE, DECLINE or REFER") String outcome,
            @RequestParam(required = false) String applicationId,
            @RequestParam(required = false)
                    @Parameter(description = "the applicant's customerId as sent; matched by its hash")
                    String customerId,
            @RequestParam(required = false) @Parameter(description = "one reason code the answer gave")
                    String reasonCode,
            @RequestParam(required = false) @Parameter(description = "the policy version that decided") Integer version,
            @RequestParam(required = false) @Parameter(description = "champion or challenger") String arm,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Parameter(description = "from 0") int page,
            @RequestParam(defaultValue = "50") @Parameter(description = "1 to 500") int size) {
        DecisionFilter filter;
        try {
            filter = new DecisionFilter(market, outcome, applicationId, customerId, reasonCode, version, arm, from, to);
        } catch (InvalidRequestException badFilter) {
            // One 400 names every offending parameter: the filter's and the paging's together.
            List<FieldProblem> problems = new ArrayList<>(badFilter.problems());
            problems.addAll(DecisionSearch.pagingProblems(page, size));
            throw new InvalidRequestException(problems);
        }
        return search.search(filter, page, size);
    }

    @Operation(
            summary = "Every decision matching the search's filters, as CSV",
            description = "Streamed, newest first; reason codes separated by spaces.")
    @GetMapping(value = "/export", produces = "text/csv")
    void export(
            @RequestParam(required = false) String market,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String applicationId,
            @RequestParam(required = false) String customerId,
            @RequestParam(required = false) String reasonCode,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String arm,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            HttpServletResponse response)
            throws IOException {
        // Validated before the first byte, so bad filters are a 400 rather than a broken download.
        DecisionFilter filter =
                new DecisionFilter(market, outcome, applicationId, customerId, reasonCode, version, arm, from, to);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"decisions.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        search.exportCsv(filter, out);
    }
}
