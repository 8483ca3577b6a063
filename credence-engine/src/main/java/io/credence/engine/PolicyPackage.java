package io.credence.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A market's complete policy as text: the artifacts by name. Its digest covers the exact bytes of
 * every artifact, the settings included, so what was approved is what runs.
 */
public record PolicyPackage(String market, SortedMap<String, String> artifacts) {

    public static final String FRAUD = "fraud.drl";
    public static final String APPROVAL = "approval.drl";
    public static final String PRICING = "pricing.drl";
    public static final String SCORECARD = "scorecard.pmml";
    public static final String SETTINGS = "market.json";
    /** Applicant-facing reason messages, {locale: {code: message}}; see {@link ReasonCatalogs}. */
    public static final String REASONS = "reasons.json";
    /** What every package must hold. reasons.json is not among them: versions stored before it existed keep their messages in market.json. */
    public static final List<String> REQUIRED_ARTIFACTS = List.of(FRAUD, APPROVAL, PRICING, SCORECARD, SETTINGS);
    /** Every artifact a package may hold, in the order an analyst reads a policy. */
    public static final List<String> ARTIFACT_NAMES = List.of(FRAUD, APPROVAL, PRICING, SCORECARD, SETTINGS, REASONS);

    public PolicyPackage {
        artifacts = Collections.unmodifiableSortedMap(new TreeMap<>(artifacts));
    }

    public static PolicyPackage of(String market, Map<String, String> artifacts) {
        return new PolicyPackage(market, new TreeMap<>(artifacts));
    }

    public String artifact(String name) {
        return artifacts.get(name);
    }

    /** sha256 over each artifact's name, length and bytes, in name order. */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> artifact : artifacts.entrySet()) {
                byte[] content = artifact.getValue().getBytes(StandardCharsets.UTF_8);
                sha.update(artifact.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Integer.toString(content.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) 0);
                sha.update(content);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
