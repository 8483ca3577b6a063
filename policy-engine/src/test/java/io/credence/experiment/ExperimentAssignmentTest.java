package io.credence.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExperimentAssignmentTest {

    @Test
    void a_customer_always_lands_in_the_same_bucket_of_an_experiment() {
        String experiment = UUID.randomUUID().toString();
        for (int i = 0; i < 100; i++) {
            assertThat(Assignment.bucket(experiment, "C-" + i)).isEqualTo(Assignment.bucket(experiment, "C-" + i));
        }
    }

    @Test
    void the_challenger_share_follows_the_traffic_percent() {
        String experiment = "5f0c2d1e-7a3b-4c9d-8e2f-1a2b3c4d5e6f";
        for (int percent : new int[] {1, 10, 30, 50, 90}) {
            long challengers = IntStream.range(0, 20_000)
                    .filter(i -> Assignment.toChallenger(experiment, "C-" + i, percent))
                    .count();
            assertThat(challengers / 20_000.0)
                    .as(percent + "%")
                    .isBetween(percent / 100.0 - 0.015, percent / 100.0 + 0.015);
        }
    }

    @Test
    void a_new_experiment_shuffles_customers_afresh() {
        long same = IntStream.range(0, 2_000)
                .filter(i -> Assignment.toChallenger("experiment-a", "C-" + i, 50)
                        == Assignment.toChallenger("experiment-b", "C-" + i, 50))
                .count();
        assertThat(same / 2_000.0).isBetween(0.4, 0.6);
    }

    @Test
    void buckets_cover_the_whole_range() {
        assertThat(IntStream.range(0, 50_000)
                        .map(i -> Assignment.bucket("e", "C-" + i))
                        .min()
                        .orElseThrow())
                .isLessThan(10);
        assertThat(IntStream.range(0, 50_000)
                        .map(i -> Assignment.bucket("e", "C-" + i))
                        .max()
                        .orElseThrow())
                .isGreaterThan(Assignment.BUCKETS - 10)
                .isLessThan(Assignment.BUCKETS);
    }
}
