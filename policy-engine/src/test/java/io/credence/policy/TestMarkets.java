package io.credence.policy;

import io.credence.engine.PolicyPackage;
import io.credence.engine.SeedPackagesOnDisk;
import io.credence.support.Json;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * Policy packages for markets of a test's own (ZL, ZH, …), copied from the India seed with the
 * market code changed, so lifecycle tests never disturb the seed markets other tests decide in.
 */
public final class TestMarkets {

    private TestMarkets() {}

    public static Map<String, String> artifacts(String market) {
        PolicyPackage india = SeedPackagesOnDisk.load("IN");
        Map<String, String> artifacts = new TreeMap<>(india.artifacts());
        ObjectNode settings = (ObjectNode) Json.read(india.artifact(PolicyPackage.SETTINGS));
        settings.put("market", market);
        // These markets test versions, deployments and clusters, not time budgets: a generous budget
        // keeps a loaded CI machine from turning an approval into an EN_TIME_BUDGET referral.
        settings.put("timeBudgetMillis", 5000);
        artifacts.put(PolicyPackage.SETTINGS, Json.write(settings));
        return artifacts;
    }

    /** The India seed's prime applicant, moved to {@code market}. */
    public static ObjectNode application(ObjectNode template, String market, String applicationId) {
        ObjectNode application = template.deepCopy();
        application.put("market", market);
        application.put("applicationId", applicationId);
        return application;
    }
}
