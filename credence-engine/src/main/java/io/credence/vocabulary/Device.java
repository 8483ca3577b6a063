package io.credence.vocabulary;

/** The device the application came from. Always present; fields are null when not supplied. */
public final class Device {
    private final String fingerprint;
    private final String ipCountry;

    public Device(String fingerprint, String ipCountry) {
        this.fingerprint = fingerprint;
        this.ipCountry = ipCountry;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public String getIpCountry() {
        return ipCountry;
    }
}
