package io.credence.decision;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/decisions/activity")
class DecisionActivityController {

    private final DecisionActivity activity;

    DecisionActivityController(DecisionActivity activity) {
        this.activity = activity;
    }

    /** Over [{@code since}, {@code until}): since midnight UTC and until now by default. */
    @GetMapping
    List<MarketActivity> activity(
            @RequestParam(required = false) @Nullable Instant since,
            @RequestParam(required = false) @Nullable Instant until) {
        if (until != null) return activity.between(since != null ? since : activity.startOfToday(), until);
        return since == null ? activity.today() : activity.since(since);
    }
}
