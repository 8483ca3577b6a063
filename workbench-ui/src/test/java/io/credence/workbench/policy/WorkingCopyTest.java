package io.credence.workbench.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkingCopyTest {

    private final WorkingCopy copy = new WorkingCopy(Map.of("approval.drl", "rule a", "fraud.drl", "rule f"));

    @Test
    void an_edit_is_a_change_until_the_text_is_back_to_what_was_saved() {
        copy.edit("approval.drl", "rule b");
        assertThat(copy.changes()).containsExactly(Map.entry("approval.drl", "rule b"));
        assertThat(copy.isDirty()).isTrue();

        copy.edit("approval.drl", "rule a");
        assertThat(copy.changes()).isEmpty();
        assertThat(copy.isDirty()).isFalse();
    }

    @Test
    void shows_the_edited_text_over_the_saved_one() {
        copy.edit("fraud.drl", "rule g");
        assertThat(copy.text("fraud.drl")).isEqualTo("rule g");
        assertThat(copy.text("approval.drl")).isEqualTo("rule a");
        assertThat(copy.text("pricing.drl")).isEmpty();
    }

    @Test
    void after_a_save_the_stored_text_is_the_new_base() {
        copy.edit("approval.drl", "rule b");
        copy.saved(Map.of("approval.drl", "rule b", "fraud.drl", "rule f"));
        assertThat(copy.isDirty()).isFalse();
        copy.edit("approval.drl", "rule a");
        assertThat(copy.changes()).containsExactly(Map.entry("approval.drl", "rule a"));
    }
}
