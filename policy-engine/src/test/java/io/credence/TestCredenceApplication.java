package io.credence;

import io.credence.support.MovableClock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The engine's API without the workbench, for full-stack tests of this module. */
@SpringBootApplication
public class TestCredenceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TestCredenceApplication.class, args);
    }

    /** Time that tests can move (see {@link MovableClock}); the system's until one does. */
    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }
}
