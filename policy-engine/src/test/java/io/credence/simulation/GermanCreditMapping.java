package io.credence.simulation;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the UCI Statlog German credit data (weka's credit-g.csv, in shared/data) into a backtest CSV
 * for market GB: one decision request per applicant, columns named by JSON path, and the good/bad
 * class as {@code label}. docs/german-credit-mapping.md explains every choice; keep the two in step.
 *
 * <p>The result ships as {@code policy-engine/src/main/resources/demo/german-credit-GB.csv};
 * {@link GermanCreditMappingTest} fails when it no longer matches what this class produces. To
 * regenerate it: {@code ./mvnw -pl policy-engine test -Dtest=GermanCreditMappingTest
 * -Dcredence.regenerate-demo=true}.
 */
final class GermanCreditMapping {

    static final String MARKET = "GB";
    static final String CURRENCY = "GBP";
    /**
     * Pounds today per Deutsche Mark of 1973-75 (when the data was collected), by the ratio of typical
     * earnings then and now rather than by exchange rate: see the mapping document.
     */
    static final BigDecimal POUNDS_PER_MARK = new BigDecimal("1.70");

    static final List<String> COLUMNS = List.of(
            "applicant.customerId",
            "applicant.age",
            "applicant.monthlyIncome",
            "applicant.employmentStatus",
            "applicant.employmentMonths",
            "applicant.residentialStatus",
            "applicant.kycVerified",
            "product",
            "channel",
            "loan.amount",
            "loan.currency",
            "loan.termMonths",
            "loan.purpose",
            "bureau.score",
            "bureau.delinquencies12m",
            "bureau.openLoans",
            "label");

    /** Share of disposable income the instalment takes, by installment_commitment (1: at least 35%, 4: under 20%). */
    private static final Map<String, BigDecimal> INSTALMENT_SHARE = Map.of(
            "1",
            new BigDecimal("0.40"),
            "2",
            new BigDecimal("0.30"),
            "3",
            new BigDecimal("0.225"),
            "4",
            new BigDecimal("0.15"));

    private static final Map<String, Integer> EMPLOYMENT_MONTHS =
            Map.of("<1", 6, "1<=X<4", 30, "4<=X<7", 66, ">=7", 84);

    private static final Map<String, String> HOUSING = Map.of("own", "OWNER", "rent", "RENTER", "for free", "FAMILY");

    /**
     * Proxy bureau score points by credit_history, read by the corrected code table (the 1994 labels
     * weka carries are known to be wrong for this attribute): the weka label on the left, its corrected
     * meaning in the comment.
     */
    private static final Map<String, Integer> HISTORY_POINTS = Map.of(
            "no credits/all paid", -180, // delay in paying off in the past
            "all paid", -140, // critical account / other credits elsewhere
            "existing paid", 0, // no credits taken / all credits paid back duly
            "delayed previously", 60, // existing credits paid back duly till now
            "critical/other existing credit", 120); // all credits at this bank paid back duly

    private static final Map<String, Integer> CHECKING_POINTS =
            Map.of("<0", -100, "0<=X<200", -30, ">=200", 60, "no checking", 0);

    private static final Map<String, Integer> SAVINGS_POINTS =
            Map.of("<100", -20, "100<=X<500", 0, "500<=X<1000", 30, ">=1000", 60, "no known savings", 0);

    private static final Map<String, Integer> OTHER_PLANS_POINTS = Map.of("bank", -40, "stores", -40, "none", 0);

    static final int SCORE_BASE = 700;

    private GermanCreditMapping() {}

    /** The backtest CSV for {@code wekaCsv}: a header, then one line per applicant in the file's order. */
    static String convert(Path wekaCsv) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(wekaCsv, StandardCharsets.UTF_8)) {
            int row = 0;
            for (NamedCsvRecord record : reader) {
                row++;
                out.append(String.join(",", line(row, record))).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> line(int row, NamedCsvRecord r) {
        int age = Integer.parseInt(r.getField("age"));
        BigDecimal marks = new BigDecimal(r.getField("credit_amount"));
        int months = Integer.parseInt(r.getField("duration"));
        BigDecimal share = INSTALMENT_SHARE.get(r.getField("installment_commitment"));
        BigDecimal income = marks.multiply(POUNDS_PER_MARK)
                .divide(BigDecimal.valueOf(months).multiply(share), 0, RoundingMode.HALF_UP);
        boolean jobless = r.getField("employment").equals("unemployed");
        Integer employmentMonths =
                jobless ? null : Math.min(EMPLOYMENT_MONTHS.get(r.getField("employment")), (age - 16) * 12);
        String history = r.getField("credit_history");

        List<String> cells = new ArrayList<>();
        cells.add("GC-%04d".formatted(row));
        cells.add(Integer.toString(age));
        cells.add(income.toPlainString());
        cells.add(jobless ? (age >= 65 ? "RETIRED" : "UNEMPLOYED") : "SALARIED");
        cells.add(employmentMonths == null ? "" : employmentMonths.toString());
        cells.add(require(HOUSING, r.getField("housing")));
        cells.add("true");
        cells.add("PERSONAL_LOAN");
        cells.add("BRANCH");
        cells.add(marks.multiply(POUNDS_PER_MARK)
                .setScale(0, RoundingMode.HALF_UP)
                .toPlainString());
        cells.add(CURRENCY);
        cells.add(Integer.toString(months));
        cells.add(r.getField("purpose").toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", "_"));
        cells.add(Integer.toString(score(r)));
        cells.add(history.equals("no credits/all paid") ? "1" : "0");
        cells.add(r.getField("existing_credits"));
        cells.add(r.getField("class"));
        return cells;
    }

    /** The proxy bureau score on the Experian 0-999 scale GB uses. */
    static int score(NamedCsvRecord r) {
        int score = SCORE_BASE
                + require(HISTORY_POINTS, r.getField("credit_history"))
                + require(CHECKING_POINTS, r.getField("checking_status"))
                + require(SAVINGS_POINTS, r.getField("savings_status"))
                + require(OTHER_PLANS_POINTS, r.getField("other_payment_plans"));
        return Math.max(0, Math.min(999, score));
    }

    private static <T> T require(Map<String, T> table, String key) {
        T value = table.get(key);
        if (value == null) throw new IllegalArgumentException("no mapping for '" + key + "'");
        return value;
    }

    static Path shipped() {
        return Path.of("src/main/resources/demo/german-credit-" + MARKET + ".csv");
    }

    static void write(Path wekaCsv, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, convert(wekaCsv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
