package io.credence.vocabulary;

/** One unexpired fraud-list entry that matches this application; one fact per match. */
public final class ListMatch {
    public static final String CUSTOMER = "CUSTOMER";
    public static final String DEVICE = "DEVICE";

    private final String list;
    private final String reason;

    public ListMatch(String list, String reason) {
        this.list = list;
        this.reason = reason;
    }

    /** {@link #CUSTOMER} or {@link #DEVICE}. */
    public String getList() {
        return list;
    }
    /** Why the entry was listed, as the admin wrote it. */
    public String getReason() {
        return reason;
    }
}
