package io.credence.workbench.deployment;

import io.credence.deployment.DeploymentService;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Runs a deployment or rollback off the UI thread: compiling and warming a policy takes seconds,
 * and the page shows progress meanwhile instead of freezing.
 */
@Component
class DeploymentRunner {

    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("workbench-deploy-", 0).factory());

    CompletableFuture<DeploymentService.Result> run(Supplier<DeploymentService.Result> change) {
        return CompletableFuture.supplyAsync(change, executor);
    }

    @PreDestroy
    void close() {
        executor.close();
    }
}
