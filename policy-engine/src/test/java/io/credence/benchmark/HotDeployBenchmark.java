package io.credence.benchmark;

import io.credence.engine.CompiledPolicy;
import io.credence.engine.PolicyCompiler;
import io.credence.engine.PolicyPackage;
import io.credence.engine.SeedPackagesOnDisk;
import io.credence.engine.Warmup;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hot deploy as the service does it, in one JVM: compile a new version of a 200-rule package, warm
 * it with the same {@link Warmup} the deployment service runs, and swap it in with one reference
 * write, while a thread makes decisions on whatever serves. Reports each deploy's compile, warm and
 * total time, the decision latency percentiles in steady state and during deploys, and then
 * Metaspace and class counts over many deploys of a seed package, keeping the last 32 versions as
 * the service's cache does. No HTTP or database: see docs/performance.md for those costs.
 *
 * <p>Arguments: [timed deploys of the 200-rule package, default 20] [deploys for the Metaspace run,
 * default 1000].
 */
public final class HotDeployBenchmark {

    private static final int WARMUP_ROUNDS = 40; // CompiledPolicies.WARMUP_ROUNDS
    private static final int CACHE = 32; // CompiledPolicies.CAPACITY
    private static final int MAX_SAMPLES = 16_000_000;

    public static void main(String[] args) throws Exception {
        int timedDeploys = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int metaspaceDeploys = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        swapUnderLoad(timedDeploys);
        metaspace(metaspaceDeploys);
    }

    private static void swapUnderLoad(int deploys) throws InterruptedException {
        PolicyPackage large = LargePolicy.india(16);
        System.out.printf(
                "# %d-rule IN package, %d deploys while one thread decides%n", LargePolicy.rules(large), deploys);
        AtomicReference<CompiledPolicy> serving = new AtomicReference<>(deploy(large, 1).policy);
        List<ApplicationMix.Case> mix = ApplicationMix.of(serving.get().settings(), 20261121L);
        for (int i = 0; i < 50; i++)
            for (ApplicationMix.Case c : mix) serving.get().decide(c.application(), c.enrichment());

        long[] startedAt = new long[MAX_SAMPLES];
        long[] latency = new long[MAX_SAMPLES];
        int[] count = new int[1];
        AtomicBoolean running = new AtomicBoolean(true);
        Thread load = new Thread(
                () -> {
                    int n = 0;
                    while (running.get() && n < MAX_SAMPLES) {
                        ApplicationMix.Case c = mix.get(n & (ApplicationMix.SIZE - 1));
                        long t0 = System.nanoTime();
                        serving.get().decide(c.application(), c.enrichment());
                        startedAt[n] = t0;
                        latency[n] = System.nanoTime() - t0;
                        n++;
                    }
                    count[0] = n;
                },
                "decisions");
        load.start();
        Thread.sleep(3_000);

        long[][] windows = new long[deploys][2];
        long[] compileMs = new long[deploys];
        long[] warmMs = new long[deploys];
        long[] totalMs = new long[deploys];
        long[] compileCpuMs = new long[deploys];
        long[] warmCpuMs = new long[deploys];
        for (int i = 0; i < deploys; i++) {
            long started = System.nanoTime();
            Deployed next = deploy(large, i + 2);
            serving.set(next.policy);
            long swapped = System.nanoTime();
            windows[i][0] = started;
            windows[i][1] = swapped + 50_000_000L; // the first decisions on the new version count as "during"
            compileMs[i] = next.compileNanos / 1_000_000;
            warmMs[i] = next.warmNanos / 1_000_000;
            totalMs[i] = (swapped - started) / 1_000_000;
            compileCpuMs[i] = next.compileCpuNanos / 1_000_000;
            warmCpuMs[i] = next.warmCpuNanos / 1_000_000;
            Thread.sleep(1_500);
        }
        running.set(false);
        load.join();

        List<Long> steady = new ArrayList<>();
        List<Long> during = new ArrayList<>();
        for (int n = 0; n < count[0]; n++) {
            boolean inWindow = false;
            for (long[] w : windows) {
                if (startedAt[n] >= w[0] && startedAt[n] <= w[1]) {
                    inWindow = true;
                    break;
                }
            }
            (inWindow ? during : steady).add(latency[n]);
        }
        System.out.printf(Locale.ROOT, "compile ms: median %d, max %d%n", median(compileMs), max(compileMs));
        System.out.printf(Locale.ROOT, "warm ms:    median %d, max %d%n", median(warmMs), max(warmMs));
        System.out.printf(
                Locale.ROOT,
                "deploying thread's CPU ms: compile median %d, warm median %d%n",
                median(compileCpuMs),
                median(warmCpuMs));
        System.out.printf(
                Locale.ROOT,
                "compile + warm + swap ms: median %d, max %d (all: %s)%n",
                median(totalMs),
                max(totalMs),
                Arrays.toString(totalMs));
        System.out.printf(
                Locale.ROOT,
                "decisions steady:      %,d  p50 %.1f µs  p99 %.1f µs  p99.9 %.1f µs%n",
                steady.size(),
                pct(steady, 0.50),
                pct(steady, 0.99),
                pct(steady, 0.999));
        System.out.printf(
                Locale.ROOT,
                "decisions during swap: %,d  p50 %.1f µs  p99 %.1f µs  p99.9 %.1f µs%n",
                during.size(),
                pct(during, 0.50),
                pct(during, 0.99),
                pct(during, 0.999));
        System.out.printf(Locale.ROOT, "p99 during / p99 steady: %.2f%n", pct(during, 0.99) / pct(steady, 0.99));
    }

    private static void metaspace(int deploys) {
        PolicyPackage seed = SeedPackagesOnDisk.load("IN");
        System.out.printf("# Metaspace over %d deploys of the IN seed, keeping the last %d versions%n", deploys, CACHE);
        ArrayDeque<CompiledPolicy> cache = new ArrayDeque<>();
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        for (int i = 1; i <= deploys; i++) {
            cache.addLast(deploy(seed, i).policy);
            if (cache.size() > CACHE) cache.removeFirst();
            if (i == 1 || i % 100 == 0) {
                System.gc();
                MemoryPoolMXBean meta = metaspacePool();
                System.out.printf(
                        Locale.ROOT,
                        "after %4d deploys: Metaspace used %6.1f MB, committed %6.1f MB; classes loaded %,d, unloaded %,d; heap used %.0f MB%n",
                        i,
                        meta.getUsage().getUsed() / 1e6,
                        meta.getUsage().getCommitted() / 1e6,
                        classes.getLoadedClassCount(),
                        classes.getUnloadedClassCount(),
                        (Runtime.getRuntime().totalMemory()
                                        - Runtime.getRuntime().freeMemory())
                                / 1e6);
            }
        }
    }

    /** Wall-clock and this thread's CPU time of each step: CPU time shows what a busy machine hides. */
    private record Deployed(
            CompiledPolicy policy, long compileNanos, long warmNanos, long compileCpuNanos, long warmCpuNanos) {}

    private static Deployed deploy(PolicyPackage policy, int version) {
        var threads = ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        CompiledPolicy compiled = PolicyCompiler.compile(policy, version);
        long compiledAt = System.nanoTime();
        long cpuCompiled = threads.getCurrentThreadCpuTime();
        Warmup.run(compiled, WARMUP_ROUNDS);
        return new Deployed(
                compiled,
                compiledAt - started,
                System.nanoTime() - compiledAt,
                cpuCompiled - cpuStarted,
                threads.getCurrentThreadCpuTime() - cpuCompiled);
    }

    private static MemoryPoolMXBean metaspacePool() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getName().equals("Metaspace"))
                .findFirst()
                .orElseThrow();
    }

    private static double pct(List<Long> nanos, double p) {
        if (nanos.isEmpty()) return Double.NaN;
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1_000.0;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
