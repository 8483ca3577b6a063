package io.credence.engine;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void runs() {
        long t0 = System.nanoTime();
        CompiledPolicy p = PolicyCompiler.compile(SeedPackagesOnDisk.load("IN"), 1);
        System.out.println("compile ms " + (System.nanoTime() - t0) / 1e6);
        LoanApplication app = new LoanApplication("A-1", "IN", "PERSONAL_LOAN", "APP",
            new LoanApplication.Applicant("C-1", 34, new BigDecimal("85000"), "SALARIED", 60, "RENTER", 1, true),
            new LoanApplication.Loan(new BigDecimal("200000"), "INR", 24, "DEBT_CONSOLIDATION"),
            new LoanApplication.Bureau(742, 48, 0, 2, 1, new BigDecimal("12000")),
            new LoanApplication.Device("d-1", "IN"), null);
        for (int i = 0; i < 20000; i++) p.decide(app, Enrichment.NONE);
        long t1 = System.nanoTime();
        for (int i = 0; i < 20000; i++) p.decide(app, Enrichment.NONE);
        System.out.println("us/decision " + (System.nanoTime() - t1) / 20000 / 1e3);
        System.out.println(p.decide(app, Enrichment.NONE));
    }
}
