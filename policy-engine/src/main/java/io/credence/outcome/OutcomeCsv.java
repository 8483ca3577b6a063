package io.credence.outcome;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.credence.shared.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Outcome records as a CSV with the API's field names as columns, turned into the API's batch so that
 * one set of checks judges both: row i of the file is {@code outcomes[i]}. A value that is not of the
 * field's type stays text, and the record check then names it.
 */
public final class OutcomeCsv {

    public static final List<String> COLUMNS = List.of(
            "applicationId",
            "asOf",
            "funded",
            "fundedAt",
            "fundedAmount",
            "daysPastDue",
            "status",
            "principalOutstanding",
            "lossAmount");
    /** A header and two example rows: a loan taken up and repaying, and one never taken up. */
    public static final String TEMPLATE = String.join(",", COLUMNS) + "\n"
            + "A-2026-000123,2026-11-30,true,2026-01-05,200000,0,CURRENT,150000,0\n"
            + "A-2026-000124,2026-11-30,false,,,,,,\n";

    private static final Set<String> NUMBERS =
            Set.of("fundedAmount", "daysPastDue", "principalOutstanding", "lossAmount");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OutcomeCsv() {}

    /** The batch a CSV stands for; a file without a usable header, or with too many rows, is refused whole. */
    static JsonNode batch(InputStream csv) {
        ArrayNode records = NODES.arrayNode();
        try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8);
                CsvReader<CsvRecord> rows = CsvReader.builder().ofCsvRecord(reader)) {
            List<String> header = null;
            for (CsvRecord row : rows) {
                if (header == null) {
                    header = header(row.getFields());
                    continue;
                }
                if (row.getFieldCount() == 1 && row.getField(0).isBlank()) continue;
                if (records.size() == OutcomeRecords.MAX_RECORDS) {
                    throw new InvalidRequestException(
                            "file",
                            "holds more than " + OutcomeRecords.MAX_RECORDS + " records; send at most "
                                    + OutcomeRecords.MAX_RECORDS + " a file");
                }
                records.add(record(header, row.getFields()));
            }
            if (header == null) throw new InvalidRequestException("file", "is empty: the first line names the columns");
        } catch (CsvParseException e) {
            throw new InvalidRequestException("file", "is not CSV: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode body = NODES.objectNode();
        body.set("outcomes", records);
        return body;
    }

    private static List<String> header(List<String> names) {
        List<String> header = new ArrayList<>();
        for (String name : names) header.add(name.strip().replace("\uFEFF", ""));
        if (!header.contains("applicationId")) {
            throw new InvalidRequestException(
                    "file",
                    "the first line must name the columns, among them applicationId: " + String.join(",", COLUMNS));
        }
        return header;
    }

    private static ObjectNode record(List<String> header, List<String> values) {
        ObjectNode record = NODES.objectNode();
        for (int i = 0; i < Math.min(header.size(), values.size()); i++) {
            String name = header.get(i);
            String value = values.get(i).strip();
            if (value.isEmpty()) continue;
            if (name.equals("funded") && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
                record.put(name, Boolean.parseBoolean(value.toLowerCase()));
            } else if (NUMBERS.contains(name) && value.matches("-?\\d+(\\.\\d+)?")) {
                BigDecimal number = new BigDecimal(value);
                if (name.equals("daysPastDue")
                        && number.scale() == 0
                        && number.abs().compareTo(BigDecimal.valueOf(1_000_000)) < 0) {
                    record.put(name, number.intValue());
                } else {
                    record.put(name, number);
                }
            } else {
                record.put(name, value);
            }
        }
        return record;
    }
}
