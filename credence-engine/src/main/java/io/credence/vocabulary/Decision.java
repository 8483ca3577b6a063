package io.credence.vocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * The verdict rules write to: the only mutable fact. A decline beats a refer, a refer beats an
 * approval, so rules need not know about each other. Reasons carry the stage they were given in.
 */
public final class Decision {
    public static final String APPROVE = "APPROVE";
    public static final String DECLINE = "DECLINE";
    public static final String REFER = "REFER";

    private final List<Reason> reasons = new ArrayList<>();
    private String stage = "engine";
    private boolean declined;
    private boolean referred;
    private boolean approved;
    private Double apr;
    private Double amountCap;

    public void decline(String reasonCode) {
        declined = true;
        addReason(reasonCode);
    }

    public void refer(String reasonCode) {
        referred = true;
        addReason(reasonCode);
    }

    public void approve() {
        approved = true;
    }

    /** Adds a reason without changing the outcome, e.g. to explain a reduced amount. */
    public void addReason(String reasonCode) {
        for (Reason r : reasons) {
            if (r.code().equals(reasonCode)) {
                return;
            }
        }
        reasons.add(new Reason(reasonCode, stage));
    }

    /** Sets the annual percentage rate as a fraction (0.189 = 18.9 %). The last rule to set it wins. */
    public void setApr(double apr) {
        this.apr = apr;
    }

    /** Lowers the approved amount to at most {@code cap}; several caps keep the lowest. */
    public void capAmount(double cap) {
        amountCap = amountCap == null ? cap : Math.min(amountCap, cap);
    }

    /** The outcome so far: DECLINE, REFER, APPROVE, or null when no rule has decided yet. */
    public String getOutcome() {
        if (declined) return DECLINE;
        if (referred) return REFER;
        if (approved) return APPROVE;
        return null;
    }

    public boolean isDeclined() {
        return declined;
    }

    public boolean isReferred() {
        return referred;
    }

    public boolean isApproved() {
        return approved && !declined && !referred;
    }

    public Double getApr() {
        return apr;
    }

    public Double getAmountCap() {
        return amountCap;
    }

    public List<Reason> getReasons() {
        return List.copyOf(reasons);
    }

    /** Called by the engine between stages; rules have no reason to call it. */
    public void enterStage(String stage) {
        this.stage = stage;
    }

    public record Reason(String code, String source) {}
}
