package io.credence.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The JSON logs' safety net: personal fields written as key and value lose the value. */
class PersonalDataRedactionTest {

    @Test
    void redacts_personal_values_in_record_strings_json_and_key_value_text() {
        assertThat(PersonalDataRedaction.redact("Applicant[customerId=C-88121, age=34, monthlyIncome=85000, kyc=true]"))
                .isEqualTo("Applicant[customerId=[redacted], age=34, monthlyIncome=[redacted], kyc=true]");
        assertThat(PersonalDataRedaction.redact(
                        "{\"customerId\":\"C-88121\",\"device\":{\"fingerprint\": \"d-7f3a9c\"}}"))
                .isEqualTo("{\"customerId\":\"[redacted]\",\"device\":{\"fingerprint\": \"[redacted]\"}}");
        assertThat(PersonalDataRedaction.redact("customer_id: C-1 monthly_income=1200.50"))
                .isEqualTo("customer_id: [redacted] monthly_income=[redacted]");
    }

    @Test
    void leaves_text_without_personal_values_alone() {
        String text = "Policy fault in decision 0b9c (application A-1, market IN, v3): customerId must not be blank";
        assertThat(PersonalDataRedaction.redact(text)).isSameAs(text);
    }
}
