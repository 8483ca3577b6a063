package io.credence.simulation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Posts the report to the service, as the analyst or reviewer whose credentials were given. */
final class ReportUpload {

    private final URI url;
    private final String authorization;

    ReportUpload(String url, String user) {
        this.url = URI.create(url);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns where the service stored the run; fails with the service's own answer otherwise. */
    String send(String reportJson) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(reportJson, StandardCharsets.UTF_8))
                .build();
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new SparkBacktest.BacktestFailure("the service refused the report (HTTP " + response.statusCode()
                        + "): " + response.body() + " — the report is still in the output file");
            }
            return response.headers().firstValue("Location").orElse(response.body());
        } catch (IOException e) {
            throw new SparkBacktest.BacktestFailure("cannot upload the report to " + url + ": " + e.getMessage()
                    + " — the report is still in the output file");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SparkBacktest.BacktestFailure("the upload was interrupted; the report is in the output file");
        }
    }
}
